import { describe, expect, it } from 'vitest';
import { computeTiers, scoreOf, type ClientBalances } from '../../src/jobs/compute-tiers/rule.ts';
import type { TiersPolicy } from '../../src/jobs/policy.ts';

const policy: TiersPolicy = {
  objects: ['company', 'person'],
  currency: 'CNY',
  unit: 10_000,
  weights: { depositBalance: 1, loanBalance: 0.5, feeIncome: 10 },
  scoreDecimals: 2,
  thresholds: {
    company: [
      { tier: 'PLATINUM', minScore: 1000 },
      { tier: 'GOLD', minScore: 300 },
      { tier: 'SILVER', minScore: 50 },
      { tier: 'STANDARD', minScore: 0 },
    ],
    person: [
      { tier: 'PLATINUM', minScore: 600 },
      { tier: 'GOLD', minScore: 100 },
      { tier: 'STANDARD', minScore: 0 },
    ],
  },
  highEndTiers: ['PLATINUM', 'GOLD'],
};

const cny = (amount: number) => ({ amount, currencyCode: 'CNY' });
const client = (id: string, extra: Partial<ClientBalances> = {}): ClientBalances => ({
  object: 'company',
  id,
  name: `Client ${id}`,
  depositBalance: null,
  loanBalance: null,
  feeIncome: null,
  tier: null,
  score: null,
  ...extra,
});

describe('compute-tiers: the score', () => {
  it('weighs deposits, loans and fee income and divides by the unit', () => {
    // (5,000,000 × 1 + 2,000,000 × 0.5 + 100,000 × 10) / 10,000 = 700
    expect(scoreOf(client('a', { depositBalance: cny(5_000_000), loanBalance: cny(2_000_000), feeIncome: cny(100_000) }), policy)).toEqual({
      score: 700,
    });
  });

  it('counts a missing balance as 0 but refuses a client with no figures at all', () => {
    expect(scoreOf(client('a', { depositBalance: cny(1_000_000) }), policy)).toEqual({ score: 100 });
    expect(scoreOf(client('b'), policy)).toEqual({ problem: 'no deposit, loan or fee figures' });
  });

  it('refuses to add up balances in another currency', () => {
    expect(scoreOf(client('a', { depositBalance: cny(1), loanBalance: { amount: 5, currencyCode: 'USD' } }), policy)).toEqual({
      problem: 'a balance in USD, not CNY',
    });
  });

  it('rounds to scoreDecimals', () => {
    expect(scoreOf(client('a', { depositBalance: cny(12_345.678) }), policy)).toEqual({ score: 1.23 });
  });
});

describe('compute-tiers: tiers and changes', () => {
  it('puts a client exactly on a threshold in that tier, and one just below in the next', () => {
    const [on, below] = computeTiers(
      [client('on', { depositBalance: cny(3_000_000) }), client('below', { depositBalance: cny(2_999_900) })],
      policy,
    );
    expect(on).toMatchObject({ kind: 'change', tier: 'GOLD', score: 300, change: 'first' });
    expect(below).toMatchObject({ kind: 'change', tier: 'SILVER', score: 299.99 });
  });

  it('reports upgrades, downgrades and score-only changes, and leaves unchanged clients alone', () => {
    const ds = computeTiers(
      [
        client('up', { depositBalance: cny(10_000_000), tier: 'GOLD', score: 500 }),
        client('down', { depositBalance: cny(100_000), tier: 'GOLD', score: 400 }),
        client('score', { depositBalance: cny(4_000_000), tier: 'GOLD', score: 350 }),
        client('same', { depositBalance: cny(4_000_000), tier: 'GOLD', score: 400.001 }),
        client('nodata', { tier: 'PLATINUM', score: 2000 }),
      ],
      policy,
    );
    expect(ds.map((d) => (d.kind === 'change' ? `${d.client.id}:${d.change}:${d.tier}` : `${d.client.id}:${d.kind}`))).toEqual([
      'up:upgrade:PLATINUM',
      'down:downgrade:STANDARD',
      'score:score:GOLD',
      'same:same',
      'nodata:skipped',
    ]);
    expect(ds[0]?.kind === 'change' && ds[0].explanation).toBe('GOLD → PLATINUM: score 1000 (PLATINUM from 1000)');
  });

  it('uses the thresholds of the client object: the same score is GOLD for a company and PLATINUM for a person', () => {
    const ds = computeTiers(
      [client('c', { depositBalance: cny(6_000_000) }), client('p', { object: 'person', depositBalance: cny(6_000_000) })],
      policy,
    );
    expect(ds.map((d) => d.kind === 'change' && d.tier)).toEqual(['GOLD', 'PLATINUM']);
  });

  it('says whether the score moved, so that a tier change under new thresholds writes the tier alone', () => {
    const stricter = {
      ...policy,
      thresholds: {
        ...policy.thresholds,
        company: [
          { tier: 'GOLD', minScore: 500 },
          { tier: 'SILVER', minScore: 50 },
          { tier: 'STANDARD', minScore: 0 },
        ],
      },
    };
    const [d] = computeTiers([client('g', { depositBalance: cny(4_000_000), tier: 'GOLD', score: 400 })], stricter);
    expect(d).toMatchObject({ kind: 'change', change: 'downgrade', tier: 'SILVER', score: 400, scoreChanged: false });
  });

  it('gives the lowest tier to a client with zero balances', () => {
    expect(computeTiers([client('z', { depositBalance: cny(0) })], policy)[0]).toMatchObject({ tier: 'STANDARD', score: 0 });
  });

  it('decides nothing for no clients', () => {
    expect(computeTiers([], policy)).toEqual([]);
  });
});
