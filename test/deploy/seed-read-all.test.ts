// A seed keyed by a composite value (a person's email) cannot be filtered by key, so the
// plan reads every record of the object. In a CRM with more than 1000 pages of them
// (60 000 people), the record the seed names may be on page 1001: the read must go on
// to the end, or the plan would create it a second time.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparePlan } from '../../src/deploy/index.ts';
import type { ValidPack as Pack } from '../../src/pack/index.ts';
import { clientFor, loadPack, MINI_PACK, miniSandbox, type Sandbox } from './sandbox-helpers.ts';

const PEOPLE = 60_030;
let sb: Sandbox;
let pack: Pack;

beforeAll(async () => {
  sb = await miniSandbox();
  const person = sb.workspace.toData().objects.find((o) => o.nameSingular === 'person')!;
  const table = sb.workspace.table(person.id);
  const ids = Array.from({ length: PEOPLE }, () => randomUUID()).sort();
  const at = new Date().toISOString();
  ids.forEach((id, i) =>
    table.insert({
      id,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      name: { firstName: `P${i}`, lastName: '' },
      emails: { primaryEmail: `p${i}@example.com`, additionalEmails: null },
      jobTitle: '',
    }),
  );
  const mini = await loadPack(MINI_PACK);
  // The last person in Twenty's order (id ascending), as a reference record keyed by email.
  const seed = {
    object: 'person',
    key: ['emails'],
    demo: false,
    source: { file: 'seeds/people.seed.yaml', path: [] },
    records: [{ emails: { primaryEmail: `p${PEOPLE - 1}@example.com` }, jobTitle: '' }],
  };
  pack = { ...mini, seeds: [seed] };
}, 60_000);
afterAll(async () => sb?.close());

describe('reading the records a seed may have', () => {
  it('reads past 1000 pages: the person on the last page is found, not planned again', async () => {
    const client = clientFor(sb);
    const { plan } = await preparePlan(client, pack);
    expect(plan.changes.filter((c) => c.kind === 'records').map((c) => c.title)).toEqual([]);
    expect(client.counter.snapshot().readsByKind['records:person']).toBe(Math.ceil(PEOPLE / 60) - 1);
  }, 120_000);
});
