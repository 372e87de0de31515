// Seed files' relation values (`branch: { code: SH-PD }`) resolved to join-column ids,
// and the order seed files load in so that every target exists first.
import { describe, expect, it } from 'vitest';
import type { ActualField, ActualObject } from '../../src/deploy/state.ts';
import type { FieldType, SeedDef } from '../../src/pack/model.ts';
import { seedLayers } from '../../src/deploy/seed/layers.ts';
import { resolveSeed, withJoinColumns } from '../../src/deploy/seed/relations.ts';

const field = (name: string, type: FieldType, relation?: { type: 'MANY_TO_ONE' | 'ONE_TO_MANY'; target: string }): ActualField => ({
  id: `f-${name}`,
  objectId: 'o',
  name,
  label: name,
  type,
  description: null,
  icon: null,
  isActive: true,
  isSystem: false,
  isNullable: true,
  isUnique: false,
  defaultValue: null,
  options: null,
  settings: relation?.type === 'MANY_TO_ONE' ? { relationType: 'MANY_TO_ONE', joinColumnName: `${name}Id` } : null,
  applicationId: null,
  translations: {},
  ...(relation
    ? {
        relation: {
          type: relation.type,
          targetObjectId: `o-${relation.target}`,
          targetObjectName: relation.target,
          targetFieldId: 'x',
          targetFieldName: 'x',
        },
      }
    : {}),
});

const invitation: ActualObject = {
  id: 'o-eventInvitation',
  nameSingular: 'eventInvitation',
  namePlural: 'eventInvitations',
  labelSingular: '邀请',
  labelPlural: '邀请',
  description: null,
  icon: null,
  isActive: true,
  isSystem: false,
  applicationId: null,
  labelIdentifierFieldMetadataId: null,
  translations: {},
  fields: [
    field('name', 'TEXT'),
    field('status', 'SELECT'),
    field('company', 'RELATION', { type: 'MANY_TO_ONE', target: 'company' }),
    field('person', 'RELATION', { type: 'MANY_TO_ONE', target: 'person' }),
    field('attendees', 'RELATION', { type: 'ONE_TO_MANY', target: 'attendee' }),
  ],
};

const seed = (records: Array<Record<string, unknown>>): SeedDef => ({
  object: 'eventInvitation',
  key: ['name'],
  demo: true,
  records,
  source: { file: 'seeds/demo/61-event-invitations.seed.yaml', path: [] },
});

const targets = new Map([
  [
    'company',
    [
      { id: 'c1', name: '华鑫药业股份有限公司' },
      { id: 'c2', name: '申通远洋物流集团有限公司' },
      { id: 'c3', name: '同名公司' },
      { id: 'c4', name: '同名公司' },
    ],
  ],
  ['person', [{ id: 'p1', emails: { primaryEmail: 'haitao.liu@example.com', additionalEmails: null } }]],
]);

describe('relation values in seed files', () => {
  it('become join-column ids, matched by a plain value or by a composite sub-field', () => {
    const { seed: out, problems } = resolveSeed(
      seed([
        {
          name: 'A',
          status: 'INVITED',
          company: { name: '华鑫药业股份有限公司' },
          person: { emails: { primaryEmail: 'haitao.liu@example.com' } },
        },
        { name: 'B', company: null },
      ]),
      invitation,
      targets,
    );
    expect(problems).toEqual([]);
    expect(out.records).toEqual([
      { name: 'A', status: 'INVITED', companyId: 'c1', personId: 'p1' },
      { name: 'B', companyId: null },
    ]);
  });

  it('leave out a record whose target is missing or ambiguous, and say where and why', () => {
    const { seed: out, problems } = resolveSeed(
      seed([
        { name: 'A', company: { name: '不存在的公司' } },
        { name: 'B', company: { name: '同名公司' } },
        { name: 'C', company: { name: '华鑫药业股份有限公司' } },
      ]),
      invitation,
      targets,
    );
    expect(out.records.map((r) => r.name)).toEqual(['C']);
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      [['records', 0, 'company'], 'no company with name=不存在的公司: this record was not loaded'],
      [['records', 1, 'company'], '2 company records have name=同名公司: this record was not loaded'],
    ]);
    expect(problems[0]?.hint).toContain('sorts before this one');
  });

  it('refuse a one-to-many value: the link is seeded from the other side', () => {
    const { problems } = resolveSeed(seed([{ name: 'A', attendees: { name: 'x' } }]), invitation, targets);
    expect(problems[0]?.message).toBe('attendees lists many records: seed the link from the other side');
  });

  it("are read back through the join columns deploy's seed reader is shown", () => {
    const names = withJoinColumns(invitation).fields.map((f) => `${f.name}:${f.type}`);
    expect(names).toEqual(expect.arrayContaining(['companyId:UUID', 'personId:UUID']));
    expect(names).not.toContain('attendeesId:UUID');
  });
});

describe('the order seed files load in', () => {
  const file = (item: string, object: string, targets: string[] = []) => ({ item, object, targets: new Set(targets) });

  it('puts each file after the files that seed what it points at, and independent files together', () => {
    const layers = seedLayers([
      file('10-branches', 'branch'),
      file('11-products', 'bankProduct'),
      file('20-managers', 'clientManager', ['branch']),
      file('30-companies', 'company', ['clientManager']),
      file('31-more-companies', 'company', ['branch']),
      file('40-leads', 'intelLead', ['company', 'clientManager']),
    ]);
    expect(layers).toEqual([['10-branches', '11-products'], ['20-managers', '31-more-companies'], ['30-companies'], ['40-leads']]);
  });

  it('ignores a file pointing at its own object or at an object no earlier file seeds', () => {
    expect(seedLayers([file('a', 'person', ['person', 'workspaceMember']), file('b', 'company')])).toEqual([['a', 'b']]);
  });
});
