// The jobs' policy checks as a rule family of `bankpack validate` (src/pack/rules):
// every policy file a job reads is decoded and checked for its shape, with the key's
// line; the decoded policies travel in the ValidPack (policiesOf), so a job never
// reads a policy file itself.
import type { RuleFamily } from '../pack/index.ts';
import { decodeJobPolicies } from './policy.ts';

/** The family's name, and the key of its decoded policies in ValidPack.decoded. */
export const JOB_POLICIES_FAMILY = 'job-policies';

export const jobPoliciesFamily: RuleFamily = {
  name: JOB_POLICIES_FAMILY,
  check: (ctx) => {
    const { policies, problems } = decodeJobPolicies(ctx.pack.policies);
    ctx.decoded.set(JOB_POLICIES_FAMILY, policies);
    return problems;
  },
};
