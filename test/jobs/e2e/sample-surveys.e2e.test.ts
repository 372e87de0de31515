// sample-surveys against the sandbox: survey records created with batch, seed, channel and
// interviewer; a second run creates nothing; a new batch leaves out the clients just sampled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../../src/jobs/index.ts';
import { startJobSandbox, type JobSandbox } from './sandbox-world.ts';

let w: JobSandbox;
const NOW = Date.parse('2025-10-08T02:00:00Z');
let rm = '';
let leader = '';

beforeAll(async () => {
  w = await startJobSandbox();
  [rm = '', leader = ''] = await w.create('clientManagers', 'clientManager', [{ name: '王伟' }, { name: '李娜' }]);
  const [team] = await w.create('maintenanceTeams', 'maintenanceTeam', [{ name: '一组', leaderId: leader }]);
  const companies = (tier: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      name: `${tier} company ${i}`,
      clientTier: tier,
      ...(i % 2 ? { relationshipManagerId: rm } : { maintenanceTeamId: team }),
    }));
  await w.create('companies', 'company', [
    ...companies('PLATINUM', 3),
    ...companies('GOLD', 5),
    ...companies('SILVER', 6),
    ...companies('STANDARD', 4),
    { name: 'Recently surveyed', clientTier: 'STANDARD', lastSurveyedAt: '2025-08-01T00:00:00Z' },
    { name: 'Untiered' },
  ]);
  await w.create('people', 'person', [
    { name: { firstName: '伟', lastName: '张' }, clientTier: 'PLATINUM', relationshipManagerId: rm },
    { name: { firstName: '芳', lastName: '刘' }, clientTier: 'SILVER' },
  ]);
});
afterAll(async () => w.close());

interface Survey {
  name: string;
  batch: string;
  sampleSeed: string;
  companyId: string | null;
  personId: string | null;
  channel: string;
  tierAtSampling: string;
  status: string;
  interviewerId: string | null;
  sampledAt: string;
}
const FIELDS = 'name batch sampleSeed companyId personId channel tierAtSampling status interviewerId sampledAt';

describe('sample-surveys end to end', () => {
  it('with --dry-run reports the sample and sends no mutation', async () => {
    const { outcome, writes } = await w.run('sample-surveys', { now: NOW, dryRun: true });
    expect(writes).toBe(0);
    expect(Object.fromEntries(outcome.plan.facts)).toMatchObject({ batch: '2025Q4-S1' });
    expect(Object.fromEntries(outcome.plan.counts)).toMatchObject({ 'surveys to create': 9, 'left out: surveyed recently': 1 });
    expect(renderReport(outcome)).toContain(
      '• company PLATINUM [company]: 2 drawn now, 0 already in the batch, of 2; population 3, 0 surveyed recently',
    );
    expect(await w.all('satisfactionSurveys', 'name')).toEqual([]);
  });

  it('creates one survey per sampled client with batch, seed, channel, tier and interviewer', async () => {
    const { outcome, writes } = await w.run('sample-surveys', { now: NOW });
    const surveys = await w.all<Survey>('satisfactionSurveys', FIELDS);
    // company: 2 per tier (STANDARD: 2 of the 4 not surveyed recently) = 8; person: 1 PLATINUM (no GOLD) = 9.
    expect(surveys).toHaveLength(9);
    expect(writes).toBe(2); // one create call per client file
    const seed = Object.fromEntries(outcome.plan.facts).seed;
    expect(new Set(surveys.map((s) => `${s.batch}/${s.sampleSeed}/${s.status}/${s.sampledAt}`))).toEqual(
      new Set([`2025Q4-S1/${seed}/SAMPLED/2025-10-08T02:00:00.000Z`]),
    );
    const count = (pred: (s: Survey) => boolean): number => surveys.filter(pred).length;
    expect(count((s) => s.channel === 'PHONE')).toBe(5); // PLATINUM and GOLD companies, the PLATINUM person
    expect(count((s) => s.channel === 'FACE_TO_FACE')).toBe(4);
    expect(surveys.every((s) => s.interviewerId === rm || s.interviewerId === leader)).toBe(true);
    expect(count((s) => s.personId !== null && s.tierAtSampling === 'PLATINUM')).toBe(1);
    const names = await w.all<{ name: string }>('companies', 'name');
    const byId = new Map(names.map((c) => [c.id, c.name]));
    expect(surveys.some((s) => ['Recently surveyed', 'Untiered'].includes(byId.get(s.companyId ?? '') ?? ''))).toBe(false);
    expect(surveys.find((s) => s.companyId)?.name).toMatch(/^满意度调查 2025Q4-S1 · /);
  });

  it('creates nothing when the same batch runs again', async () => {
    const { outcome, writes } = await w.run('sample-surveys', { now: NOW + 3_600_000 });
    expect(writes).toBe(0);
    expect(Object.fromEntries(outcome.plan.counts)).toMatchObject({ 'surveys to create': 0, 'already in the batch': 9 });
    expect(await w.all('satisfactionSurveys', 'name')).toHaveLength(9);
  });

  it('draws a new batch from the clients not surveyed recently', async () => {
    const before = await w.all<Survey>('satisfactionSurveys', FIELDS);
    const { outcome } = await w.run('sample-surveys', { now: NOW + 86_400_000, options: { newBatch: true } });
    expect(Object.fromEntries(outcome.plan.facts).batch).toBe('2025Q4-S2');
    const fresh = (await w.all<Survey>('satisfactionSurveys', FIELDS, { batch: { eq: '2025Q4-S2' } })).map(
      (s) => s.companyId ?? s.personId,
    );
    const earlier = new Set(before.map((s) => s.companyId ?? s.personId));
    // Companies left after S1: PLATINUM 1 of 3 → 1; GOLD 3 of 5 → 2; SILVER 4 of 6 → 2; STANDARD 2 of 4 (+1 recent) → 2.
    // People: the only PLATINUM person was just sampled. 1 + 2 + 2 + 2 = 7.
    expect(fresh).toHaveLength(7);
    expect(fresh.some((id) => earlier.has(id))).toBe(false);
  });
});
