// Cross-checks over the whole pack: every rule Twenty's server or SDK would apply.
import type { Pack } from '../model.ts';
import type { PendingProblem } from '../problems.ts';

export function checkRules(_pack: Pack): PendingProblem[] {
  return [];
}
