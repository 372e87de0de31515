import { describe, expect, it } from 'vitest';
import type { SurveysPolicy } from '../../src/jobs/policy.ts';
import { batchName, chooseBatch } from '../../src/jobs/sample-surveys/batch.ts';
import { sampleSurveys, type ExistingSurvey, type StratumSample, type SurveyClient } from '../../src/jobs/sample-surveys/rule.ts';
import { day } from './world.ts';

const policy: SurveysPolicy = {
  sampleSize: { company: { PLATINUM: 2, SILVER: 3 }, person: { PLATINUM: 1 } },
  channelByTier: { PLATINUM: 'PHONE', GOLD: 'PHONE', SILVER: 'FACE_TO_FACE', STANDARD: 'FACE_TO_FACE' },
  recentSurveyExclusionDays: 90,
  excludeMarketingOptOut: false,
  batchFormat: '{quarter}-S{n}',
  interviewer: ['relationshipManager', 'maintenanceTeam.leader'],
  seed: null,
};
const clients = (tier: string, n: number, object: 'company' | 'person' = 'company'): SurveyClient[] =>
  Array.from({ length: n }, (_, i) => ({
    object,
    id: `${object}-${tier}-${String(i).padStart(3, '0')}`,
    name: `${tier} ${i}`,
    tier,
    lastSurveyedAt: null,
    marketingOptOut: false,
    relationshipManagerId: i % 2 ? `rm-${i}` : null,
    teamLeaderId: 'leader',
  }));
const world = [...clients('PLATINUM', 5), ...clients('GOLD', 4), ...clients('SILVER', 40), ...clients('PLATINUM', 3, 'person')];
const base = { clients: world, surveys: [] as ExistingSurvey[], batch: '2025Q2-S1', seed: 7, now: day(0) };
const ids = (r: StratumSample[], object: string, tier: string): string[] =>
  r.find((s) => s.object === object && s.tier === tier)?.created.map((c) => c.client.id) ?? [];
const asSurveys = (r: StratumSample[], batch: string, at = day(0)): ExistingSurvey[] =>
  r.flatMap((s) => s.created.map((c) => ({ object: c.client.object, clientId: c.client.id, batch, tier: c.tier, at })));

describe('sample-surveys: the draw', () => {
  it('draws the policy size per client file and tier, by phone for high-end tiers and face to face for the others', () => {
    const r = sampleSurveys(base, policy);
    expect(r.map((s) => [s.object, s.tier, s.created.length, s.population])).toEqual([
      ['company', 'PLATINUM', 2, 5],
      ['company', 'SILVER', 3, 40],
      ['person', 'PLATINUM', 1, 3],
    ]);
    expect(r.map((s) => [...new Set(s.created.map((c) => c.channel))])).toEqual([['PHONE'], ['FACE_TO_FACE'], ['PHONE']]);
    expect(new Set(ids(r, 'company', 'SILVER')).size).toBe(3);
    expect(ids(r, 'company', 'SILVER').every((id) => id.startsWith('company-SILVER-'))).toBe(true);
  });

  it('names the interviewer: the relationship manager, else the maintenance team leader', () => {
    const r = sampleSurveys({ ...base, clients: clients('PLATINUM', 2) }, policy);
    const byId = new Map(r[0]?.created.map((c) => [c.client.id, c.interviewerId]));
    expect(byId).toEqual(
      new Map([
        ['company-PLATINUM-000', 'leader'],
        ['company-PLATINUM-001', 'rm-1'],
      ]),
    );
  });

  it('is reproducible: the same seed and population give the same sample whatever the read order', () => {
    const a = sampleSurveys(base, policy);
    const b = sampleSurveys({ ...base, clients: [...world].reverse() }, policy);
    expect(ids(b, 'company', 'SILVER')).toEqual(ids(a, 'company', 'SILVER'));
    const bySeed = Array.from({ length: 6 }, (_, seed) => ids(sampleSurveys({ ...base, seed }, policy), 'company', 'SILVER').join());
    expect(new Set(bySeed).size).toBeGreaterThan(1);
  });

  it("keeps one stratum's draw independent of another's size", () => {
    const bigger = { ...policy, sampleSize: { company: { PLATINUM: 5, SILVER: 3 } } };
    expect(ids(sampleSurveys(base, bigger), 'company', 'SILVER')).toEqual(ids(sampleSurveys(base, policy), 'company', 'SILVER'));
  });

  it('takes the whole stratum when it is smaller than the size, and nothing from an empty one or from untiered clients', () => {
    const few = [...clients('PLATINUM', 1), { ...clients('SILVER', 1)[0]!, tier: null }];
    expect(sampleSurveys({ ...base, clients: few }, policy).map((s) => s.created.length)).toEqual([1, 0, 0]);
    expect(sampleSurveys({ ...base, clients: [] }, policy).every((s) => s.created.length === 0)).toBe(true);
  });
});

describe('sample-surveys: who is left out', () => {
  it('never samples a client surveyed within the recent period (lastSurveyedAt)', () => {
    const recent = world.map((c) =>
      c.object === 'company' && c.tier === 'PLATINUM' && !['company-PLATINUM-000', 'company-PLATINUM-004'].includes(c.id)
        ? { ...c, lastSurveyedAt: day(-89) }
        : c,
    );
    const r = sampleSurveys({ ...base, clients: recent }, policy);
    expect(ids(r, 'company', 'PLATINUM').sort()).toEqual(['company-PLATINUM-000', 'company-PLATINUM-004']);
    expect(r[0]?.excludedRecent).toBe(3);
    const old = world.map((c) => ({ ...c, lastSurveyedAt: day(-91) }));
    expect(ids(sampleSurveys({ ...base, clients: old }, policy), 'company', 'PLATINUM')).toHaveLength(2);
  });

  it('counts a survey of another batch sampled in the period as recent', () => {
    const surveys: ExistingSurvey[] = ['company-PLATINUM-000', 'company-PLATINUM-001', 'company-PLATINUM-002'].map((id) => ({
      object: 'company',
      clientId: id,
      batch: '2025Q1-S1',
      tier: 'PLATINUM',
      at: day(-30),
    }));
    expect(ids(sampleSurveys({ ...base, surveys }, policy), 'company', 'PLATINUM').sort()).toEqual([
      'company-PLATINUM-003',
      'company-PLATINUM-004',
    ]);
  });

  it('leaves out clients who opted out of marketing only when the policy says so', () => {
    const optedOut = clients('PLATINUM', 3).map((c, i) => ({ ...c, marketingOptOut: i < 2 }));
    expect(ids(sampleSurveys({ ...base, clients: optedOut }, policy), 'company', 'PLATINUM')).toHaveLength(2);
    const r = sampleSurveys({ ...base, clients: optedOut }, { ...policy, excludeMarketingOptOut: true });
    expect(ids(r, 'company', 'PLATINUM')).toEqual(['company-PLATINUM-002']);
    expect(r[0]?.excludedOptOut).toBe(2);
  });
});

describe('sample-surveys: batches', () => {
  it('is idempotent per batch, and tops up an interrupted batch with the same clients', () => {
    const full = sampleSurveys(base, policy);
    const again = sampleSurveys({ ...base, surveys: asSurveys(full, base.batch), now: day(1) }, policy);
    expect(again.flatMap((s) => s.created)).toEqual([]);
    expect(again.map((s) => s.alreadyInBatch)).toEqual([2, 3, 1]);
    const all = full.flatMap((s) => s.created);
    const firstThree: ExistingSurvey[] = all
      .slice(0, 3)
      .map((c) => ({ object: c.client.object, clientId: c.client.id, batch: base.batch, tier: c.tier, at: day(0) }));
    const topUp = sampleSurveys({ ...base, surveys: firstThree }, policy).flatMap((s) => s.created);
    expect(topUp.map((c) => c.client.id)).toEqual(all.slice(3).map((c) => c.client.id));
  });

  it('names batches from the format and continues the latest one of the quarter unless told to start anew', () => {
    expect(batchName('{quarter}-S{n}', '2026Q4', 1)).toBe('2026Q4-S1');
    expect(chooseBatch('{quarter}-S{n}', '2026Q4', [], false)).toBe('2026Q4-S1');
    expect(chooseBatch('{quarter}-S{n}', '2026Q4', ['2026Q3-S1', '2026Q4-S1', '2026Q4-S2'], false)).toBe('2026Q4-S2');
    expect(chooseBatch('{quarter}-S{n}', '2026Q4', ['2026Q4-S1', '2026Q4-S2'], true)).toBe('2026Q4-S3');
    expect(chooseBatch('{quarter}-S{n}', '2026Q4', ['2026Q3-S4'], true)).toBe('2026Q4-S1');
  });
});
