// Every job, by the name `bankpack job <name>` takes.
import { assignLeadsJob } from './assign-leads/job.ts';
import { awardBountiesJob } from './award-bounties/job.ts';
import { computeTiersJob } from './compute-tiers/job.ts';
import type { JobDefinition } from './job.ts';
import type { JobName, PolicyName } from './policy.ts';
import { sampleSurveysJob } from './sample-surveys/job.ts';
import { scoreAssessmentsJob } from './score-assessments/job.ts';

export const JOBS: Record<JobName, JobDefinition<PolicyName>> = {
  'assign-leads': assignLeadsJob as JobDefinition<PolicyName>,
  'compute-tiers': computeTiersJob as JobDefinition<PolicyName>,
  'sample-surveys': sampleSurveysJob as JobDefinition<PolicyName>,
  'score-assessments': scoreAssessmentsJob as JobDefinition<PolicyName>,
  'award-bounties': awardBountiesJob as JobDefinition<PolicyName>,
};
