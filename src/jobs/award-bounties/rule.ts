// All-staff marketing incentives (DOMAIN.md §5): a key client gets a posted price (明码标价),
// client managers bid for it (竞标上岗), the best bid is awarded, and the reward for a won
// client is paid promptly (论功奖励, 及时兑现). Pure. Keys: policies/bounties.policy.yaml.
//
// A bounty in award.statuses whose biddingClosesAt has passed is decided. Bids take part
// when their status is in eligibleBidStatuses, their plan score reaches minimumPlanScore,
// and their manager is active, at or above the bounty's minimumGrade (gradeOrder), and —
// with skipManagersAtCapacity — below capacity (load as in assign-leads). The award.rank
// criteria are applied in order (the first that differs decides), then the bid id. The
// winning bid becomes AWARDED and the others REJECTED; the bounty AWARDED with its manager,
// date, reason and campaign deadline (awardedAt + campaignDays). With no eligible bid the
// bounty becomes whenNoEligibleBid (EXPIRED) and its bids REJECTED.
// A WON bounty without payoutDueAt gets payoutAmount = postedPrice × payout.share and
// payoutDueAt = wonAt + payout.dueDays.
import { loadRatio, type ManagerLoad } from '../assign-leads/load.ts';
import { DAY_MS, isoDay } from '../periods.ts';
import type { BountiesPolicy, RankKey } from '../policy.ts';
import type { Money } from '../values.ts';

export interface BountyInput {
  id: string;
  name: string;
  status: string | null;
  postedPrice: Money | null;
  biddingClosesAt: number | null;
  minimumGrade: string | null;
  wonAt: number | null;
  payoutDueAt: string | null;
}

export interface BidInput {
  id: string;
  bountyId: string | null;
  managerId: string | null;
  planScore: number | null;
  submittedAt: number | null;
  status: string | null;
}

export interface BidderInput {
  id: string;
  name: string;
  grade: string | null;
  active: boolean;
  load: ManagerLoad;
}

export interface Payout {
  amountMicros: number;
  currencyCode: string | null;
}

export type BountyDecision =
  | {
      kind: 'award';
      bounty: BountyInput;
      winner: BidInput;
      manager: BidderInput;
      losers: BidInput[];
      campaignDeadline: string;
      explanation: string;
    }
  | { kind: 'expire'; bounty: BountyInput; status: string; losers: BidInput[]; explanation: string }
  | { kind: 'payout'; bounty: BountyInput; payoutAmount: Payout | null; payoutDueAt: string; explanation: string };

export interface AwardInput {
  bounties: BountyInput[];
  bids: BidInput[];
  managers: BidderInput[];
  now: number;
}

export function awardBounties(input: AwardInput, policy: BountiesPolicy, gradeOrder: readonly string[]): BountyDecision[] {
  const { award } = policy;
  const managers = new Map(input.managers.map((m) => [m.id, m]));
  const gradeRank = (g: string | null): number => (g === null ? -1 : gradeOrder.indexOf(g));
  const bidsOf = new Map<string, BidInput[]>();
  for (const bid of input.bids) if (bid.bountyId) bidsOf.set(bid.bountyId, [...(bidsOf.get(bid.bountyId) ?? []), bid]);

  const decisions: BountyDecision[] = [];
  const ordered = [...input.bounties].sort((a, b) => (a.biddingClosesAt ?? 0) - (b.biddingClosesAt ?? 0) || cmp(a.id, b.id));
  for (const bounty of ordered) {
    if (bounty.status !== null && award.statuses.includes(bounty.status)) {
      if (bounty.biddingClosesAt !== null && bounty.biddingClosesAt <= input.now) decisions.push(decide(bounty));
    } else if (bounty.status === 'WON' && bounty.payoutDueAt === null) {
      decisions.push(payout(bounty));
    }
  }
  return decisions;

  function decide(bounty: BountyInput): BountyDecision {
    const bids = (bidsOf.get(bounty.id) ?? []).filter((b) => b.status !== null && award.eligibleBidStatuses.includes(b.status));
    const reasons = bids.map((bid) => ineligibility(bounty, bid)).filter((r): r is string => r !== null);
    const eligible = bids.filter((bid) => ineligibility(bounty, bid) === null);
    const closed = `bidding closed ${isoDay(bounty.biddingClosesAt ?? input.now)}`;
    if (eligible.length === 0) {
      const why = bids.length === 0 ? 'no bids' : `no eligible bid (${summarize(reasons)})`;
      return { kind: 'expire', bounty, status: award.whenNoEligibleBid, losers: bids, explanation: `${closed}, ${why}` };
    }
    const ranked = [...eligible].sort(compareBids);
    const winner = ranked[0] as BidInput;
    const manager = managers.get(winner.managerId as string) as BidderInput;
    const runnerUp = ranked[1];
    const decidedBy = runnerUp ? `wins on ${decidingKey(winner, runnerUp)}` : 'the only eligible bid';
    const explanation = `${closed}; ${eligible.length} eligible of ${bids.length} bids; ${manager.name} (plan ${winner.planScore}, ${manager.grade ?? 'no grade'}, load ${manager.load.load}/${manager.load.capacity}): ${decidedBy}`;
    return {
      kind: 'award',
      bounty,
      winner,
      manager,
      losers: bids.filter((b) => b !== winner),
      campaignDeadline: isoDay(input.now + award.campaignDays * DAY_MS),
      explanation,
    };
  }

  function ineligibility(bounty: BountyInput, bid: BidInput): string | null {
    const m = bid.managerId ? managers.get(bid.managerId) : undefined;
    if (!m || !m.active) return 'manager not active';
    if (bid.planScore === null) return 'no plan score';
    if (bid.planScore < award.minimumPlanScore) return `plan score below ${award.minimumPlanScore}`;
    if (bounty.minimumGrade !== null && gradeRank(m.grade) < gradeRank(bounty.minimumGrade)) return `grade below ${bounty.minimumGrade}`;
    if (award.skipManagersAtCapacity && m.load.load >= m.load.capacity) return 'manager at capacity';
    return null;
  }

  function value(bid: BidInput, key: RankKey): number {
    const m = managers.get(bid.managerId as string);
    if (key === 'planScore') return bid.planScore ?? -Infinity;
    if (key === 'grade') return gradeRank(m?.grade ?? null);
    if (key === 'load') return m ? loadRatio(m.load) : Infinity;
    return bid.submittedAt ?? Infinity;
  }

  function compareBids(a: BidInput, b: BidInput): number {
    for (const { by, order } of award.rank) {
      const va = value(a, by);
      const vb = value(b, by);
      if (va !== vb) return (va < vb ? -1 : 1) * (order === 'ASC' ? 1 : -1);
    }
    return cmp(a.id, b.id);
  }

  function decidingKey(a: BidInput, b: BidInput): string {
    const names: Record<RankKey, string> = {
      planScore: 'plan score',
      grade: 'grade',
      load: 'lower load',
      submittedAt: 'earlier submission',
    };
    const key = award.rank.find(({ by }) => value(a, by) !== value(b, by));
    return key ? names[key.by] : 'bid id';
  }

  function payout(bounty: BountyInput): BountyDecision {
    const wonAt = bounty.wonAt ?? input.now;
    const due = isoDay(wonAt + policy.payout.dueDays * DAY_MS);
    const price = bounty.postedPrice;
    const payoutAmount = price
      ? { amountMicros: Math.round(price.amount * policy.payout.share * 1_000_000), currencyCode: price.currencyCode }
      : null;
    const amount = payoutAmount
      ? `${(payoutAmount.amountMicros / 1_000_000).toFixed(2)} ${payoutAmount.currencyCode ?? ''}`.trim()
      : 'an amount still to be set (no posted price)';
    const when = bounty.wonAt === null ? 'client won (no win date: counted from today)' : `client won ${isoDay(wonAt)}`;
    return { kind: 'payout', bounty, payoutAmount, payoutDueAt: due, explanation: `${when}: pay ${amount} by ${due}` };
  }
}

function summarize(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([r, n]) => `${n} ${r}`).join(', ');
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
