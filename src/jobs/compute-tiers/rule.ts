// Client tiering (DOMAIN.md §3, 分级管理): a contribution score from deposits, loans and fee
// income, and the tier it reaches. Pure: clients in, decisions out.
//   score = Σ weight × (amount ÷ unit) over depositBalance, loanBalance and feeIncome,
// amounts in currency units, rounded to scoreDecimals. The tier is the first row of the
// client object's thresholds, from the top, whose minScore the score reaches (a score
// exactly on a threshold reaches it).
// A client with none of the three balances is left alone ("no data": a client whose
// figures were never loaded must not be downgraded); a missing balance among present
// ones counts as 0. A balance in another currency than the policy's cannot be added up
// (no exchange rates here): that client is skipped and listed.
import type { ClientObject, TierThreshold, TiersPolicy } from '../policy.ts';
import type { Money } from '../values.ts';

export interface ClientBalances {
  object: ClientObject;
  id: string;
  name: string;
  depositBalance: Money | null;
  loanBalance: Money | null;
  feeIncome: Money | null;
  tier: string | null;
  score: number | null;
}

export type TierChange = 'upgrade' | 'downgrade' | 'first' | 'score';

export type TierDecision =
  /** A tier change also records the old tier as previousTier; a score change writes the score alone. */
  | { kind: 'change'; client: ClientBalances; score: number; scoreChanged: boolean; tier: string; change: TierChange; explanation: string }
  | { kind: 'same'; client: ClientBalances; score: number; tier: string }
  | { kind: 'skipped'; client: ClientBalances; explanation: string };

export function roundTo(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

export function scoreOf(c: ClientBalances, policy: TiersPolicy): { score: number } | { problem: string } {
  const parts = [
    { money: c.depositBalance, weight: policy.weights.depositBalance },
    { money: c.loanBalance, weight: policy.weights.loanBalance },
    { money: c.feeIncome, weight: policy.weights.feeIncome },
  ];
  if (parts.every((p) => p.money === null)) return { problem: 'no deposit, loan or fee figures' };
  const foreign = parts.find((p) => p.money !== null && p.money.currencyCode !== null && p.money.currencyCode !== policy.currency);
  if (foreign?.money) return { problem: `a balance in ${foreign.money.currencyCode}, not ${policy.currency}` };
  const total = parts.reduce((sum, p) => sum + (p.money ? (p.money.amount / policy.unit) * p.weight : 0), 0);
  return { score: roundTo(total, policy.scoreDecimals) };
}

export function tierOf(score: number, rows: readonly TierThreshold[]): TierThreshold | undefined {
  return rows.find((t) => score >= t.minScore) ?? rows[rows.length - 1];
}

export function computeTiers(clients: readonly ClientBalances[], policy: TiersPolicy): TierDecision[] {
  return clients.map((client): TierDecision => {
    const rows = policy.thresholds[client.object] ?? [];
    const result = scoreOf(client, policy);
    if ('problem' in result) return { kind: 'skipped', client, explanation: result.problem };
    const { score } = result;
    const row = tierOf(score, rows);
    if (!row) return { kind: 'skipped', client, explanation: `no thresholds for ${client.object}` };
    const { tier, minScore: threshold } = row;
    const rank = (t: string | null): number | undefined => (t === null ? undefined : [...rows.keys()].find((i) => rows[i]?.tier === t));
    const previousScore = client.score === null ? null : roundTo(client.score, policy.scoreDecimals);
    if (client.tier === tier && previousScore === score) return { kind: 'same', client, score, tier };
    const scoreChanged = previousScore !== score;
    if (client.tier === tier)
      return {
        kind: 'change',
        client,
        score,
        scoreChanged,
        tier,
        change: 'score',
        explanation: `score ${previousScore ?? '–'} → ${score}, still ${tier}`,
      };
    const before = rank(client.tier);
    const change: TierChange = before === undefined ? 'first' : (rank(tier) ?? 0) < before ? 'upgrade' : 'downgrade';
    const from = client.tier ?? 'no tier';
    return {
      kind: 'change',
      client,
      score,
      scoreChanged,
      tier,
      change,
      explanation: `${from} → ${tier}: score ${score} (${tier} from ${threshold})`,
    };
  });
}
