import { describe, expect, it } from 'vitest';
import { awardBounties, type BidderInput, type BidInput, type BountyInput } from '../../src/jobs/award-bounties/rule.ts';
import type { BountiesPolicy } from '../../src/jobs/policy.ts';
import { day } from './world.ts';

const GRADES = ['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'PRINCIPAL'];
const policy: BountiesPolicy = {
  award: {
    statuses: ['POSTED', 'BIDDING'],
    eligibleBidStatuses: ['SUBMITTED', 'SHORTLISTED'],
    minimumPlanScore: 60,
    skipManagersAtCapacity: true,
    rank: [
      { by: 'planScore', order: 'DESC' },
      { by: 'grade', order: 'DESC' },
      { by: 'load', order: 'ASC' },
      { by: 'submittedAt', order: 'ASC' },
    ],
    campaignDays: 180,
    whenNoEligibleBid: 'EXPIRED',
  },
  payout: { share: 0.5, dueDays: 30 },
};
const now = day(10);
const bounty = (id: string, extra: Partial<BountyInput> = {}): BountyInput => ({
  id,
  name: `Bounty ${id}`,
  status: 'BIDDING',
  postedPrice: { amount: 200_000, currencyCode: 'CNY' },
  biddingClosesAt: day(9),
  minimumGrade: null,
  wonAt: null,
  payoutDueAt: null,
  ...extra,
});
const bid = (id: string, bountyId: string, managerId: string, planScore: number | null, extra: Partial<BidInput> = {}): BidInput => ({
  id,
  bountyId,
  managerId,
  planScore,
  submittedAt: day(1),
  status: 'SUBMITTED',
  ...extra,
});
const bidder = (id: string, name: string, grade: string, load = 0, capacity = 8, active = true): BidderInput => ({
  id,
  name,
  grade,
  active,
  load: { load, capacity },
});
const managers = [
  bidder('m1', 'Li', 'SENIOR', 4),
  bidder('m2', 'Wang', 'JUNIOR'),
  bidder('m3', 'Zhao', 'SENIOR', 2),
  bidder('m4', 'Chen', 'PRINCIPAL', 0, 8, false),
  bidder('m5', 'Sun', 'PRINCIPAL', 8, 8),
];
const run = (bounties: BountyInput[], bids: BidInput[], p: BountiesPolicy = policy) =>
  awardBounties({ bounties, bids, managers, now }, p, GRADES);

describe('award-bounties: awarding', () => {
  it('awards the best plan score, rejects the other bids, and sets the campaign deadline', () => {
    const ds = run(
      [bounty('b1')],
      [bid('x1', 'b1', 'm1', 80), bid('x2', 'b1', 'm2', 85), bid('x3', 'b1', 'm3', 70, { status: 'SHORTLISTED' })],
    );
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ kind: 'award', winner: { id: 'x2' }, manager: { id: 'm2' }, campaignDeadline: '2025-12-09' });
    expect(ds[0]?.kind === 'award' && ds[0].losers.map((b) => b.id)).toEqual(['x1', 'x3']);
    expect(ds[0]?.explanation).toBe(
      'bidding closed 2025-06-11; 3 eligible of 3 bids; Wang (plan 85, JUNIOR, load 0/8): wins on plan score',
    );
  });

  it('breaks an equal plan score by grade, then by load, then by submission time', () => {
    expect(run([bounty('b1')], [bid('x1', 'b1', 'm2', 80), bid('x2', 'b1', 'm1', 80)])[0]).toMatchObject({ winner: { id: 'x2' } });
    const byLoad = run([bounty('b1')], [bid('x1', 'b1', 'm1', 80), bid('x2', 'b1', 'm3', 80)])[0];
    expect(byLoad).toMatchObject({ winner: { id: 'x2' } });
    expect(byLoad?.explanation).toContain('wins on lower load');
    const twins = [bidder('a', 'A', 'SENIOR'), bidder('b', 'B', 'SENIOR')];
    const bySubmission = awardBounties(
      {
        bounties: [bounty('b1')],
        bids: [bid('x1', 'b1', 'a', 80, { submittedAt: day(3) }), bid('x2', 'b1', 'b', 80, { submittedAt: day(2) })],
        managers: twins,
        now,
      },
      policy,
      GRADES,
    )[0];
    expect(bySubmission).toMatchObject({ winner: { id: 'x2' } });
    expect(bySubmission?.explanation).toContain('wins on earlier submission');
  });

  it('follows the order and direction of the policy criteria', () => {
    const gradeFirst: BountiesPolicy = {
      ...policy,
      award: {
        ...policy.award,
        rank: [
          { by: 'grade', order: 'DESC' },
          { by: 'planScore', order: 'DESC' },
        ],
      },
    };
    expect(run([bounty('b1')], [bid('x1', 'b1', 'm2', 95), bid('x2', 'b1', 'm1', 70)], gradeFirst)[0]).toMatchObject({
      winner: { id: 'x2' },
    });
  });

  it('leaves out bids below the minimum plan score or grade, by inactive managers or managers at capacity, and withdrawn bids', () => {
    const ds = run(
      [bounty('b1', { minimumGrade: 'SENIOR' })],
      [
        bid('x1', 'b1', 'm2', 99),
        bid('x2', 'b1', 'm4', 99),
        bid('x3', 'b1', 'm1', 59),
        bid('x4', 'b1', 'm5', 99),
        bid('x5', 'b1', 'm1', 99, { status: 'WITHDRAWN' }),
        bid('x6', 'b1', 'm3', 61),
      ],
    );
    expect(ds[0]).toMatchObject({ kind: 'award', winner: { id: 'x6' } });
    expect(ds[0]?.kind === 'award' && ds[0].losers.map((b) => b.id)).toEqual(['x1', 'x2', 'x3', 'x4']);
    const atCapacityAllowed = { ...policy, award: { ...policy.award, skipManagersAtCapacity: false } };
    expect(run([bounty('b1')], [bid('x4', 'b1', 'm5', 99), bid('x6', 'b1', 'm3', 61)], atCapacityAllowed)[0]).toMatchObject({
      winner: { id: 'x4' },
    });
  });

  it('expires a closed bounty without eligible bids, saying why', () => {
    const ds = run([bounty('b1'), bounty('b2')], [bid('x1', 'b2', 'm2', 10), bid('x2', 'b2', 'm1', null)]);
    expect(ds.map((d) => [d.kind, d.explanation])).toEqual([
      ['expire', 'bidding closed 2025-06-11, no bids'],
      ['expire', 'bidding closed 2025-06-11, no eligible bid (1 plan score below 60, 1 no plan score)'],
    ]);
    expect(ds[1]).toMatchObject({ status: 'EXPIRED' });
  });

  it('leaves bounties still open for bidding, and awarded ones, alone', () => {
    expect(
      run(
        [bounty('b1', { biddingClosesAt: day(11) }), bounty('b2', { biddingClosesAt: null }), bounty('b3', { status: 'AWARDED' })],
        [bid('x1', 'b1', 'm1', 90)],
      ),
    ).toEqual([]);
  });
});

describe('award-bounties: payouts', () => {
  it("makes a won bounty's payout due: posted price × share, due days after the win", () => {
    const ds = run([bounty('b1', { status: 'WON', wonAt: day(5) })], []);
    expect(ds[0]).toMatchObject({
      kind: 'payout',
      payoutAmount: { amountMicros: 100_000 * 1_000_000, currencyCode: 'CNY' },
      payoutDueAt: '2025-07-07',
    });
    expect(ds[0]?.explanation).toBe('client won 2025-06-07: pay 100000.00 CNY by 2025-07-07');
  });

  it('does nothing once the payout is due, and says when a won bounty has no price', () => {
    expect(run([bounty('b2', { status: 'WON', wonAt: day(5), payoutDueAt: '2025-07-07' })], [])).toEqual([]);
    const [d] = run([bounty('b3', { status: 'WON', wonAt: day(5), postedPrice: null })], []);
    expect(d).toMatchObject({ kind: 'payout', payoutAmount: null });
    expect(d?.explanation).toContain('no posted price');
  });
});
