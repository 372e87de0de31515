// The reference resolver every layer uses: each accepted form, and the message and hint a
// person gets when a reference does not resolve.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRefIndex, refOf, type FieldResolution, type ObjectResolution, type RefIndex } from '../../src/pack/refs.ts';
import { loadPack, NAME_FIELD, objectYaml, UID } from './rules-fixture.ts';

const files = {
  'objects/client.object.yaml': objectYaml({
    uid: UID.client,
    singular: 'client',
    plural: 'clients',
    fields: `${NAME_FIELD}  - universalIdentifier: ${UID.f1}
    name: stage
    type: SELECT
    label: 阶段
    options: [{ value: NEW, label: 新建, position: 0 }, { value: WON, label: 已成交, position: 1 }]
  - universalIdentifier: ${UID.clientAdvisor}
    name: advisor
    type: RELATION
    label: 客户经理
    relationTargetObjectMetadataUniversalIdentifier: ${UID.advisor}
    relationTargetFieldMetadataUniversalIdentifier: clients
    universalSettings: { relationType: MANY_TO_ONE, joinColumnName: advisorId }
  - universalIdentifier: ${UID.f2}
    name: employer
    type: RELATION
    label: 所在企业
    relationTargetObjectMetadataUniversalIdentifier: standard:company
    relationTargetFieldMetadataUniversalIdentifier: clients
    universalSettings: { relationType: MANY_TO_ONE, joinColumnName: employerId }
`,
  }),
  'objects/advisor.object.yaml': objectYaml({
    uid: UID.advisor,
    singular: 'advisor',
    plural: 'advisors',
    labels: ['客户经理', '客户经理库'],
    fields: `  - universalIdentifier: ${UID.advisorClients}
    name: clients
    type: RELATION
    label: 客户
    relationTargetObjectMetadataUniversalIdentifier: client
    relationTargetFieldMetadataUniversalIdentifier: ${UID.clientAdvisor}
    universalSettings: { relationType: ONE_TO_MANY }
`,
  }),
  'fields/company-clients.field.yaml': `objectUniversalIdentifier: standard:company
universalIdentifier: ${UID.companyField}
name: clients
type: RELATION
label: 客户
relationTargetObjectMetadataUniversalIdentifier: client
relationTargetFieldMetadataUniversalIdentifier: employer
universalSettings: { relationType: ONE_TO_MANY }
`,
};

let refs: RefIndex;
beforeAll(async () => {
  refs = buildRefIndex(await loadPack(files));
});

const object = (r: ObjectResolution): string => (r.found ? `${r.origin} ${refOf(r.object)}` : `not found: ${r.message} (${r.hint ?? ''})`);
const field = (r: FieldResolution): string =>
  r.found ? `${r.origin} ${refOf(r.field)} ${r.field.type ?? '?'}` : `not found: ${r.message} (${r.hint ?? ''})`;

describe('resolveObject', () => {
  it('finds pack objects by name or UUID (any case) and standard ones by standard: or bare name', () => {
    expect(object(refs.resolveObject('client'))).toBe('pack client');
    expect(object(refs.resolveObject(` ${UID.advisor.toUpperCase()} `))).toBe('pack advisor');
    expect(object(refs.resolveObject('standard:company'))).toBe('standard standard:company');
    expect(object(refs.resolveObject('20202020-b374-4779-a561-80086cb2e17f'))).toBe('standard standard:company');
    expect(object(refs.resolveObject('workspaceMember'))).toBe('standard standard:workspaceMember');
  });

  it('explains a misspelt, plural, prefixed or field-shaped reference', () => {
    expect(object(refs.resolveObject('clinet'))).toBe('not found: no object is named "clinet" (did you mean "client"?)');
    expect(object(refs.resolveObject('compnay'))).toBe('not found: no object is named "compnay" (did you mean "standard:company"?)');
    expect(object(refs.resolveObject('clients'))).toBe(
      'not found: no object is named "clients" (objects are referred to by their singular name: "client")',
    );
    expect(object(refs.resolveObject('companies'))).toBe(
      'not found: no object is named "companies" (objects are referred to by their singular name: "standard:company")',
    );
    expect(object(refs.resolveObject('standard:client'))).toBe(
      'not found: Twenty has no standard object "client" ("client" is a pack object: write it without "standard:")',
    );
    expect(object(refs.resolveObject('client.stage'))).toBe('not found: "client.stage" names a field, not an object (write "client")');
    expect(object(refs.resolveObject(UID.f1))).toBe(
      `not found: ${UID.f1} is the universalIdentifier of field client.stage, not of an object (write the object's name, e.g. "client")`,
    );
  });
});

describe('resolveField', () => {
  it('reads a bare name on the context object, given as a target or a reference', () => {
    const client = refs.resolveObject('client');
    if (!client.found) throw new Error('client');
    expect(field(refs.resolveField('stage', client.object))).toBe('pack client.stage SELECT');
    expect(field(refs.resolveField('stage', 'client'))).toBe('pack client.stage SELECT');
    expect(field(refs.resolveField('stage', 'nobody'))).toMatch(/^not found: no object is named "nobody"/);
  });

  it("finds the fields Twenty adds to every custom object, and the object's own name field first", () => {
    expect(field(refs.resolveField('createdAt', 'client'))).toBe('system client.createdAt DATE_TIME');
    expect(field(refs.resolveField('name', 'client'))).toBe('pack client.name TEXT');
    // advisor declares no name field, so Twenty's default one is there.
    expect(field(refs.resolveField('advisor.name'))).toBe('system advisor.name TEXT');
  });

  it('finds standard fields and the fields the pack adds to standard objects, by name or UUID', () => {
    expect(field(refs.resolveField('standard:company.domainName'))).toBe('standard standard:company.domainName LINKS');
    expect(field(refs.resolveField('standard:company.clients'))).toBe('pack standard:company.clients RELATION');
    expect(field(refs.resolveField(UID.companyField))).toBe('pack standard:company.clients RELATION');
    expect(field(refs.resolveField('domainName', 'standard:company'))).toBe('standard standard:company.domainName LINKS');
  });

  it('explains what is missing, with a did-you-mean', () => {
    expect(field(refs.resolveField('stge', 'client'))).toBe('not found: client has no field "stge" (did you mean "stage"?)');
    expect(field(refs.resolveField('stage'))).toBe('not found: "stage" does not say which object its field is on (write "client.stage")');
    expect(field(refs.resolveField('standard:company'))).toBe(
      'not found: "standard:company" names an object, not a field (write one of its fields, e.g. "standard:company.name")',
    );
    expect(field(refs.resolveField(UID.client))).toMatch(/is the universalIdentifier of object client, not of a field/);
    expect(field(refs.resolveField('1b3f6e2a-0c4d-4e5f-8a9b-0c1d2e3f4a5b'))).toBe(
      'not found: no field has the universalIdentifier 1b3f6e2a-0c4d-4e5f-8a9b-0c1d2e3f4a5b (check the UUID, or write the field by name (stage, intelLead.stage))',
    );
  });
});

describe('relations and fields of an object', () => {
  it('follows a relation to its other side, for pack and standard fields', () => {
    const advisor = refs.resolveField('client.advisor');
    const employer = refs.resolveField('client.employer');
    const owner = refs.resolveField('standard:company.accountOwner');
    if (!advisor.found || !employer.found || !owner.found) throw new Error('setup');
    expect(field(refs.relationTarget(advisor.field))).toBe('pack advisor.clients RELATION');
    expect(field(refs.relationTarget(employer.field))).toBe('pack standard:company.clients RELATION');
    expect(field(refs.relationTarget(owner.field))).toBe('standard standard:workspaceMember.accountOwnerForCompanies RELATION');
  });

  it('lists pack fields first, then the fields Twenty adds, without a second name field', () => {
    const client = refs.resolveObject('client');
    if (!client.found) throw new Error('client');
    const names = refs.fieldsOf(client.object).map((f) => `${f.origin}:${f.name}`);
    expect(names.slice(0, 4)).toEqual(['pack:name', 'pack:stage', 'pack:advisor', 'pack:employer']);
    expect(names).toContain('system:createdBy');
    expect(names.filter((n) => n.endsWith(':name'))).toEqual(['pack:name']);
  });

  it('gives each pack field its target, and none to a field whose object does not resolve', async () => {
    const pack = await loadPack({
      ...files,
      'fields/lost.field.yaml': `objectUniversalIdentifier: standard:nowhere\nuniversalIdentifier: ${UID.f3}\nname: lost\ntype: TEXT\nlabel: 丢失\n`,
    });
    const index = buildRefIndex(pack);
    const lost = pack.fields.find((f) => f.name === 'lost');
    expect(lost && index.targetOf(lost)).toBeUndefined();
    expect(field(index.resolveField(UID.f3))).toBe(
      `not found: field "lost" (${UID.f3}) belongs to an object that does not resolve (fix its objectUniversalIdentifier (standard:nowhere))`,
    );
  });
});
