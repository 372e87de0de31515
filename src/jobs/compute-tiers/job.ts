// compute-tiers: reads each client file's balances, scores and tiers them (rule.ts), and
// writes clientTier, previousTier and tierSetAt where the tier changed, contributionScore
// where the score moved (only the fields that differ, so identical changes group). Its
// updates are marked `mayUpsert`: the job runner (src/ops/job-runner.ts) may send distinct
// values (a month's new scores) as upserts of the records just read, 200 a request, when
// that takes fewer requests (records/plan-updates.ts). The report lists upgrades and downgrades (what a tier-change
// letter needs: `--json` gives object, id, from and to).
import { clientName, CLIENT_NAMES, readClients } from '../clients.ts';
import type { JobDefinition, ReportItem } from '../job.ts';
import type { JobChange, RecordData } from '../records-port.ts';
import * as v from '../values.ts';
import { computeTiers, type ClientBalances, type TierChange } from './rule.ts';

const MONEY = ['amountMicros', 'currencyCode'];
const SECTION: Record<TierChange, string> = {
  upgrade: 'Upgrades',
  downgrade: 'Downgrades',
  first: 'First tier',
  score: 'Score changes (same tier)',
};

export const computeTiersJob: JobDefinition<'tiers'> = {
  name: 'compute-tiers',
  summary: "Score each client's contribution from deposits, loans and fee income, and set its tier.",
  policies: ['tiers'],
  access: {
    reads: {
      company: ['name', 'depositBalance', 'loanBalance', 'feeIncome', 'clientTier', 'contributionScore'],
      person: ['name', 'depositBalance', 'loanBalance', 'feeIncome', 'clientTier', 'contributionScore'],
    },
    writes: {
      company: { fields: ['clientTier', 'previousTier', 'tierSetAt', 'contributionScore'] },
      person: { fields: ['clientTier', 'previousTier', 'tierSetAt', 'contributionScore'] },
    },
  },
  async plan(ctx, { tiers: policy }) {
    const at = new Date(ctx.now).toISOString();
    const items: Record<TierChange | 'skipped', ReportItem[]> = { upgrade: [], downgrade: [], first: [], score: [], skipped: [] };
    const changes: JobChange[] = [];
    let total = 0;
    let same = 0;
    for (const object of policy.objects) {
      const rows = await readClients(ctx.records, object, [
        { depositBalance: MONEY },
        { loanBalance: MONEY },
        { feeIncome: MONEY },
        'clientTier',
        'contributionScore',
      ]);
      const clients: ClientBalances[] = rows.map((r) => ({
        object,
        id: r.id,
        name: clientName(r),
        depositBalance: v.money(r, 'depositBalance'),
        loanBalance: v.money(r, 'loanBalance'),
        feeIncome: v.money(r, 'feeIncome'),
        tier: v.text(r, 'clientTier'),
        score: v.num(r, 'contributionScore'),
      }));
      total += clients.length;
      const updates: Array<{ id: string; data: RecordData }> = [];
      for (const d of computeTiers(clients, policy)) {
        const base = { object, id: d.client.id, name: d.client.name };
        if (d.kind === 'same') same++;
        else if (d.kind === 'skipped') items.skipped.push({ ...base, action: 'skipped', reason: d.explanation });
        else {
          // Only the fields that differ: a tier change with the same score (new thresholds) groups well.
          const data: RecordData = {
            ...(d.change === 'score' ? {} : { clientTier: d.tier, previousTier: d.client.tier, tierSetAt: at }),
            ...(d.scoreChanged ? { contributionScore: d.score } : {}),
          };
          updates.push({ id: d.client.id, data });
          items[d.change].push({
            ...base,
            action: d.change,
            reason: d.explanation,
            values: { fromTier: d.client.tier, toTier: d.tier, ...data },
          });
        }
      }
      changes.push({ kind: 'update', object: CLIENT_NAMES[object], updates, mayUpsert: true });
    }
    return {
      job: 'compute-tiers',
      title: 'Client tiers (客户分级)',
      facts: [
        ['clients', policy.objects.join(', ')],
        ['currency', policy.currency],
        ['unit', String(policy.unit)],
      ],
      counts: [
        ['clients read', total],
        ['upgrades', items.upgrade.length],
        ['downgrades', items.downgrade.length],
        ['first tiers', items.first.length],
        ['score changes', items.score.length],
        ['unchanged', same],
        ['skipped', items.skipped.length],
      ],
      sections: [
        ...(['upgrade', 'downgrade', 'first', 'score'] as const).map((k) => ({ title: SECTION[k], items: items[k] })),
        { title: 'Skipped (not scored, tier kept)', items: items.skipped },
      ],
      changes,
    };
  },
};
