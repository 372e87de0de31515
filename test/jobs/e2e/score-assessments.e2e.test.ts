// score-assessments against the sandbox: a quarter's qualitative assessments scored, a
// year's quantitative ones computed from the CRM (created when missing), grade changes
// proposed; approved assessments untouched; a second run changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../../src/jobs/index.ts';
import { startJobSandbox, type JobSandbox } from './sandbox-world.ts';

let w: JobSandbox;
const NOW = Date.parse('2025-12-31T08:00:00Z');
const ids: Record<string, string> = {};

beforeAll(async () => {
  w = await startJobSandbox();
  const [wang, li] = await w.create('clientManagers', 'clientManager', [
    { name: '王伟', grade: 'JUNIOR', status: 'ACTIVE' },
    { name: '李娜', grade: 'SENIOR', status: 'ACTIVE' },
    { name: '赵强', grade: 'SENIOR', status: 'LEFT' },
  ]);
  Object.assign(ids, { wang, li });
  const [q3wang, q3li, approved, , yli] = await w.create('assessments', 'assessment', [
    { name: 'Q3 王伟', managerId: wang, kind: 'QUARTERLY_QUALITATIVE', period: '2025Q3', attitudeScore: 90, responsibilityScore: 80 },
    { name: 'Q3 李娜', managerId: li, kind: 'QUARTERLY_QUALITATIVE', period: '2025Q3', attitudeScore: 70 },
    {
      name: 'Q3 李娜 (approved)',
      managerId: li,
      kind: 'QUARTERLY_QUALITATIVE',
      period: '2025Q3',
      attitudeScore: 10,
      responsibilityScore: 10,
      status: 'APPROVED',
    },
    { name: 'Q2 王伟', managerId: wang, kind: 'QUARTERLY_QUALITATIVE', period: '2025Q2', score: 80, status: 'SCORED' },
    { name: '2025 李娜', managerId: li, kind: 'YEARLY_QUANTITATIVE', period: '2025' },
  ]);
  Object.assign(ids, { q3wang, q3li, approved, yli });
  await w.create('companies', 'company', [
    { name: 'Kept', relationshipManagerId: wang, clientTier: 'PLATINUM', tierSetAt: '2024-04-01T00:00:00Z' },
    ...['Won A', 'Won B', 'Won C'].map((name) => ({
      name,
      relationshipManagerId: wang,
      clientTier: 'GOLD',
      previousTier: 'SILVER',
      tierSetAt: '2025-03-01T00:00:00Z',
    })),
    { name: 'Dropped', relationshipManagerId: li, clientTier: 'SILVER', previousTier: 'GOLD', tierSetAt: '2025-05-01T00:00:00Z' },
  ]);
});
afterAll(async () => w.close());

interface Assessment {
  name: string;
  managerId: string;
  kind: string;
  period: string;
  status: string;
  score: number | null;
  payComponent: string | null;
  payCoefficient: number | null;
  currentGrade: string | null;
  gradeChange: string | null;
  proposedGrade: string | null;
  clientsAtStart: number | null;
  clientsMaintained: number | null;
  newClientsWon: number | null;
  assessedAt: string | null;
}
const FIELDS =
  'name managerId kind period status score payComponent payCoefficient currentGrade gradeChange proposedGrade clientsAtStart clientsMaintained newClientsWon assessedAt';
const byId = async (): Promise<Map<string, Assessment>> => new Map((await w.all<Assessment>('assessments', FIELDS)).map((a) => [a.id, a]));

describe('score-assessments end to end', () => {
  it('scores a quarter: Σ weight × sub-score, pay coefficient, current grade; skips incomplete and approved ones', async () => {
    const dry = await w.run('score-assessments', { now: NOW, dryRun: true, options: { period: '2025Q3' } });
    expect(dry.writes).toBe(0);
    const { outcome, writes } = await w.run('score-assessments', { now: NOW, options: { period: '2025-Q3' } });
    expect(writes).toBe(1);
    const a = await byId();
    expect(a.get(ids.q3wang as string)).toMatchObject({
      score: 85,
      payComponent: 'POSITION_SALARY',
      payCoefficient: 1,
      currentGrade: 'JUNIOR',
      status: 'SCORED',
      assessedAt: '2025-12-31T08:00:00.000Z',
      gradeChange: null,
    });
    expect(a.get(ids.q3li as string)).toMatchObject({ score: null, status: 'OPEN' });
    expect(a.get(ids.approved as string)).toMatchObject({ score: null, status: 'APPROVED' });
    const text = renderReport(outcome);
    expect(text).toContain('Skipped (2)');
    expect(text).toContain('• 李娜 [assessment]: no responsibility score yet');
  });

  it('scores a year from the CRM, creating missing assessments and proposing grade changes', async () => {
    const { outcome, writes } = await w.run('score-assessments', { now: NOW, options: { period: '2025' } });
    expect(writes).toBe(2); // one update (李娜's), one create (王伟's); 赵强 has left
    expect(Object.fromEntries(outcome.plan.counts)).toMatchObject({
      'assessments to score': 1,
      'assessments to create': 1,
      'promotions proposed': 1,
      'demotions proposed': 1,
    });
    const yearly = (await w.all<Assessment>('assessments', FIELDS, { kind: { in: ['YEARLY_QUANTITATIVE'] } })).sort((x, y) =>
      x.name.localeCompare(y.name),
    );
    // 王伟: kept 1 of 1, won 3 → 60 + 30 = 90; quarterly average (80 + 85) / 2 ≥ 75 → promote.
    expect(yearly.find((y) => y.managerId === ids.wang)).toMatchObject({
      name: '2025 年度定量考核 · 王伟',
      period: '2025',
      clientsAtStart: 1,
      clientsMaintained: 1,
      newClientsWon: 3,
      score: 90,
      payCoefficient: 1.2,
      gradeChange: 'PROMOTE',
      proposedGrade: 'INTERMEDIATE',
      status: 'SCORED',
    });
    // 李娜: kept 0 of 1 → 0 → demote.
    expect(yearly.find((y) => y.id === ids.yli)).toMatchObject({
      clientsAtStart: 1,
      clientsMaintained: 0,
      newClientsWon: 0,
      score: 0,
      payCoefficient: 0.8,
      gradeChange: 'DEMOTE',
      proposedGrade: 'INTERMEDIATE',
      currentGrade: 'SENIOR',
    });
    expect(yearly).toHaveLength(2);
  });

  it('changes nothing when run again for either period', async () => {
    expect((await w.run('score-assessments', { now: NOW + 60_000, options: { period: '2025Q3' } })).writes).toBe(0);
    expect((await w.run('score-assessments', { now: NOW + 60_000, options: { period: '2025' } })).writes).toBe(0);
  });
});
