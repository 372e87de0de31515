// award-bounties against the sandbox: a closed bounty awarded and its other bids rejected,
// one without bids expired, a won one's payout made due; a second run changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../../src/jobs/index.ts';
import { startJobSandbox, type JobSandbox } from './sandbox-world.ts';

let w: JobSandbox;
const NOW = Date.parse('2025-06-10T02:00:00Z');
const ids: Record<string, string> = {};
const cny = (yuan: number) => ({ amountMicros: yuan * 1_000_000, currencyCode: 'CNY' });

beforeAll(async () => {
  w = await startJobSandbox();
  const [wang, li, zhao] = await w.create('clientManagers', 'clientManager', [
    { name: '王伟', grade: 'SENIOR', status: 'ACTIVE', capacity: 2 },
    { name: '李娜', grade: 'JUNIOR', status: 'ACTIVE' },
    { name: '赵强', grade: 'PRINCIPAL', status: 'LEFT' },
  ]);
  await w.create('intelLeads', 'intelLead', [{ name: 'busy', stage: 'FEEDBACK', assignedManagerId: wang }]);
  const [b1, b2, b3, b4] = await w.create('bounties', 'bounty', [
    {
      name: '华南电网 挂牌',
      status: 'BIDDING',
      biddingClosesAt: '2025-06-01T00:00:00Z',
      postedPrice: cny(500_000),
      minimumGrade: 'INTERMEDIATE',
    },
    { name: '无人竞标', status: 'POSTED', biddingClosesAt: '2025-06-01T00:00:00Z', postedPrice: cny(100_000) },
    { name: '仍在竞标', status: 'BIDDING', biddingClosesAt: '2025-07-01T00:00:00Z' },
    { name: '已拿下', status: 'WON', wonAt: '2025-05-20T00:00:00Z', postedPrice: cny(200_000), awardedManagerId: wang },
  ]);
  Object.assign(ids, { wang, li, zhao, b1, b2, b3, b4 });
  const [x1, x2, x3, x4] = await w.create('bids', 'bid', [
    { name: '王伟 方案', bountyId: b1, managerId: wang, planScore: 85, submittedAt: '2025-05-20T00:00:00Z' },
    { name: '李娜 方案', bountyId: b1, managerId: li, planScore: 95, submittedAt: '2025-05-21T00:00:00Z' },
    { name: '赵强 方案', bountyId: b1, managerId: zhao, planScore: 99, submittedAt: '2025-05-22T00:00:00Z' },
    { name: '早期方案', bountyId: b3, managerId: li, planScore: 70 },
  ]);
  Object.assign(ids, { x1, x2, x3, x4 });
});
afterAll(async () => w.close());

interface Bounty {
  status: string;
  awardedManagerId: string | null;
  awardedAt: string | null;
  awardReason: string | null;
  campaignDeadline: string | null;
  payoutAmount: { amountMicros: number | null; currencyCode: string | null };
  payoutDueAt: string | null;
}
const FIELDS = 'status awardedManagerId awardedAt awardReason campaignDeadline payoutAmount { amountMicros currencyCode } payoutDueAt';

describe('award-bounties end to end', () => {
  it('with --dry-run reports the awards and sends no mutation', async () => {
    const { outcome, writes } = await w.run('award-bounties', { now: NOW, dryRun: true });
    expect(writes).toBe(0);
    expect(Object.fromEntries(outcome.plan.counts)).toEqual({
      'bounties awarded': 1,
      'bounties expired': 1,
      'payouts made due': 1,
      'bids rejected': 2,
    });
    expect(renderReport(outcome)).toContain(
      '• 华南电网 挂牌 [bounty]: → 王伟: bidding closed 2025-06-01; 1 eligible of 3 bids; 王伟 (plan 85, SENIOR, load 1/2): the only eligible bid',
    );
  });

  it('awards, rejects, expires and makes payouts due', async () => {
    const { writes } = await w.run('award-bounties', { now: NOW });
    // bounties: award, expire, payout (3 distinct updates); bids: AWARDED (1), REJECTED ×2 grouped (1).
    expect(writes).toBe(5);
    const bounties = new Map((await w.all<Bounty>('bounties', FIELDS)).map((b) => [b.id, b]));
    expect(bounties.get(ids.b1 as string)).toMatchObject({
      status: 'AWARDED',
      awardedManagerId: ids.wang,
      awardedAt: '2025-06-10T02:00:00.000Z',
      campaignDeadline: '2025-09-08',
    });
    expect(bounties.get(ids.b1 as string)?.awardReason).toContain('the only eligible bid');
    expect(bounties.get(ids.b2 as string)).toMatchObject({ status: 'EXPIRED' });
    expect(bounties.get(ids.b3 as string)).toMatchObject({ status: 'BIDDING', awardedManagerId: null });
    expect(bounties.get(ids.b4 as string)).toMatchObject({
      status: 'WON',
      payoutAmount: { amountMicros: 200_000_000_000, currencyCode: 'CNY' },
      payoutDueAt: '2025-06-19',
    });
    const bids = new Map((await w.all<{ status: string }>('bids', 'status')).map((b) => [b.id, b.status]));
    expect([ids.x1, ids.x2, ids.x3, ids.x4].map((id) => bids.get(id as string))).toEqual(['AWARDED', 'REJECTED', 'REJECTED', 'SUBMITTED']);
  });

  it('changes nothing on a second run', async () => {
    const { outcome, writes } = await w.run('award-bounties', { now: NOW + 86_400_000 });
    expect(writes).toBe(0);
    expect(renderReport(outcome)).toContain('Nothing to change.');
  });
});
