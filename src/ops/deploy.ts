// The deploy op: a plan (made now, or a saved one after checking that the workspace
// has not moved since), refused on conflicts, confirmed by the caller, then applied.
import { resolve } from 'node:path';
import { applyPlan, hasChanges, countPlan, type ActualState, type ApplyReport, type Plan } from '../deploy/index.ts';
import { loadFiles } from '../pack/index.ts';
import { restoreCapabilities, type ServerCapabilities } from '../twenty/index.ts';
import { whatMoved } from './fingerprint.ts';
import { plan, packFingerprint, type PlanInput } from './plan.ts';
import { readSavedPlan, type SavedPlan } from './saved-plan.ts';
import { failure, silent, workspaceFailure, type OpFailure } from './types.ts';

export type Confirmation = 'yes' | 'no' | 'cannot-ask';

export interface DeployInput extends Omit<PlanInput, 'out'> {
  /** Apply this saved plan (`plan --out`) instead of planning afresh; the plan options then come from it. */
  planFile?: string;
  /** With --prune: remove even what holds records. */
  allowDataLoss?: boolean;
  /** Ctrl-C: no new step starts once aborted. */
  signal?: AbortSignal;
  /** Called once the plan is known, before anything is written (the CLI prints it). */
  onPlan?: (plan: Plan) => void;
  /** Asked before writing, when there is something to write; absent: go ahead. */
  confirm?: (plan: Plan) => Promise<Confirmation>;
}

export interface Deployed {
  ok: true;
  plan: Plan;
  /** Absent when there was nothing to do. */
  report?: ApplyReport;
}

/** A refusal or a failure; `plan` once it was known, `report` once apply ran. */
export type DeployFailure = OpFailure & { plan?: Plan; report?: ApplyReport };

export async function deploy(input: DeployInput): Promise<Deployed | DeployFailure> {
  const progress = input.onProgress ?? silent;
  const ready = input.planFile ? await savedPlanStillTrue(input.planFile, input) : await planNow(input);
  if (!ready.ok) return ready;
  const { plan: thePlan, actual, caps } = ready;
  input.onPlan?.(thePlan);
  const counts = countPlan(thePlan);
  if (counts.conflict > 0)
    return {
      ...failure('conflicts', `${counts.conflict} conflict(s) need a decision first (see "!" above); nothing was changed`),
      plan: thePlan,
    };
  if (!hasChanges(thePlan)) return { ok: true, plan: thePlan };
  const answer = input.confirm ? await input.confirm(thePlan) : 'yes';
  if (answer === 'cannot-ask')
    return { ...failure('cannot-confirm', 'not on a terminal, so nobody can confirm: pass --yes to deploy this plan'), plan: thePlan };
  if (answer === 'no') return { ...failure('not-confirmed', 'Cancelled: nothing was changed.'), plan: thePlan };

  const { client, userClient } = input.workspace;
  progress(`Deploying to ${thePlan.url}…`);
  const report = await applyPlan(client, thePlan, actual, caps, {
    allowDataLoss: input.allowDataLoss === true,
    report: progress,
    ...(input.signal ? { signal: input.signal } : {}),
    ...(userClient ? { userClient } : {}),
  });
  if (!report.ok) return { ...failure('apply', report.failure?.message ?? 'interrupted'), plan: thePlan, report };
  return { ok: true, plan: thePlan, report };
}

type Ready = { ok: true; plan: Plan; actual: ActualState; caps: Pick<ServerCapabilities, 'has'> } | OpFailure;

async function planNow(input: DeployInput): Promise<Ready> {
  const made = await plan(input);
  if (!made.ok) return made;
  return { ok: true, plan: made.plan, actual: made.prepared.actual, caps: made.prepared.caps };
}

/** A saved plan, if it is intact, made for this workspace, and the workspace has not moved since. */
async function savedPlanStillTrue(file: string, input: DeployInput): Promise<Ready> {
  const progress = input.onProgress ?? silent;
  const parsed = await readSavedPlan(file);
  if (!parsed.ok) return failure('bad-plan-file', `${file} cannot be applied: ${parsed.problem}`);
  const { saved } = parsed;
  const { client } = input.workspace;
  if (saved.workspace.url !== client.url) {
    return failure(
      'other-workspace',
      `${file} was made for ${saved.workspace.url}, and this connection is ${client.url}; nothing was changed (run \`bankpack plan --out FILE\` against this workspace)`,
    );
  }
  progress(`Checking that ${client.url} has not changed since the plan was made (${saved.createdAt})…`);
  let moved: string[];
  try {
    moved = await whatMoved(client, saved.workspace, new Map(saved.actual.objects.map((o) => [o.id, o.nameSingular])));
  } catch (e) {
    return workspaceFailure(e);
  }
  if (moved.length > 0) {
    const shown = moved.slice(0, 10);
    return failure(
      'stale-plan',
      `the workspace has changed since the plan in ${file} was made (${saved.createdAt}): ${moved.length} difference(s); nothing was changed. Run plan again: \`bankpack plan --out ${file}\`, review it, then \`bankpack deploy --plan ${file}\``,
      [...shown.map((m) => `  moved: ${m}`), ...(moved.length > shown.length ? [`  … and ${moved.length - shown.length} more`] : [])],
    );
  }
  const note = await packNote(input.dir, saved);
  if (note) progress(note);
  return { ok: true, plan: saved.plan, actual: saved.actual, caps: restoreCapabilities(saved.capabilities) };
}

/** A saved plan is applied as it was made; say so when the pack has changed since. */
async function packNote(dir: string, saved: SavedPlan): Promise<string | undefined> {
  const { files } = await loadFiles(resolve(dir));
  if (files.length === 0 || packFingerprint(files) === saved.pack.fingerprint) return undefined;
  return `Note: the pack in ${dir} has changed since the plan was made; the saved plan is applied as it was made (run \`bankpack plan\` again to include the changes).`;
}
