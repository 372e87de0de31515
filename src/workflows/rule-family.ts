// The workflow checks as a rule family of `bankpack validate` (src/pack/rules).
import type { RuleFamily } from '../pack/index.ts';
import { buildCatalogue } from './catalogue.ts';
import { checkWorkflows } from './check.ts';

export const workflowsFamily: RuleFamily = {
  name: 'workflows',
  check: (ctx) => (ctx.pack.workflows.length === 0 ? [] : checkWorkflows(ctx.pack.workflows, buildCatalogue(ctx.pack))),
};
