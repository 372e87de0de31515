// The template checks as a rule family of `bankpack validate` (src/pack/rules).
import type { RuleFamily } from '../pack/index.ts';
import { checkTemplates } from './rule.ts';

export const templatesFamily: RuleFamily = {
  name: 'templates',
  check: (ctx) => checkTemplates(ctx.pack),
};
