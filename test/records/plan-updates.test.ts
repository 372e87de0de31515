// Updates in the fewest requests: full groups of identical values as bulk updates,
// the scattered rest as upserts (two requests per 200: the liveness check and the write).
import { describe, expect, it } from 'vitest';
import { batchRequests, planUpdates, type RecordUpdate, type WriteBatch } from '../../src/records/index.ts';

const COMPANY = { nameSingular: 'company', namePlural: 'companies' };
const requests = (batches: WriteBatch[]): number => batches.reduce((n, b) => n + batchRequests(b), 0);
const shape = (batches: WriteBatch[]): Array<[string, number]> =>
  batches.map((b) => [b.kind, b.kind === 'update' ? b.ids.length : b.records.length]);

describe('planning updates', () => {
  it('sends 5,000 distinct scores as 25 upserts of 200, not 5,000 updates', () => {
    const updates: RecordUpdate[] = Array.from({ length: 5000 }, (_, i) => ({ id: `c${i}`, data: { contributionScore: i } }));
    const batches = planUpdates(COMPANY, updates);
    expect(shape(batches)).toEqual(Array.from({ length: 25 }, () => ['upsert', 200]));
    expect(requests(batches)).toBe(50);
    const first = batches[0];
    expect(first?.kind === 'upsert' && first.records.slice(0, 2)).toEqual([
      { id: 'c0', contributionScore: 0 },
      { id: 'c1', contributionScore: 1 },
    ]);
  });

  it('keeps full groups of identical values as bulk updates and pools only the remainders', () => {
    const same = Array.from({ length: 230 }, (_, i) => ({ id: `g${i}`, data: { clientTier: 'GOLD' } }));
    const scattered = Array.from({ length: 5 }, (_, i) => ({ id: `s${i}`, data: { contributionScore: i } }));
    // 230 GOLD: two updates of 100; their 30 and the 5 scores: one upsert of 35 (2 requests) beats 6 updates.
    expect(shape(planUpdates(COMPANY, [...same, ...scattered]))).toEqual([
      ['update', 100],
      ['update', 100],
      ['upsert', 35],
    ]);
  });

  it('uses plain updates when they cost no more than an upsert and its check', () => {
    expect(shape(planUpdates(COMPANY, [{ id: 'a', data: { n: 1 } }]))).toEqual([['update', 1]]);
    expect(
      shape(
        planUpdates(COMPANY, [
          { id: 'a', data: { n: 1 } },
          { id: 'b', data: { n: 2 } },
        ]),
      ),
    ).toEqual([
      ['update', 1],
      ['update', 1],
    ]);
    // A big remainder stays a bulk update when pooling it would cost another upsert: 1 + 2 requests, not 4.
    const big = Array.from({ length: 90 }, (_, i) => ({ id: `b${i}`, data: { clientTier: 'SILVER' } }));
    const small = Array.from({ length: 150 }, (_, i) => ({ id: `s${i}`, data: { n: i } }));
    expect(shape(planUpdates(COMPANY, [...big, ...small]))).toEqual([
      ['update', 90],
      ['upsert', 150],
    ]);
  });

  it('keeps the last update of a record listed twice, and plans nothing for nothing', () => {
    const batches = planUpdates(COMPANY, [
      { id: 'x', data: { n: 1 } },
      { id: 'x', data: { n: 2 } },
    ]);
    expect(batches).toEqual([{ kind: 'update', object: COMPANY, data: { n: 2 }, ids: ['x'] }]);
    expect(planUpdates(COMPANY, [])).toEqual([]);
  });
});
