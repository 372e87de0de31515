// Client-manager assessment (DOMAIN.md §2, 考核): qualitative at each quarter end (attitude
// and responsibility, tied to position salary), quantitative at year end (high-end clients
// kept and won, tied to performance pay), and the grade change the year proposes (等级管理).
// Pure. Keys: policies/assessments.policy.yaml; high-end tiers: tiers.policy.yaml.
//
// Quarter: score = Σ weight × sub-score over attitudeScore and responsibilityScore.
// Year, per active manager, over the clients whose relationshipManager is the manager
// (tierSetAt, else createdAt, says when the current tier was set; counted as of the run):
//   maintained = high-end now, and high-end at the year's start (tier set before the year,
//                or previousTier high-end);
//   won        = high-end now, tier set during the year, previousTier not high-end or empty;
//   atStart    = maintained + those with previousTier high-end, set during the year, not
//                high-end now (dropped);
//   score = retentionPoints × maintained ÷ atStart (1 when atStart is 0)
//         + newClientPoints × won, capped at maxScore.
// Pay coefficient (both kinds): the first band from the top whose minScore the score reaches.
// Grade change (year only): PROMOTE when score ≥ promoteAtScore and the year's quarterly
// scores average ≥ minQuarterlyAverageToPromote; DEMOTE below demoteBelowScore; else KEEP;
// one step along gradeOrder, KEEP at either end.
// Assessments in openStatuses, or already scored, are (re)scored; APPROVED ones are final.
import type { AssessmentsPolicy } from '../policy.ts';
import { periodLabel, quartersOf, type Period } from '../periods.ts';
import { roundTo } from '../compute-tiers/rule.ts';

export type GradeChange = 'PROMOTE' | 'KEEP' | 'DEMOTE';

export interface AssessedManager {
  id: string;
  name: string;
  grade: string | null;
  status: string | null;
}

export interface AssessmentInput {
  id: string;
  managerId: string | null;
  kind: string | null;
  period: string | null;
  status: string | null;
  attitudeScore: number | null;
  responsibilityScore: number | null;
  clientsAtStart: number | null;
  clientsMaintained: number | null;
  newClientsWon: number | null;
  score: number | null;
  payComponent: string | null;
  payCoefficient: number | null;
  currentGrade: string | null;
  gradeChange: string | null;
  proposedGrade: string | null;
}

export interface ManagedClient {
  relationshipManagerId: string | null;
  tier: string | null;
  previousTier: string | null;
  /** tierSetAt, else createdAt. */
  tierSetAt: number;
}

/** The fields the job writes (besides assessedAt, stamped on every write). */
export type AssessmentValues = Partial<
  Pick<AssessmentInput, 'clientsAtStart' | 'clientsMaintained' | 'newClientsWon' | 'gradeChange' | 'proposedGrade'>
> &
  Pick<AssessmentInput, 'score' | 'payComponent' | 'payCoefficient' | 'currentGrade' | 'status'>;

export type AssessmentDecision =
  | { kind: 'update'; assessmentId: string; manager: AssessedManager | undefined; values: AssessmentValues; explanation: string }
  | { kind: 'create'; manager: AssessedManager; kindValue: string; period: string; values: AssessmentValues; explanation: string }
  | { kind: 'same'; assessmentId: string; manager: AssessedManager | undefined }
  | { kind: 'skipped'; assessmentId: string | null; manager: AssessedManager | undefined; explanation: string };

export function payCoefficient(score: number, policy: AssessmentsPolicy): number | null {
  return policy.payCoefficients.find((b) => score >= b.minScore)?.coefficient ?? null;
}

export function proposeGrade(
  score: number,
  quarterlyAverage: number | null,
  grade: string | null,
  policy: AssessmentsPolicy,
): { gradeChange: GradeChange; proposedGrade: string | null; note: string } {
  const r = policy.gradeRules;
  const highEnough = score >= r.promoteAtScore;
  const quartersOk = quarterlyAverage !== null && quarterlyAverage >= r.minQuarterlyAverageToPromote;
  const wanted: GradeChange = highEnough && quartersOk ? 'PROMOTE' : score < r.demoteBelowScore ? 'DEMOTE' : 'KEEP';
  const held =
    highEnough && !quartersOk
      ? quarterlyAverage === null
        ? 'no quarterly scores this year'
        : `quarterly average ${quarterlyAverage} below ${r.minQuarterlyAverageToPromote}`
      : '';
  const at = grade === null ? -1 : policy.gradeOrder.indexOf(grade);
  if (at < 0)
    return { gradeChange: wanted, proposedGrade: null, note: grade === null ? 'no current grade' : `grade ${grade} is not in gradeOrder` };
  const next = wanted === 'PROMOTE' ? at + 1 : wanted === 'DEMOTE' ? at - 1 : at;
  if (next < 0 || next >= policy.gradeOrder.length)
    return { gradeChange: 'KEEP', proposedGrade: grade, note: `already at the ${next < 0 ? 'lowest' : 'highest'} grade` };
  return { gradeChange: wanted, proposedGrade: policy.gradeOrder[next] ?? grade, note: held };
}

const processable = (a: AssessmentInput, policy: AssessmentsPolicy): boolean =>
  a.status === null || a.status === policy.scoredStatus || policy.openStatuses.includes(a.status);

function unchanged(a: AssessmentInput, v: AssessmentValues): boolean {
  return (Object.keys(v) as Array<keyof AssessmentValues>).every((k) => a[k] === v[k]);
}

export function scoreQuarter(
  assessments: readonly AssessmentInput[],
  managers: readonly AssessedManager[],
  period: Period,
  policy: AssessmentsPolicy,
): AssessmentDecision[] {
  const byId = new Map(managers.map((m) => [m.id, m]));
  const q = policy.quarterly;
  const label = periodLabel(period, q.period);
  return assessments
    .filter((a) => a.kind === q.kind && a.period === label)
    .map((a): AssessmentDecision => {
      const manager = a.managerId ? byId.get(a.managerId) : undefined;
      if (!processable(a, policy)) return { kind: 'skipped', assessmentId: a.id, manager, explanation: `status ${a.status} is final` };
      const missing = [a.attitudeScore === null && 'attitude', a.responsibilityScore === null && 'responsibility'].filter(Boolean);
      if (missing.length > 0) return { kind: 'skipped', assessmentId: a.id, manager, explanation: `no ${missing.join(' or ')} score yet` };
      const score = roundTo(
        (a.attitudeScore ?? 0) * q.weights.attitudeScore + (a.responsibilityScore ?? 0) * q.weights.responsibilityScore,
        2,
      );
      const values: AssessmentValues = {
        score,
        payComponent: q.payComponent,
        payCoefficient: payCoefficient(score, policy),
        currentGrade: manager?.grade ?? a.currentGrade,
        status: policy.scoredStatus,
      };
      if (unchanged(a, values)) return { kind: 'same', assessmentId: a.id, manager };
      return {
        kind: 'update',
        assessmentId: a.id,
        manager,
        values,
        explanation: `attitude ${a.attitudeScore}, responsibility ${a.responsibilityScore} → score ${score}, pay × ${values.payCoefficient ?? '–'}`,
      };
    });
}

export function countClients(
  clients: readonly ManagedClient[],
  period: Period,
  highEnd: readonly string[],
): Map<string, { atStart: number; maintained: number; won: number }> {
  const isHigh = (t: string | null): boolean => t !== null && highEnd.includes(t);
  const counts = new Map<string, { atStart: number; maintained: number; won: number }>();
  for (const c of clients) {
    if (!c.relationshipManagerId) continue;
    const n = counts.get(c.relationshipManagerId) ?? { atStart: 0, maintained: 0, won: 0 };
    const setDuring = c.tierSetAt >= period.start;
    const highNow = isHigh(c.tier);
    const highBefore = !setDuring ? highNow : isHigh(c.previousTier);
    if (highNow && highBefore) n.maintained++;
    if (highNow && !highBefore) n.won++;
    if (highBefore) n.atStart++;
    counts.set(c.relationshipManagerId, n);
  }
  return counts;
}

export function scoreYear(
  input: { assessments: readonly AssessmentInput[]; managers: readonly AssessedManager[]; clients: readonly ManagedClient[] },
  period: Period,
  policy: AssessmentsPolicy,
  highEndTiers: readonly string[],
): AssessmentDecision[] {
  const y = policy.yearly;
  const label = periodLabel(period, y.period);
  const quarterLabels = new Set(quartersOf(period.year).map((p) => periodLabel(p, policy.quarterly.period)));
  const counts = countClients(input.clients, period, highEndTiers);
  const existing = new Map<string, AssessmentInput>();
  const quarterly = new Map<string, number[]>();
  for (const a of [...input.assessments].sort((p, q) => cmp(p.id, q.id))) {
    if (!a.managerId) continue;
    if (a.kind === y.kind && a.period === label && !existing.has(a.managerId)) existing.set(a.managerId, a);
    if (a.kind === policy.quarterly.kind && a.period !== null && quarterLabels.has(a.period) && a.score !== null)
      quarterly.set(a.managerId, [...(quarterly.get(a.managerId) ?? []), a.score]);
  }
  const active = input.managers.filter((m) => m.status === null || y.managerStatuses.includes(m.status)).sort((a, b) => cmp(a.id, b.id));
  return active.map((manager): AssessmentDecision => {
    const a = existing.get(manager.id);
    if (a && !processable(a, policy)) return { kind: 'skipped', assessmentId: a.id, manager, explanation: `status ${a.status} is final` };
    const { atStart, maintained, won } = counts.get(manager.id) ?? { atStart: 0, maintained: 0, won: 0 };
    const retention = atStart === 0 ? 1 : maintained / atStart;
    const score = roundTo(Math.min(y.maxScore, y.retentionPoints * retention + y.newClientPoints * won), 2);
    const scores = quarterly.get(manager.id) ?? [];
    const average = scores.length === 0 ? null : roundTo(scores.reduce((s, x) => s + x, 0) / scores.length, 2);
    const grade = proposeGrade(score, average, manager.grade, policy);
    const values: AssessmentValues = {
      clientsAtStart: atStart,
      clientsMaintained: maintained,
      newClientsWon: won,
      score,
      payComponent: y.payComponent,
      payCoefficient: payCoefficient(score, policy),
      currentGrade: manager.grade,
      gradeChange: grade.gradeChange,
      proposedGrade: grade.proposedGrade,
      status: policy.scoredStatus,
    };
    const move =
      grade.gradeChange === 'KEEP'
        ? `keep ${manager.grade ?? 'grade'}`
        : `${grade.gradeChange.toLowerCase()} ${manager.grade ?? '?'} → ${grade.proposedGrade ?? '?'}`;
    const explanation = `kept ${maintained} of ${atStart} high-end clients, won ${won} → score ${score}: ${move}${grade.note ? ` (${grade.note})` : ''}`;
    if (!a) return { kind: 'create', manager, kindValue: y.kind, period: label, values, explanation };
    if (unchanged(a, values)) return { kind: 'same', assessmentId: a.id, manager };
    return { kind: 'update', assessmentId: a.id, manager, values, explanation };
  });
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
