// The validator with every rule family registered: the pack's own checks (src/pack/rules)
// and those of the features that act on a pack — workflows, the jobs' policies, the
// letters' templates, roles. The pack imports no feature; this composition root, one layer
// up, hands their families down. Each feature's family is its second front door
// (rule-family.ts), light by design, so `bankpack validate` loads no engine.
import { PACK_RULE_FAMILIES, validatePackWith, type RuleFamily, type ValidationResult } from '../pack/index.ts';
import { jobPoliciesFamily } from '../jobs/rule-family.ts';
import { templatesFamily } from '../letters/rule-family.ts';
import { rolesFamily } from '../roles/rule-family.ts';
import { workflowsFamily } from '../workflows/rule-family.ts';

export const RULE_FAMILIES: readonly RuleFamily[] = [
  ...PACK_RULE_FAMILIES,
  workflowsFamily,
  jobPoliciesFamily,
  templatesFamily,
  rolesFamily,
];

/** Load and validate the pack in `root` against every rule: a ValidPack when it has no errors. */
export function validatePack(root: string): Promise<ValidationResult> {
  return validatePackWith(root, RULE_FAMILIES);
}
