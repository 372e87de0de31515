// Cross-checks over the whole pack: every rule Twenty's server or SDK would apply, so that an
// error surfaces in `bankpack validate` and not half-way through a deploy. Only files that
// passed their schema reach here, so shapes are given; each family checks meaning.
//
// The pack's own families are listed here; a feature's (workflows, job policies, templates,
// roles) is registered from above (src/validate), so the pack imports no feature. A family
// receives the linked pack (../linked-pack.ts) and its reference index (../refs.ts) and
// returns PendingProblems with the file and node path of what is wrong.
import type { LinkedPack } from '../linked-pack.ts';
import type { PendingProblem } from '../problems.ts';
import type { RuleContext, RuleFamily } from './context.ts';
import { defaultsFamily } from './defaults.ts';
import { fieldNamesFamily } from './field-names.ts';
import { iconsFamily } from './icons.ts';
import { identifiersFamily } from './identifiers.ts';
import { labelsFamily } from './labels.ts';
import { textsFamily } from './texts.ts';
import { namesFamily } from './names.ts';
import { navigationFamily } from './navigation.ts';
import { objectsFamily } from './objects.ts';
import { optionsFamily } from './options.ts';
import { relationsFamily } from './relations.ts';
import { seedsFamily } from './seeds.ts';
import { viewsFamily } from './views.ts';
import { viewKeysFamily } from './view-keys.ts';

export type { RuleContext, RuleFamily } from './context.ts';

/** The pack's own families, in the order their problems are listed. */
export const PACK_RULE_FAMILIES: readonly RuleFamily[] = [
  identifiersFamily,
  namesFamily,
  fieldNamesFamily,
  labelsFamily,
  textsFamily,
  optionsFamily,
  defaultsFamily,
  relationsFamily,
  objectsFamily,
  iconsFamily,
  viewsFamily,
  viewKeysFamily,
  navigationFamily,
  seedsFamily,
];

export interface RulesOutcome {
  problems: PendingProblem[];
  /** What the families decoded, by family name (RuleContext.decoded). */
  decoded: ReadonlyMap<string, unknown>;
}

export function checkRules(pack: LinkedPack, families: readonly RuleFamily[]): RulesOutcome {
  const ctx: RuleContext = { pack, refs: pack.refs, decoded: new Map() };
  return { problems: families.flatMap((family) => family.check(ctx)), decoded: ctx.decoded };
}
