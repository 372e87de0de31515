// The policy files: the pack's own, the tests' stubs, and broken ones whose every mistake
// must be reported with its file, line and a hint — by validate, which decodes them once
// into the ValidPack the jobs take them from.
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/pack/problems.ts';
import { policiesOf } from '../../src/jobs/policy-file.ts';
import { checkJobPolicies, POLICY_NAMES } from '../../src/jobs/policy.ts';
import { validatePack } from '../../src/validate/index.ts';
import { validPack } from '../support/valid-pack.ts';

const repo = join(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'fixtures');

/** The policy problems validate finds in the pack at `dir`. */
const problemsOf = async (dir: string): Promise<string[]> =>
  (await validatePack(dir)).problems.filter((p) => p.rule === 'policy').map(formatProblem);

describe('job policies', () => {
  it("reads the pack's own policy files and the tests' stubs without a problem", async () => {
    expect(await problemsOf(repo)).toEqual([]);
    const stub = policiesOf(await validPack(join(fixtures, 'pack')), POLICY_NAMES);
    expect(stub.ok && stub.policies.assignment.proximity).toEqual({
      earthRadiusKm: 6371.0088,
      maxDistanceKm: 30,
      toleranceKm: 0,
      fallbackWhenNoCoordinates: ['SAME_CITY', 'SAME_STATE'],
    });
  });

  it('reports every mistake with file:line:col and a fix', async () => {
    expect(await problemsOf(join(fixtures, 'bad'))).toEqual([
      "policies/assessments.policy.yaml:2:12  the quarterly weights must add up to 1 (they add up to 1.4), so that the score keeps the sub-scores' 0–100 scale",
      'policies/assessments.policy.yaml:4:20  yearly.retentionPoints must be a number, not "sixty"',
      'policies/assessments.policy.yaml:6:53  demoteBelowScore (60) must not be above promoteAtScore (50)',
      'policies/assignment.policy.yaml:1:8  stage: "PUBLISHD" is not one of COLLECTED, PUBLISHED, FEEDBACK, REFINED, CONVERTED, DISCARDED  (did you mean "PUBLISHED"?)',
      "policies/assignment.policy.yaml:2:8  the rules apply in the bank's order (FIRST_CLAIM, PROXIMITY, INDUSTRY); list them in that order  (rules: [FIRST_CLAIM, PROXIMITY])",
      'policies/assignment.policy.yaml:3:1  missing proximity.maxDistanceKm (a number)  (add `maxDistanceKm:`)',
      'policies/assignment.policy.yaml:4:3  unknown key "maxDistance" in proximity  (did you mean "maxDistanceKm"?)',
      "policies/assignment.policy.yaml:6:18  load.countedStages must include PUBLISHD: a lead just assigned counts towards its manager's load",
      'policies/assignment.policy.yaml:7:20  load.defaultCapacity must be a whole number, not 2.5',
      'policies/bounties.policy.yaml:3:13  award.rank[0].by: "charm" is not one of planScore, grade, load, submittedAt',
      'policies/bounties.policy.yaml:4:1  missing payout.dueDays (a number)  (add `dueDays:`)',
      'policies/surveys.policy.yaml:2:27  unknown tier "BRONZE"  (tiers are PLATINUM, GOLD, SILVER, STANDARD)',
      'policies/surveys.policy.yaml:3:28  channelByTier.PLATINUM: "EMAIL" is not one of PHONE, FACE_TO_FACE',
      'policies/surveys.policy.yaml:4:28  recentSurveyExclusionDays must be at least 0, not -1',
      'policies/surveys.policy.yaml:5:14  batchFormat must contain {n}, the running number of the batch  (e.g. "{quarter}-S{n}")',
      'policies/tiers.policy.yaml:3:31  unknown key "loans" in weights  (known keys: depositBalance, loanBalance, feeIncome)',
      'policies/tiers.policy.yaml:4:1  missing thresholds.person: objects lists person',
      "policies/tiers.policy.yaml:7:31  rows go from the highest tier down: GOLD's minScore (300) must be below PLATINUM's (100)",
      'policies/tiers.policy.yaml:8:35  the last row (STANDARD) must have minScore: 0, so that every scored client gets a tier',
    ]);
  });

  it('takes the policies validate decoded, not the files as they are later', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bankpack-policy-'));
    try {
      await cp(join(fixtures, 'pack'), dir, { recursive: true });
      const pack = await validPack(dir);
      await rm(join(dir, 'policies'), { recursive: true });
      const r = policiesOf(pack, ['tiers', 'assignment']);
      expect(r.ok && r.files).toEqual(['policies/tiers.policy.yaml', 'policies/assignment.policy.yaml']);
      expect(r.ok && r.policies.assignment.proximity.maxDistanceKm).toBe(30);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says which file is missing and how to fix it', async () => {
    const r = policiesOf(await validPack(join(repo, 'test/letters/fixtures/mini-pack')), ['tiers']);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      'policies/tiers.policy.yaml:1:1  no tiers policy  (create policies/tiers.policy.yaml (docs/jobs.md lists its keys), or pass --dir with the pack folder)',
    ]);
  });

  it('checks the policies of a loaded pack for `bankpack validate`, ignoring policies no job reads', () => {
    const found = checkJobPolicies([
      {
        name: 'surveys',
        data: { sampleSize: {}, channelByTier: {}, recentSurveyExclusionDays: 'soon' },
        source: { file: 'policies/surveys.policy.yaml' },
      },
      { name: 'complaints', data: { anything: 1 }, source: { file: 'policies/complaints.policy.yaml' } },
    ]);
    expect(found.map((p) => [p.file, p.path.join('.'), p.message])).toEqual([
      ['policies/surveys.policy.yaml', 'recentSurveyExclusionDays', 'recentSurveyExclusionDays must be a number, not "soon"'],
    ]);
  });
});

describe('bankpack validate', () => {
  it("reports a job policy's problems with the other pack problems", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bankpack-policy-'));
    try {
      await cp(join(repo, 'pack.yaml'), join(dir, 'pack.yaml'));
      await mkdir(join(dir, 'policies'));
      await cp(join(fixtures, 'bad/policies/surveys.policy.yaml'), join(dir, 'policies/surveys.policy.yaml'));
      const { validatePack } = await import('../../src/validate/index.ts');
      const { problems } = await validatePack(dir);
      expect(problems.filter((p) => p.rule === 'policy').map(formatProblem)).toContain(
        'policies/surveys.policy.yaml:4:28  recentSurveyExclusionDays must be at least 0, not -1',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the jobs' vocabulary matches the pack's options", () => {
  it('uses the option values the pack defines for tiers, grades, stages, channels and rules', async () => {
    const { validatePack } = await import('../../src/validate/index.ts');
    const { pack } = await validatePack(repo);
    const options = (object: string, field: string): string[] => {
      const inline = pack.objects.find((o) => o.nameSingular === object)?.fields.find((f) => f.name === field);
      const standalone = pack.fields.find(
        (f) => f.name === field && (f.objectUniversalIdentifier === `standard:${object}` || f.objectUniversalIdentifier === object),
      );
      return (inline ?? standalone)?.options?.map((o) => o.value) ?? [];
    };
    const { TIERS, GRADES, LEAD_STAGES, CHANNELS, ASSIGNMENT_RULES } = await import('../../src/jobs/policy.ts');
    expect(options('company', 'clientTier')).toEqual([...TIERS]);
    expect(options('person', 'clientTier')).toEqual([...TIERS]);
    expect(options('clientManager', 'grade')).toEqual([...GRADES]);
    expect(options('intelLead', 'stage')).toEqual([...LEAD_STAGES]);
    expect(options('satisfactionSurvey', 'channel')).toEqual([...CHANNELS]);
    expect(options('intelLead', 'assignmentRule')).toEqual(expect.arrayContaining([...ASSIGNMENT_RULES]));
    expect(options('bid', 'status')).toEqual(expect.arrayContaining(['SUBMITTED', 'SHORTLISTED', 'AWARDED', 'REJECTED']));
    expect(options('assessment', 'status')).toEqual(expect.arrayContaining(['OPEN', 'SCORED', 'APPROVED']));
  });
});
