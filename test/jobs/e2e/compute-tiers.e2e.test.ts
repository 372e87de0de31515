// compute-tiers against the sandbox: tiers, scores and dates written only where they
// change, identical changes grouped into one bulk update, distinct ones upserted 200 a
// request (only records still live), nothing on a second run. Request counts are the
// sandbox's own log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport, reportJson } from '../../../src/jobs/index.ts';
import { writeBatches, type WriteBatch } from '../../../src/records/index.ts';
import { startJobSandbox, type JobSandbox } from './sandbox-world.ts';

let w: JobSandbox;
const NOW = Date.parse('2025-07-01T00:00:00Z');
const cny = (yuan: number) => ({ amountMicros: yuan * 1_000_000, currencyCode: 'CNY' });
const ids: Record<string, string> = {};
const FILLER = 130;

beforeAll(async () => {
  w = await startJobSandbox();
  const named = await w.create('companies', 'company', [
    { name: 'Platinum Co', depositBalance: cny(12_000_000) },
    { name: 'Boundary Co', depositBalance: cny(3_000_000), clientTier: 'SILVER', contributionScore: 250 },
    { name: 'Falling Co', depositBalance: cny(100_000), clientTier: 'GOLD', contributionScore: 400 },
    { name: 'Steady Co', depositBalance: cny(500_000), feeIncome: cny(10_000), clientTier: 'SILVER', contributionScore: 60 },
    { name: 'No Figures Co', clientTier: 'GOLD', contributionScore: 500 },
    { name: 'Dollar Co', depositBalance: { amountMicros: 5e12, currencyCode: 'USD' } },
    { name: 'Growing Co', depositBalance: cny(1_000_000), clientTier: 'SILVER', contributionScore: 90 },
  ]);
  ['platinum', 'boundary', 'falling', 'steady', 'nofigures', 'dollar', 'growing'].forEach((k, i) => (ids[k] = named[i] as string));
  await w.create(
    'companies',
    'company',
    Array.from({ length: FILLER }, (_, i) => ({ name: `Small ${i}`, depositBalance: cny(0) })),
  );
  ids.person = (
    await w.create('people', 'person', [{ name: { firstName: '娜', lastName: '李' }, depositBalance: cny(6_500_000) }])
  )[0] as string;
});
afterAll(async () => w.close());

interface Client {
  clientTier: string | null;
  previousTier: string | null;
  tierSetAt: string | null;
  contributionScore: number | null;
}
const FIELDS = 'clientTier previousTier tierSetAt contributionScore';
const company = async (key: string): Promise<Client | undefined> => (await w.all<Client>('companies', FIELDS, { id: { eq: ids[key] } }))[0];
const shape = (b: WriteBatch): [string, number] => [b.kind, b.kind === 'update' ? b.ids.length : b.records.length];
const setDeposit = (key: string, yuan: number): Promise<unknown> =>
  w.gql.request('mutation($id: UUID!, $d: CurrencyUpdateInput) { updateCompany(id: $id, data: { depositBalance: $d }) { id } }', {
    id: ids[key],
    d: cny(yuan),
  });

describe('compute-tiers end to end', () => {
  it('with --dry-run reports upgrades and downgrades and sends no mutation', async () => {
    const { outcome, writes } = await w.run('compute-tiers', { now: NOW, dryRun: true });
    expect(writes).toBe(0);
    expect(Object.fromEntries(outcome.plan.counts)).toEqual({
      'clients read': 138,
      upgrades: 1,
      downgrades: 1,
      'first tiers': 132,
      'score changes': 1,
      unchanged: 1,
      skipped: 2,
    });
    const text = renderReport(outcome);
    expect(text).toContain('Upgrades (1)\n  • Boundary Co [company]: SILVER → GOLD: score 300 (GOLD from 300)');
    expect(text).toContain('Downgrades (1)\n  • Falling Co [company]: GOLD → STANDARD: score 10 (STANDARD from 0)');
    expect(text).toContain('• Dollar Co [company]: a balance in USD, not CNY');
    expect((await company('boundary'))?.clientTier).toBe('SILVER');
  });

  it('writes tier, previous tier, date and score, grouping identical changes, in the fewest requests', async () => {
    const { outcome, writes, requests } = await w.run('compute-tiers', { now: NOW });
    // Reads at 200 a page: 137 companies in 1, the person in 1. Writes: 100 of the 130 identical first tiers
    // in one bulk update; the other 30 with Platinum, Boundary, Falling and Growing (score only) in one
    // upsert of 34, after reading those 34 ids back (are they still live?); the person in one update.
    // 6 requests in the sandbox's log (before: 4 pages of 60 and 7 updates, 11).
    expect(outcome.plan.writes.map(shape)).toEqual([
      ['update', 100],
      ['upsert', 34],
      ['update', 1],
    ]);
    expect(requests).toBe(6);
    expect(writes).toBe(3);
    expect(outcome.written).toEqual({ batches: 3, records: 135 });
    expect(await company('boundary')).toEqual({
      id: ids.boundary,
      clientTier: 'GOLD',
      previousTier: 'SILVER',
      tierSetAt: '2025-07-01T00:00:00.000Z',
      contributionScore: 300,
    });
    expect(await company('falling')).toMatchObject({ clientTier: 'STANDARD', previousTier: 'GOLD' });
    expect(await company('growing')).toMatchObject({ clientTier: 'SILVER', previousTier: null, tierSetAt: null, contributionScore: 100 });
    expect(await company('nofigures')).toMatchObject({ clientTier: 'GOLD', contributionScore: 500 });
    expect(await company('dollar')).toMatchObject({ clientTier: null });
    const people = await w.all<Client>('people', FIELDS);
    expect(people[0]).toMatchObject({ clientTier: 'PLATINUM', contributionScore: 650 });
    const small = await w.all<Client>('companies', FIELDS, { name: { like: 'Small %' } });
    expect(new Set(small.map((c) => `${c.clientTier}/${c.contributionScore}`))).toEqual(new Set(['STANDARD/0']));
  });

  it('changes nothing on a second run, and only what moved after a balance changes', async () => {
    const again = await w.run('compute-tiers', { now: NOW + 86_400_000 });
    expect(again.writes).toBe(0);
    expect(renderReport(again.outcome)).toContain('Nothing to change.');
    await w.gql.request(
      'mutation($id: UUID!) { updateCompany(id: $id, data: { depositBalance: { amountMicros: 40000000000000, currencyCode: "CNY" } }) { id } }',
      { id: ids.falling },
    );
    const moved = await w.run('compute-tiers', { now: NOW + 2 * 86_400_000 });
    expect(moved.writes).toBe(1);
    const json = reportJson(moved.outcome) as {
      sections: Array<{ title: string; items: Array<{ id: string; values: Record<string, unknown> }> }>;
    };
    expect(json.sections.find((s) => s.title === 'Upgrades')?.items).toEqual([
      expect.objectContaining({
        id: ids.falling,
        values: expect.objectContaining({
          fromTier: 'STANDARD',
          toTier: 'PLATINUM',
          previousTier: 'STANDARD',
          tierSetAt: '2025-07-03T00:00:00.000Z',
        }),
      }),
    ]);
  });

  it("leaves a client deleted after the job read it deleted: Twenty's upsert would restore it", async () => {
    // Three new scores, all distinct: one upsert (and its check) beats three updates.
    await Promise.all([setDeposit('steady', 700_000), setDeposit('growing', 1_100_000), setDeposit('platinum', 13_000_000)]);
    const { outcome } = await w.run('compute-tiers', { now: NOW + 3 * 86_400_000, dryRun: true });
    expect(outcome.plan.writes.map(shape)).toEqual([['upsert', 3]]);
    await w.gql.request('mutation($id: UUID!) { deleteCompany(id: $id) { id } }', { id: ids.steady });
    const before = w.sandbox.requests().length;
    const written = await writeBatches(w.client(), outcome.plan.writes);
    expect(written).toEqual({ batches: 1, records: 2, skipped: [ids.steady] });
    expect(w.sandbox.requests().length - before).toBe(2);
    expect(await company('steady')).toBeUndefined();
    const trash = await w.all<Client>('companies', FIELDS, { and: [{ id: { eq: ids.steady } }, { deletedAt: { is: 'NOT_NULL' } }] });
    expect(trash).toEqual([expect.objectContaining({ contributionScore: 60 })]);
    expect(await company('growing')).toMatchObject({ contributionScore: 110 });
    expect(await company('platinum')).toMatchObject({ clientTier: 'PLATINUM', contributionScore: 1300 });
  });
});
