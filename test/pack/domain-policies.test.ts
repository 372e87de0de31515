// The jobs' policy files speak the model's language: every tier, stage, status, grade
// and field they name exists in the pack, and the figures follow the bank's rules.
import { describe, expect, it } from 'vitest';
import { loadDomainPack, optionValues } from './domain-pack.ts';

const dp = await loadDomainPack();
type Data = Record<string, unknown>;
const policy = (name: string): Data => {
  const found = dp.pack.policies.find((p) => p.name === name);
  if (!found) throw new Error(`no policies/${name}.policy.yaml`);
  return found.data;
};
const options = (object: string, field: string): string[] => optionValues(dp.field(object, field));
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const map = (v: unknown): Data => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Data) : {});
const TIERS = options('company', 'clientTier');

describe('tiers.policy.yaml', () => {
  const p = policy('tiers');
  it('weights the balance fields that company and person carry', () => {
    const weights = Object.keys(map(p.weights));
    expect(weights.sort()).toEqual(['depositBalance', 'feeIncome', 'loanBalance']);
    for (const object of list(p.objects)) for (const f of weights) expect(dp.field(object, f)?.type, `${object}.${f}`).toBe('CURRENCY');
  });
  it('ranks every tier by a falling threshold ending at 0, for companies and persons', () => {
    for (const object of ['company', 'person']) {
      const rows = (map(p.thresholds)[object] as Array<{ tier: string; minScore: number }> | undefined) ?? [];
      expect(rows.map((r) => r.tier)).toEqual(TIERS);
      expect(rows.map((r) => r.minScore)).toEqual([...rows.map((r) => r.minScore)].sort((a, b) => b - a));
      expect(rows.at(-1)?.minScore).toBe(0);
    }
  });
  it('names platinum and gold as high-end', () => expect(list(p.highEndTiers)).toEqual(['PLATINUM', 'GOLD']));
});

describe('assignment.policy.yaml', () => {
  const p = policy('assignment');
  it('applies first claim, proximity, industry in that order, on published leads', () => {
    expect(list(p.rules)).toEqual(['FIRST_CLAIM', 'PROXIMITY', 'INDUSTRY']);
    expect(list(p.rules).every((r) => options('intelLead', 'assignmentRule').includes(r))).toBe(true);
    expect(options('intelLead', 'stage')).toContain(p.stage);
  });
  it('counts load over lead stages and checks managers by status', () => {
    expect(list(map(p.load).countedStages).every((s) => options('intelLead', 'stage').includes(s))).toBe(true);
    expect(list(p.managerStatuses).every((s) => options('clientManager', 'status').includes(s))).toBe(true);
    expect(dp.field('clientManager', map(p.industry).field as string)?.type).toBe('MULTI_SELECT');
  });
});

describe('surveys.policy.yaml', () => {
  const p = policy('surveys');
  const high = list(policy('tiers').highEndTiers);
  it('samples each tier of each client file', () => {
    for (const [object, sizes] of Object.entries(map(p.sampleSize))) {
      expect(dp.field(object, 'clientTier'), object).toBeDefined();
      for (const [tier, n] of Object.entries(map(sizes))) {
        expect(TIERS).toContain(tier);
        expect(Number.isInteger(n) && Number(n) > 0).toBe(true);
      }
    }
  });
  it('calls high-end clients by phone and meets the others face to face', () => {
    const channels = map(p.channelByTier);
    for (const tier of TIERS) expect(channels[tier], tier).toBe(high.includes(tier) ? 'PHONE' : 'FACE_TO_FACE');
    for (const c of Object.values(channels)) expect(options('satisfactionSurvey', 'channel')).toContain(c);
  });
  it('excludes recently surveyed clients', () => expect(Number(p.recentSurveyExclusionDays)).toBeGreaterThan(0));
});

describe('assessments.policy.yaml', () => {
  const p = policy('assessments');
  it('orders grades as clientManager.grade does', () => expect(list(p.gradeOrder)).toEqual(options('clientManager', 'grade')));
  it('ties quarterly results to position salary and yearly ones to performance pay', () => {
    expect(map(p.quarterly).kind).toBe('QUARTERLY_QUALITATIVE');
    expect(map(p.quarterly).payComponent).toBe('POSITION_SALARY');
    expect(map(p.yearly).kind).toBe('YEARLY_QUANTITATIVE');
    expect(map(p.yearly).payComponent).toBe('PERFORMANCE_PAY');
    for (const k of [map(p.quarterly).kind, map(p.yearly).kind]) expect(options('assessment', 'kind')).toContain(k);
    for (const f of Object.keys(map(map(p.quarterly).weights))) expect(dp.field('assessment', f)?.type).toBe('NUMBER');
  });
  it('promotes above the demotion line', () => {
    const g = map(p.gradeRules);
    expect(Number(g.promoteAtScore)).toBeGreaterThan(Number(g.demoteBelowScore));
  });
});

describe('bounties.policy.yaml', () => {
  const p = policy('bounties');
  const award = map(p.award);
  it('decides bounties and bids in statuses the model has', () => {
    expect(list(award.statuses).every((s) => options('bounty', 'status').includes(s))).toBe(true);
    expect(list(award.eligibleBidStatuses).every((s) => options('bid', 'status').includes(s))).toBe(true);
    expect(options('bounty', 'status')).toContain(award.whenNoEligibleBid);
  });
  it('ranks by plan score first', () => {
    const rank = (award.rank as Array<{ by: string }> | undefined) ?? [];
    expect(rank[0]?.by).toBe('planScore');
    expect(dp.field('bid', 'planScore')?.type).toBe('NUMBER');
    expect(dp.field('bid', 'submittedAt')?.type).toBe('DATE_TIME');
  });
  it('pays promptly', () => expect(Number(map(p.payout).dueDays)).toBeGreaterThan(0));
});

describe('complaints.policy.yaml', () => {
  const p = policy('complaints');
  it('answers high-end clients faster than the others', () => {
    const hours = map(p.dueHoursByTier);
    for (const t of TIERS) expect(Number(hours[t]), t).toBeGreaterThan(0);
    const high = list(policy('tiers').highEndTiers);
    const slowestHigh = Math.max(...high.map((t) => Number(hours[t])));
    const fastestOther = Math.min(...TIERS.filter((t) => !high.includes(t)).map((t) => Number(hours[t])));
    expect(slowestHigh).toBeLessThan(fastestOther);
    expect(Object.keys(map(p.severityFactor)).sort()).toEqual([...options('complaint', 'severity')].sort());
  });
});
