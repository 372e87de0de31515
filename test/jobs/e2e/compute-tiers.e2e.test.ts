// compute-tiers against the sandbox: tiers, scores and dates written only where they
// change, identical changes grouped into one bulk update, nothing on a second run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport, reportJson } from '../../../scripts/jobs/index.ts';
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
  await w.create('companies', 'company', Array.from({ length: FILLER }, (_, i) => ({ name: `Small ${i}`, depositBalance: cny(0) })));
  ids.person = (await w.create('people', 'person', [{ name: { firstName: '娜', lastName: '李' }, depositBalance: cny(6_500_000) }]))[0] as string;
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

describe('compute-tiers end to end', () => {
  it('with --dry-run reports upgrades and downgrades and sends no mutation', async () => {
    const { outcome, writes } = await w.run('compute-tiers', { now: NOW, dryRun: true });
    expect(writes).toBe(0);
    expect(Object.fromEntries(outcome.plan.counts)).toEqual({ 'clients read': 138, upgrades: 1, downgrades: 1, 'first tiers': 132, 'score changes': 1, unchanged: 1, skipped: 2 });
    const text = renderReport(outcome);
    expect(text).toContain('Upgrades (1)\n  • Boundary Co [company]: SILVER → GOLD: score 300 (GOLD from 300)');
    expect(text).toContain('Downgrades (1)\n  • Falling Co [company]: GOLD → STANDARD: score 10 (STANDARD from 0)');
    expect(text).toContain('• Dollar Co [company]: a balance in USD, not CNY');
    expect((await company('boundary'))?.clientTier).toBe('SILVER');
  });

  it('writes tier, previous tier, date and score, grouping identical changes, in the fewest requests', async () => {
    const { outcome, writes, client } = await w.run('compute-tiers', { now: NOW });
    // 137 companies: 3 pages of 60; 1 person: 1 page. Writes: Platinum, Boundary, Falling, Growing (score only),
    // the 130 identical first tiers in 2 bulk updates (100 + 30), the person: 7.
    expect(client.counter.snapshot().reads.core).toBe(4);
    expect(writes).toBe(7);
    expect(outcome.written).toEqual({ batches: 7, records: 135 });
    expect(await company('boundary')).toEqual({ id: ids.boundary, clientTier: 'GOLD', previousTier: 'SILVER', tierSetAt: '2025-07-01T00:00:00.000Z', contributionScore: 300 });
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
    await w.gql.request('mutation($id: UUID!) { updateCompany(id: $id, data: { depositBalance: { amountMicros: 40000000000000, currencyCode: "CNY" } }) { id } }', { id: ids.falling });
    const moved = await w.run('compute-tiers', { now: NOW + 2 * 86_400_000 });
    expect(moved.writes).toBe(1);
    const json = reportJson(moved.outcome) as { sections: Array<{ title: string; items: Array<{ id: string; values: Record<string, unknown> }> }> };
    expect(json.sections.find((s) => s.title === 'Upgrades')?.items).toEqual([
      expect.objectContaining({ id: ids.falling, values: expect.objectContaining({ fromTier: 'STANDARD', toTier: 'PLATINUM', previousTier: 'STANDARD', tierSetAt: '2025-07-03T00:00:00.000Z' }) }),
    ]);
  });
});
