// The jobs' policy checks as a rule family of `bankpack validate` (src/pack/rules):
// every policy file a job reads is checked for its shape, with the key's line.
import type { RuleFamily } from '../pack/rules/context.ts';
import { checkJobPolicies } from './policy.ts';

export const jobPoliciesFamily: RuleFamily = {
  name: 'job-policies',
  check: (ctx) => checkJobPolicies(ctx.pack.policies),
};
