// award-bounties: reads the open and won bounties, the bids still in the running, the
// managers and their lead load, then awards, expires and makes payouts due (rule.ts).
import { managerLoads } from '../assign-leads/load.ts';
import type { JobDefinition, ReportItem } from '../job.ts';
import { BID, BOUNTY, CLIENT_MANAGER, INTEL_LEAD } from '../objects.ts';
import type { RecordData } from '../records-port.ts';
import * as v from '../values.ts';
import { awardBounties, type BidderInput, type BidInput, type BountyInput } from './rule.ts';

export const awardBountiesJob: JobDefinition<'bounties' | 'assessments' | 'assignment'> = {
  name: 'award-bounties',
  summary: "Award bounties whose bidding closed, expire those without eligible bids, and make won bounties' payouts due.",
  policies: ['bounties', 'assessments', 'assignment'],
  access: {
    reads: {
      bounty: ['name', 'status', 'postedPrice', 'biddingClosesAt', 'minimumGrade', 'wonAt', 'payoutDueAt'],
      bid: ['name', 'bounty', 'manager', 'planScore', 'submittedAt', 'status'],
      clientManager: ['name', 'grade', 'status', 'capacity'],
      intelLead: ['stage', 'assignedManager'],
    },
    writes: {
      bounty: { fields: ['status', 'awardedManager', 'awardedAt', 'awardReason', 'campaignDeadline', 'payoutDueAt', 'payoutAmount'] },
      bid: { fields: ['status'] },
    },
  },
  async plan(ctx, { bounties: policy, assessments, assignment }) {
    const { now } = ctx;
    const [bountyRows, bidRows, managerRows, leadRows] = await Promise.all([
      ctx.records.readAll({
        object: BOUNTY,
        fields: [
          'name',
          'status',
          { postedPrice: ['amountMicros', 'currencyCode'] },
          'biddingClosesAt',
          'minimumGrade',
          'wonAt',
          'payoutDueAt',
        ],
        filter: { status: { in: [...policy.award.statuses, 'WON'] } },
      }),
      ctx.records.readAll({
        object: BID,
        fields: ['name', 'bountyId', 'managerId', 'planScore', 'submittedAt', 'status'],
        filter: { status: { in: policy.award.eligibleBidStatuses } },
      }),
      ctx.records.readAll({ object: CLIENT_MANAGER, fields: ['name', 'grade', 'status', 'capacity'] }),
      ctx.records.readAll({
        object: INTEL_LEAD,
        fields: ['stage', 'assignedManagerId'],
        filter: { stage: { in: assignment.load.countedStages }, assignedManagerId: { is: 'NOT_NULL' } },
      }),
    ]);
    const loads = managerLoads(
      leadRows.map((r) => ({ stage: v.text(r, 'stage') ?? '', assignedManagerId: v.text(r, 'assignedManagerId') })),
      managerRows.map((r) => ({ id: r.id, capacity: v.num(r, 'capacity') })),
      assignment,
    );
    const managers: BidderInput[] = managerRows.map((r) => {
      const status = v.text(r, 'status');
      return {
        id: r.id,
        name: v.text(r, 'name') ?? r.id,
        grade: v.text(r, 'grade'),
        active: status === null || assignment.managerStatuses.includes(status),
        load: loads.get(r.id) ?? { load: 0, capacity: assignment.load.defaultCapacity },
      };
    });
    const bounties: BountyInput[] = bountyRows.map((r) => ({
      id: r.id,
      name: v.text(r, 'name') ?? r.id,
      status: v.text(r, 'status'),
      postedPrice: v.money(r, 'postedPrice'),
      biddingClosesAt: v.time(r, 'biddingClosesAt'),
      minimumGrade: v.text(r, 'minimumGrade'),
      wonAt: v.time(r, 'wonAt'),
      payoutDueAt: v.text(r, 'payoutDueAt'),
    }));
    const bids: BidInput[] = bidRows.map((r) => ({
      id: r.id,
      bountyId: v.text(r, 'bountyId'),
      managerId: v.text(r, 'managerId'),
      planScore: v.num(r, 'planScore'),
      submittedAt: v.time(r, 'submittedAt'),
      status: v.text(r, 'status'),
    }));
    const decisions = awardBounties({ bounties, bids, managers, now }, policy, assessments.gradeOrder);

    const at = new Date(now).toISOString();
    const bountyUpdates: Array<{ id: string; data: RecordData }> = [];
    const bidUpdates: Array<{ id: string; data: RecordData }> = [];
    const sections: Record<'award' | 'expire' | 'payout', ReportItem[]> = { award: [], expire: [], payout: [] };
    for (const d of decisions) {
      const base = { object: BOUNTY.nameSingular, id: d.bounty.id, name: d.bounty.name };
      if (d.kind === 'award') {
        const data = {
          status: 'AWARDED',
          awardedManagerId: d.manager.id,
          awardedAt: at,
          awardReason: d.explanation,
          campaignDeadline: d.campaignDeadline,
        };
        bountyUpdates.push({ id: d.bounty.id, data });
        bidUpdates.push(
          { id: d.winner.id, data: { status: 'AWARDED' } },
          ...d.losers.map((b) => ({ id: b.id, data: { status: 'REJECTED' } })),
        );
        sections.award.push({
          ...base,
          action: 'award',
          reason: `→ ${d.manager.name}: ${d.explanation}`,
          values: { ...data, winningBidId: d.winner.id, rejectedBidIds: d.losers.map((b) => b.id) },
        });
      } else if (d.kind === 'expire') {
        bountyUpdates.push({ id: d.bounty.id, data: { status: d.status } });
        bidUpdates.push(...d.losers.map((b) => ({ id: b.id, data: { status: 'REJECTED' } })));
        sections.expire.push({
          ...base,
          action: 'expire',
          reason: d.explanation,
          values: { status: d.status, rejectedBidIds: d.losers.map((b) => b.id) },
        });
      } else {
        const data: RecordData = { payoutDueAt: d.payoutDueAt, ...(d.payoutAmount ? { payoutAmount: d.payoutAmount } : {}) };
        bountyUpdates.push({ id: d.bounty.id, data });
        sections.payout.push({ ...base, action: 'payout due', reason: d.explanation, values: data });
      }
    }
    return {
      job: 'award-bounties',
      title: 'Bounty awards and payouts (挂牌悬赏)',
      facts: [
        ['minimum plan score', String(policy.award.minimumPlanScore)],
        ['ranking', policy.award.rank.map((r) => `${r.by} ${r.order}`).join(', ')],
      ],
      counts: [
        ['bounties awarded', sections.award.length],
        ['bounties expired', sections.expire.length],
        ['payouts made due', sections.payout.length],
        ['bids rejected', bidUpdates.filter((b) => b.data.status === 'REJECTED').length],
      ],
      sections: [
        { title: 'Awarded', items: sections.award },
        { title: 'Expired', items: sections.expire },
        { title: 'Payouts due (及时兑现)', items: sections.payout },
      ],
      changes: [
        { kind: 'update', object: BOUNTY, updates: bountyUpdates },
        { kind: 'update', object: BID, updates: bidUpdates },
      ],
    };
  },
};
