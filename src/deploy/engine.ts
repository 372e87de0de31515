// The straight path of a deploy: check the server, read the workspace once, build
// the desired state, diff, and (for deploy) apply.
import type { PendingProblem, ValidPack } from '../pack/index.ts';
import { type TwentyClient, checkServer, unsupportedServerError, type ServerCapabilities, TwentyError } from '../twenty/index.ts';
import { addWorkflowsToPlan } from './workflows/phase.ts';
import { addRolesToPlan } from './roles-plan.ts';
import { countRemovals } from './apply-prune.ts';
import { buildDesired } from './desired.ts';
import { diff } from './diff.ts';
import { idDeriver } from './ids.ts';
import type { Plan } from './plan.ts';
import { readObjects, readTranslations, readViews } from './read-actual.ts';
import { readWorkspaceMetadata } from './read-combined.ts';
import { readSeeds } from './seed/read.ts';
import type { ActualState, DesiredState } from './state.ts';

export interface PlanOptions {
  locale?: string;
  prune?: boolean;
  includeDemoSeeds?: boolean;
}

export interface Prepared {
  plan: Plan;
  desired: DesiredState;
  actual: ActualState;
  caps: ServerCapabilities;
  /** Pack references deploy could not resolve (validation should have caught them). */
  problems: PendingProblem[];
}

/** The object every Twenty workspace has; its id anchors the deterministic ids of this workspace. */
export const ANCHOR_OBJECT = 'company';

/** Read the workspace and make the plan. Throws TwentyError on network, auth or server problems. */
export async function preparePlan(client: TwentyClient, pack: ValidPack, options: PlanOptions = {}): Promise<Prepared> {
  // Server check, objects, views and roles in one request; one by one only if the server refuses that.
  const combined = await readWorkspaceMetadata(client, { withRoles: pack.roles.length > 0 });
  const caps = combined?.caps ?? (await checkServer(client));
  if (!caps.ok) throw unsupportedServerError(caps, client.url);
  const objects = combined?.objects ?? (await readObjects(client));
  const anchor = objects.find((o) => o.nameSingular === ANCHOR_OBJECT);
  if (!anchor) {
    throw new TwentyError({
      kind: 'unsupported-server',
      operation: 'read the workspace',
      message: `the workspace has no ${ANCHOR_OBJECT} object; bankpack expects a standard Twenty workspace`,
    });
  }
  const ids = idDeriver(anchor.id);
  const { state: desired, problems } = buildDesired(pack, {
    ids,
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.includeDemoSeeds ? { includeDemoSeeds: true } : {}),
  });

  const locales = [...new Set([...desired.objects, ...desired.fields].flatMap((e) => Object.keys(e.translations)))].sort();
  // Labels in each other locale (x-locale: one request each) and every seeded object's records (one request).
  const [views, records] = await Promise.all([
    combined ? Promise.resolve(combined.views) : readViews(client),
    readSeeds(client, desired.seeds, objects),
    ...locales.map((l) => readTranslations(client, objects, l)),
  ]);
  const actual: ActualState = { objects, views, records, locales };
  const plan = diff(desired, actual, { url: client.url, prune: options.prune === true });
  if (plan.prune) await countRemovals(client, plan, caps);
  await addWorkflowsToPlan(plan, { client, pack, ids, objects });
  await addRolesToPlan(plan, { client, pack, ids, objects, roles: combined?.roles });
  return { plan, desired, actual, caps, problems };
}
