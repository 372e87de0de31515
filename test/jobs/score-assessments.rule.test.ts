import { describe, expect, it } from 'vitest';
import { parsePeriod, periodLabel, type Period } from '../../src/jobs/periods.ts';
import type { AssessmentsPolicy } from '../../src/jobs/policy.ts';
import {
  countClients,
  proposeGrade,
  scoreQuarter,
  scoreYear,
  type AssessedManager,
  type AssessmentInput,
  type ManagedClient,
} from '../../src/jobs/score-assessments/rule.ts';

const policy: AssessmentsPolicy = {
  gradeOrder: ['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'PRINCIPAL'],
  quarterly: {
    kind: 'QUARTERLY_QUALITATIVE',
    period: '{year}Q{quarter}',
    payComponent: 'POSITION_SALARY',
    weights: { attitudeScore: 0.4, responsibilityScore: 0.6 },
  },
  yearly: {
    kind: 'YEARLY_QUANTITATIVE',
    period: '{year}',
    payComponent: 'PERFORMANCE_PAY',
    retentionPoints: 60,
    newClientPoints: 10,
    maxScore: 100,
    managerStatuses: ['ACTIVE'],
  },
  payCoefficients: [
    { minScore: 90, coefficient: 1.2 },
    { minScore: 60, coefficient: 1 },
    { minScore: 0, coefficient: 0.8 },
  ],
  gradeRules: { promoteAtScore: 85, minQuarterlyAverageToPromote: 75, demoteBelowScore: 50 },
  openStatuses: ['OPEN'],
  scoredStatus: 'SCORED',
};
const HIGH = ['PLATINUM', 'GOLD'];
const Q3 = parsePeriod('2025Q3') as Period;
const Y2025 = parsePeriod('2025') as Period;
const at = (iso: string): number => Date.parse(iso);
const BEFORE = at('2024-06-01T00:00:00Z');
const DURING = at('2025-05-01T00:00:00Z');

const mgr = (id: string, grade: string | null, status: string | null = 'ACTIVE'): AssessedManager => ({
  id,
  name: `Manager ${id}`,
  grade,
  status,
});
const assessment = (id: string, extra: Partial<AssessmentInput>): AssessmentInput => ({
  id,
  managerId: 'm1',
  kind: 'QUARTERLY_QUALITATIVE',
  period: '2025Q3',
  status: 'OPEN',
  attitudeScore: null,
  responsibilityScore: null,
  clientsAtStart: null,
  clientsMaintained: null,
  newClientsWon: null,
  score: null,
  payComponent: null,
  payCoefficient: null,
  currentGrade: null,
  gradeChange: null,
  proposedGrade: null,
  ...extra,
});
const client = (rm: string | null, tier: string | null, previousTier: string | null, tierSetAt: number): ManagedClient => ({
  relationshipManagerId: rm,
  tier,
  previousTier,
  tierSetAt,
});

describe('periods', () => {
  it('reads quarters and years with their UTC bounds and labels them by the policy template', () => {
    expect(Q3).toMatchObject({
      kind: 'quarter',
      year: 2025,
      quarter: 3,
      start: at('2025-07-01T00:00:00Z'),
      end: at('2025-10-01T00:00:00Z'),
    });
    expect(periodLabel(parsePeriod('2025-q4') as Period, '{year}Q{quarter}')).toBe('2025Q4');
    expect(Y2025).toMatchObject({ kind: 'year', start: at('2025-01-01T00:00:00Z'), end: at('2026-01-01T00:00:00Z') });
    expect(parsePeriod('2025Q5')).toBeUndefined();
  });
});

describe('grade change', () => {
  it('promotes at the score threshold only with a high enough quarterly average', () => {
    expect(proposeGrade(85, 75, 'SENIOR', policy)).toMatchObject({ gradeChange: 'PROMOTE', proposedGrade: 'PRINCIPAL' });
    expect(proposeGrade(85, 74.99, 'SENIOR', policy)).toMatchObject({
      gradeChange: 'KEEP',
      proposedGrade: 'SENIOR',
      note: 'quarterly average 74.99 below 75',
    });
    expect(proposeGrade(95, null, 'SENIOR', policy)).toMatchObject({ gradeChange: 'KEEP', note: 'no quarterly scores this year' });
    expect(proposeGrade(84.99, 90, 'SENIOR', policy)).toMatchObject({ gradeChange: 'KEEP' });
  });
  it('demotes below its threshold and keeps managers at either end where they are', () => {
    expect(proposeGrade(50, null, 'SENIOR', policy)).toMatchObject({ gradeChange: 'KEEP' });
    expect(proposeGrade(49.99, null, 'SENIOR', policy)).toMatchObject({ gradeChange: 'DEMOTE', proposedGrade: 'INTERMEDIATE' });
    expect(proposeGrade(99, 99, 'PRINCIPAL', policy)).toMatchObject({
      gradeChange: 'KEEP',
      proposedGrade: 'PRINCIPAL',
      note: 'already at the highest grade',
    });
    expect(proposeGrade(10, null, 'JUNIOR', policy)).toMatchObject({ gradeChange: 'KEEP', proposedGrade: 'JUNIOR' });
  });
});

describe('score-assessments: quarter', () => {
  const managers = [mgr('m1', 'INTERMEDIATE'), mgr('m2', 'SENIOR')];
  it('scores Σ weight × sub-score, with the pay component and coefficient and the current grade', () => {
    const [d] = scoreQuarter([assessment('a1', { attitudeScore: 95, responsibilityScore: 90 })], managers, Q3, policy);
    // 95 × 0.4 + 90 × 0.6 = 92 → band ≥ 90: × 1.2
    expect(d).toMatchObject({
      kind: 'update',
      values: { score: 92, payComponent: 'POSITION_SALARY', payCoefficient: 1.2, currentGrade: 'INTERMEDIATE', status: 'SCORED' },
    });
    expect(d?.kind === 'update' && 'gradeChange' in d.values).toBe(false);
  });

  it('skips an assessment with a missing sub-score or a final status, and ignores other periods and kinds', () => {
    const ds = scoreQuarter(
      [
        assessment('a1', { attitudeScore: 80 }),
        assessment('a2', { attitudeScore: 80, responsibilityScore: 80, status: 'APPROVED' }),
        assessment('a3', { attitudeScore: 80, responsibilityScore: 80, period: '2025Q2' }),
        assessment('a4', { kind: 'YEARLY_QUANTITATIVE' }),
      ],
      managers,
      Q3,
      policy,
    );
    expect(ds.map((d) => [d.kind, 'explanation' in d ? d.explanation : ''])).toEqual([
      ['skipped', 'no responsibility score yet'],
      ['skipped', 'status APPROVED is final'],
    ]);
  });

  it('changes nothing on a second pass, and rescores a scored assessment whose inputs changed', () => {
    const scored = assessment('a1', {
      managerId: 'm2',
      attitudeScore: 50,
      responsibilityScore: 50,
      score: 50,
      payComponent: 'POSITION_SALARY',
      payCoefficient: 0.8,
      currentGrade: 'SENIOR',
      status: 'SCORED',
    });
    expect(scoreQuarter([scored], managers, Q3, policy)[0]?.kind).toBe('same');
    expect(scoreQuarter([{ ...scored, attitudeScore: 100 }], managers, Q3, policy)[0]).toMatchObject({
      kind: 'update',
      values: { score: 70, payCoefficient: 1 },
    });
  });
});

describe('score-assessments: year', () => {
  it('counts clients maintained, won and at the start from tiers, previous tiers and when they were set', () => {
    const counts = countClients(
      [
        client('m1', 'PLATINUM', null, BEFORE), // high-end since before the year: maintained
        client('m1', 'PLATINUM', 'GOLD', DURING), // moved up within high-end: maintained
        client('m1', 'GOLD', 'SILVER', DURING), // became high-end: won
        client('m1', 'GOLD', null, DURING), // new client, straight to GOLD: won
        client('m1', 'SILVER', 'GOLD', DURING), // dropped: counts at the start only
        client('m1', 'SILVER', null, BEFORE), // never high-end
        client(null, 'PLATINUM', null, BEFORE),
      ],
      Y2025,
      HIGH,
    );
    expect(counts.get('m1')).toEqual({ atStart: 3, maintained: 2, won: 2 });
  });

  it('scores retention and wins, proposes the grade change from the quarterly average, and creates missing assessments', () => {
    const clients = [
      client('m1', 'PLATINUM', null, BEFORE),
      client('m1', 'GOLD', 'PLATINUM', DURING),
      client('m1', 'SILVER', 'GOLD', DURING),
      client('m1', 'GOLD', null, DURING),
      client('m1', 'GOLD', null, DURING),
      client('m1', 'GOLD', null, DURING),
    ];
    const quarterlies = ['2025Q1', '2025Q2', '2024Q4'].map((p, i) =>
      assessment(`q${i}`, { period: p, score: p === '2024Q4' ? 10 : 80, status: 'SCORED' }),
    );
    const ds = scoreYear(
      { assessments: quarterlies, managers: [mgr('m1', 'JUNIOR'), mgr('m2', 'SENIOR'), mgr('m3', 'JUNIOR', 'LEFT')], clients },
      Y2025,
      policy,
      HIGH,
    );
    expect(ds).toHaveLength(2);
    // m1: 60 × 2/3 + 10 × 3 = 70 → keep, × 1.0; m2: no clients → 60 × 1 = 60 → keep.
    expect(ds[0]).toMatchObject({
      kind: 'create',
      manager: { id: 'm1' },
      kindValue: 'YEARLY_QUANTITATIVE',
      period: '2025',
      values: {
        clientsAtStart: 3,
        clientsMaintained: 2,
        newClientsWon: 3,
        score: 70,
        payCoefficient: 1,
        gradeChange: 'KEEP',
        currentGrade: 'JUNIOR',
        payComponent: 'PERFORMANCE_PAY',
      },
    });
    const more = [...clients, client('m1', 'GOLD', null, DURING), client('m1', 'GOLD', null, DURING)];
    // 40 + 50 = 90; quarterly average (80 + 80) / 2 = 80 ≥ 75 (2024Q4 is not this year's) → promote.
    expect(scoreYear({ assessments: quarterlies, managers: [mgr('m1', 'JUNIOR')], clients: more }, Y2025, policy, HIGH)[0]).toMatchObject({
      values: { score: 90, gradeChange: 'PROMOTE', proposedGrade: 'INTERMEDIATE', payCoefficient: 1.2 },
    });
  });

  it('caps the score at maxScore and demotes a manager who kept none of the clients', () => {
    const many = Array.from({ length: 12 }, () => client('m1', 'GOLD', null, DURING));
    expect(scoreYear({ assessments: [], managers: [mgr('m1', 'JUNIOR')], clients: many }, Y2025, policy, HIGH)[0]).toMatchObject({
      values: { score: 100 },
    });
    const lost = [client('m1', 'SILVER', 'GOLD', DURING)];
    expect(scoreYear({ assessments: [], managers: [mgr('m1', 'SENIOR')], clients: lost }, Y2025, policy, HIGH)[0]).toMatchObject({
      values: { score: 0, gradeChange: 'DEMOTE', proposedGrade: 'INTERMEDIATE' },
    });
  });

  it('updates an existing assessment, leaves an approved one, and changes nothing the second time', () => {
    const existing = assessment('y1', { kind: 'YEARLY_QUANTITATIVE', period: '2025', managerId: 'm1' });
    const input = { assessments: [existing], managers: [mgr('m1', 'JUNIOR')], clients: [client('m1', 'GOLD', null, BEFORE)] };
    const [first] = scoreYear(input, Y2025, policy, HIGH);
    expect(first).toMatchObject({ kind: 'update', assessmentId: 'y1' });
    const applied = first?.kind === 'update' ? { ...existing, ...first.values } : existing;
    expect(scoreYear({ ...input, assessments: [applied] }, Y2025, policy, HIGH)[0]?.kind).toBe('same');
    expect(scoreYear({ ...input, assessments: [{ ...existing, status: 'APPROVED' }] }, Y2025, policy, HIGH)[0]?.kind).toBe('skipped');
  });
});
