import { describe, expect, it } from 'vitest';
import { canonicalJson, chunkCreates, groupUpdates, writeBatches, type WriteBatch } from '../../src/records/index.ts';
import { TwentyError } from '../../src/twenty/errors.ts';
import { FakeTransport, pagingAnswer } from './fake-transport.ts';

const LEAD = { nameSingular: 'intelLead', namePlural: 'intelLeads' };

describe('grouping writes', () => {
  it('puts records that get the same values into one update of at most 100 ids', () => {
    const updates = [
      ...Array.from({ length: 150 }, (_, i) => ({ id: `a${i}`, data: { clientTier: 'GOLD', score: 1 } })),
      { id: 'b', data: { score: 1, clientTier: 'GOLD' } }, // same values, keys in another order
      { id: 'c', data: { clientTier: 'SILVER' } },
    ];
    const batches = groupUpdates(LEAD, updates);
    expect(batches.map((b) => [b.data, b.ids.length])).toEqual([
      [{ clientTier: 'GOLD', score: 1 }, 100],
      [{ clientTier: 'GOLD', score: 1 }, 51],
      [{ clientTier: 'SILVER' }, 1],
    ]);
  });

  it('keeps only the last update of a record listed twice', () => {
    const batches = groupUpdates(LEAD, [
      { id: 'x', data: { a: 1 } },
      { id: 'x', data: { a: 2 } },
    ]);
    expect(batches).toEqual([{ kind: 'update', object: LEAD, data: { a: 2 }, ids: ['x'] }]);
  });

  it('writes equal values as equal text, nested keys sorted, undefined left out', () => {
    expect(canonicalJson({ b: { y: 1, x: [2, { q: 1, p: null }] }, a: undefined })).toBe('{"b":{"x":[2,{"p":null,"q":1}],"y":1}}');
  });

  it('chunks creates by 60', () => {
    const records = Array.from({ length: 125 }, (_, i) => ({ id: `r${i}` }));
    expect(chunkCreates(LEAD, records).map((b) => b.records.length)).toEqual([60, 60, 5]);
  });
});

describe('sending writes', () => {
  it('sends one bulk update per batch, filtered by id', async () => {
    const t = new FakeTransport(() => ({ updateIntelLeads: [] }));
    const result = await writeBatches(
      t,
      groupUpdates(LEAD, [
        { id: 'a', data: { stage: 'PUBLISHED' } },
        { id: 'b', data: { stage: 'PUBLISHED' } },
      ]),
    );
    expect(result).toEqual({ batches: 1, records: 2 });
    expect(t.sent[0]?.query).toBe(
      'mutation Update($ids: [UUID!], $data: IntelLeadUpdateInput!) { updateIntelLeads(filter: { id: { in: $ids } }, data: $data) { id } }',
    );
    expect(t.sent[0]?.variables).toEqual({ ids: ['a', 'b'], data: { stage: 'PUBLISHED' } });
    expect(t.sent[0]?.opts).toEqual({ operation: 'update 2 intelLeads', write: true });
  });

  it('re-sends an update whose answer was lost, and a lost create as an upsert of the same ids', async () => {
    let calls = 0;
    const t = new FakeTransport(() => {
      calls++;
      if (calls === 1 || calls === 3) throw new TwentyError({ kind: 'outcome-unknown', operation: 'x', message: 'the answer was lost' });
      return {};
    });
    const batches = [...groupUpdates(LEAD, [{ id: 'a', data: { stage: 'FEEDBACK' } }]), ...chunkCreates(LEAD, [{ id: 'n1', name: 'New' }])];
    expect(await writeBatches(t, batches)).toEqual({ batches: 2, records: 2 });
    expect(t.sent.map((s) => s.opts.operation)).toEqual([
      'update 1 intelLeads',
      'update 1 intelLeads (again, after a lost answer)',
      'create 1 intelLeads',
      'create 1 intelLeads (as an upsert, after a lost answer)',
    ]);
    expect(t.sent[3]?.variables).toEqual({ data: [{ id: 'n1', name: 'New' }], upsert: true });
  });

  it('stops at the first failure and says how far it got', async () => {
    let calls = 0;
    const t = new FakeTransport(() => {
      if (++calls === 2) throw new TwentyError({ kind: 'invalid-input', operation: 'x', message: 'Value "LOST" does not exist' });
      return {};
    });
    const batches = groupUpdates(LEAD, [
      { id: 'a', data: { n: 1 } },
      { id: 'b', data: { n: 2 } },
      { id: 'c', data: { n: 3 } },
    ]);
    const result = await writeBatches(t, batches);
    expect(result).toMatchObject({ batches: 1, records: 1 });
    expect(result.error?.message).toBe('Value "LOST" does not exist');
    expect(t.sent).toHaveLength(2);
  });
});

describe('sending upserts of live records', () => {
  const batch = (ids: string[]): WriteBatch => ({ kind: 'upsert', object: LEAD, records: ids.map((id, i) => ({ id, score: i })) });
  /** Live leads answer the liveness check; every upsert is recorded; `cap` mimics "Maximum number of records to upsert is N.". */
  const server = (live: string[], cap = Infinity) =>
    new FakeTransport((req) => {
      if (req.query.startsWith('query'))
        return pagingAnswer(
          'intelLeads',
          live.map((id) => ({ id })),
        )(req);
      const data = (req.variables?.data as unknown[]) ?? [];
      if (data.length > cap)
        throw new TwentyError({ kind: 'invalid-input', operation: 'x', message: `Maximum number of records to upsert is ${cap}.` });
      return { createIntelLeads: data };
    });

  it('re-reads the ids first and upserts only those still live, reporting the others as skipped', async () => {
    const t = server(['a', 'c']);
    const result = await writeBatches(t, [batch(['a', 'b', 'c'])]);
    expect(result).toEqual({ batches: 1, records: 2, skipped: ['b'] });
    expect(t.sent.map((s) => s.opts.operation)).toEqual(['read intelLeads (page 1)', 'update 2 intelLeads (upsert)']);
    expect(t.sent[0]?.variables).toMatchObject({ filter: { id: { in: ['a', 'b', 'c'] } }, first: 3 });
    expect(t.sent[1]?.query).toBe(
      'mutation Upsert($data: [IntelLeadCreateInput!]!) { createIntelLeads(data: $data, upsert: true) { id } }',
    );
    expect(t.sent[1]?.variables).toEqual({
      data: [
        { id: 'a', score: 0 },
        { id: 'c', score: 2 },
      ],
    });
  });

  it('sends nothing when every record is gone', async () => {
    const t = server([]);
    expect(await writeBatches(t, [batch(['a'])])).toEqual({ batches: 1, records: 0, skipped: ['a'] });
    expect(t.sent).toHaveLength(1);
  });

  it("cuts a batch to the server's create cap, and the following batches too", async () => {
    const ids = Array.from({ length: 5 }, (_, i) => `r${i}`);
    const t = server(ids, 2);
    expect(await writeBatches(t, [batch(ids.slice(0, 3)), batch(ids.slice(3))])).toEqual({ batches: 2, records: 5 });
    const upserts = t.sent.filter((s) => s.opts.write).map((s) => (s.variables?.data as unknown[]).length);
    expect(upserts).toEqual([3, 2, 1, 2]);
  });
});
