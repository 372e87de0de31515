// apply: the only place that writes. In dependency order: objects, fields, relations
// (both sides present), labels and translations, views, seed records, and removals
// with --prune (roles, views, fields, objects). A step that fails stops the run;
// running again finishes the job, because the next plan is made from what the
// workspace then holds.
import { progressTicker } from './progress.ts';
import { type TwentyClient, type ServerCapabilities, isTwentyError, type RequestCounts } from '../twenty/index.ts';
import { titleOf, type ApplyContext } from './apply-context.ts';
import { createField, createObject, createRelation, updateField, updateObjects } from './apply-metadata.ts';
import { removeField, removeObject, removeView } from './apply-prune.ts';
import { recordTargets, upsertRecords } from './apply-records.ts';
import { seedLayers } from './seed/layers.ts';
import { applyRoleOp } from './roles-apply.ts';
import { removeRole } from './roles-prune.ts';
import { createView, runAll, updateView } from './apply-views.ts';
import { workflowPhase } from './workflows/phase.ts';
import { Live } from './live.ts';
import type { Change, Op, Plan } from './plan.ts';
import type { ActualState } from './state.ts';

export interface ApplyOptions {
  allowDataLoss?: boolean;
  /** Progress lines (stderr in the CLI). */
  report?: (line: string) => void;
  /** Ctrl-C: no new step starts once it is aborted. */
  signal?: AbortSignal;
  /** A user-session client: Twenty lets only a user edit workflow steps (src/workflows/user-token.ts). */
  userClient?: TwentyClient;
}

export interface ApplyReport {
  ok: boolean;
  /** Changes applied, of `total`. */
  done: number;
  total: number;
  interrupted?: boolean;
  /** What failed, in the admin's words. */
  failure?: { change: string; message: string; hint?: string };
  requests: RequestCounts;
  /** Workflow changes not applied for want of a user token, and why. */
  skipped?: { changes: string[]; reason: string };
  ms: number;
}

type Step = { change: Change; run: () => Promise<void> };

export async function applyPlan(
  client: TwentyClient,
  plan: Plan,
  actual: ActualState,
  caps: Pick<ServerCapabilities, 'has'>,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  const started = Date.now();
  const report = options.report ?? (() => undefined);
  const ctx: ApplyContext = { client, live: new Live(actual), caps, report, followUps: { objects: [], fields: [] } };
  const changes = plan.changes.filter((c): c is Change & { apply: Op } => c.apply !== undefined);
  const total = changes.length;
  let done = 0;
  const finish = (extra: Partial<ApplyReport> = {}): ApplyReport => ({
    ok: !extra.failure && !extra.interrupted,
    done,
    total,
    requests: client.counter.snapshot(),
    ms: Date.now() - started,
    ...extra,
  });

  const losing = changes.filter((c) => c.apply.op.startsWith('remove') && (c.records ?? 0) > 0);
  if (losing.length > 0 && !options.allowDataLoss) {
    return finish({
      failure: {
        change: losing.map(titleOf).join('; '),
        message: `--prune would drop data: ${losing.map(describeLoss).join(', ')}; nothing was changed`,
        hint: 'add --allow-data-loss to remove them anyway, or keep them in the pack (`bankpack pull`)',
      },
    });
  }

  const step = (change: Change & { apply: Op }, run: (op: Op) => Promise<void>): Step => ({
    change,
    run: async () => {
      try {
        await run(change.apply);
      } catch (e) {
        throw new StepFailure(change, e);
      }
      done++;
      report(`  [${done}/${total}] ${signFor(change)} ${titleOf(change)}`);
    },
  });
  const of = (...ops: Op['op'][]): Array<Change & { apply: Op }> => changes.filter((c) => ops.includes(c.apply.op));
  const isDdl = (c: Change & { apply: Op }): boolean => c.apply.op !== 'updateField' || c.apply.ddl;

  // Object updates go into the batched object step; a built-in field's setup is a plain field update.
  const objectUpdates = of('updateObject');
  const workflows = workflowPhase(client, of('workflow'), { ...(options.userClient ? { userClient: options.userClient } : {}), report });
  // Layered: steps side by side within a layer, a step after those whose objects it points at.
  const phases: Array<{
    name: string;
    steps: Step[];
    concurrent: boolean;
    layers?: (steps: Step[]) => Step[][];
    after?: () => Promise<void>;
  }> = [
    {
      name: 'objects',
      concurrent: false,
      steps: of('createObject').map((c) => step(c, (op) => createObject(ctx, op as Extract<Op, { op: 'createObject' }>))),
    },
    {
      name: 'fields',
      concurrent: false,
      steps: [
        ...of('createField').map((c) => step(c, (op) => createField(ctx, op as Extract<Op, { op: 'createField' }>))),
        ...of('updateField')
          .filter(isDdl)
          .map((c) => step(c, (op) => updateField(ctx, op as Extract<Op, { op: 'updateField' }>))),
      ],
    },
    {
      name: 'relations',
      concurrent: false,
      steps: of('createRelation').map((c) => step(c, (op) => createRelation(ctx, op as Extract<Op, { op: 'createRelation' }>))),
    },
    {
      name: 'labels',
      concurrent: true,
      steps: of('updateField')
        .filter((c) => !isDdl(c))
        .map((c) => step(c, (op) => updateField(ctx, op as Extract<Op, { op: 'updateField' }>))),
      after: () =>
        labelsFollowUps(ctx, objectUpdates, () => {
          for (const c of objectUpdates) {
            done++;
            report(`  [${done}/${total}] ${signFor(c)} ${titleOf(c)}`);
          }
        }),
    },
    {
      name: 'views',
      concurrent: true,
      steps: [
        ...of('createView').map((c) => step(c, (op) => createView(ctx, op as Extract<Op, { op: 'createView' }>))),
        ...of('updateView').map((c) => step(c, (op) => updateView(ctx, op as Extract<Op, { op: 'updateView' }>))),
      ],
    },
    {
      name: 'records',
      concurrent: true,
      steps: of('upsertRecords').map((c) => step(c, (op) => upsertRecords(ctx, op as Extract<Op, { op: 'upsertRecords' }>))),
      // Relation values need their targets written first; which objects they point at is known once the relations exist.
      layers: (steps) =>
        seedLayers(
          steps.map((s) => {
            const op = s.change.apply as Extract<Op, { op: 'upsertRecords' }>;
            return { item: s, object: op.seed.object, targets: recordTargets(ctx, op) };
          }),
        ),
    },
    { name: 'workflows', concurrent: false, steps: workflows.run.map((c) => step(c, workflows.apply)) },
    {
      name: 'roles',
      concurrent: false,
      steps: of('role').map((c) => step(c, (op) => (op.op === 'role' ? applyRoleOp(client, op.role, report) : Promise.resolve()))),
    },
    {
      name: 'removals',
      concurrent: false,
      steps: [
        ...of('removeRole').map((c) => step(c, (op) => removeRole(client, op as Extract<Op, { op: 'removeRole' }>))),
        ...of('removeView').map((c) => step(c, (op) => removeView(ctx, op as Extract<Op, { op: 'removeView' }>))),
        ...of('removeField').map((c) => step(c, (op) => removeField(ctx, op as Extract<Op, { op: 'removeField' }>))),
        ...of('removeObject').map((c) => step(c, (op) => removeObject(ctx, op as Extract<Op, { op: 'removeObject' }>))),
      ],
    },
  ];

  let current: Change | undefined;
  try {
    for (const phase of phases) {
      if (phase.concurrent) {
        for (const layer of phase.layers?.(phase.steps) ?? [phase.steps]) {
          if (options.signal?.aborted) return finish({ interrupted: true });
          await runAll(
            ctx,
            layer.map((s) => async () => {
              if (options.signal?.aborted) return;
              current = s.change;
              await s.run();
            }),
          );
        }
      } else {
        for (const s of phase.steps) {
          if (options.signal?.aborted) return finish({ interrupted: true });
          current = s.change;
          await s.run();
        }
      }
      if (options.signal?.aborted) return finish({ interrupted: true });
      await phase.after?.();
    }
  } catch (thrown) {
    // With steps running side by side, the failure names its own step, not the last one started.
    const failed = thrown instanceof StepFailure ? thrown.change : current;
    const e = thrown instanceof StepFailure ? thrown.cause : thrown;
    const message = isTwentyError(e) ? e.describe() : e instanceof Error ? e.message : String(e);
    const hint = isTwentyError(e) ? e.hint : undefined;
    return finish({ failure: { change: failed ? titleOf(failed) : 'deploy', message, ...(hint ? { hint } : {}) } });
  }
  return finish(workflows.skipped ? { skipped: workflows.skipped } : {});
}

class StepFailure extends Error {
  constructor(
    readonly change: Change,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** Translations and labels queued by the creates, plus the plan's object updates. */
async function labelsFollowUps(ctx: ApplyContext, objectUpdates: Array<Change & { apply: Op }>, onObjectsDone: () => void): Promise<void> {
  const tick = progressTicker(ctx.report, 'field labels and translations', ctx.followUps.fields.length);
  await runAll(
    ctx,
    ctx.followUps.fields.map((f) => async () => {
      await updateField(ctx, { op: 'updateField', objectName: f.objectName, fieldName: f.fieldName, update: f.update, ddl: false });
      tick();
    }),
  );
  const items = [
    ...ctx.followUps.objects,
    ...objectUpdates.map((c) => {
      const op = c.apply as Extract<Op, { op: 'updateObject' }>;
      return {
        objectName: op.objectName,
        update: op.update,
        title: c.title,
        ...(op.labelIdentifierFieldName ? { labelIdentifierFieldName: op.labelIdentifierFieldName } : {}),
      };
    }),
  ];
  await updateObjects(ctx, items);
  onObjectsDone();
}

/** `object prospect (12 records)`, `field prospect.stage (values in up to 12 records)`. */
export function describeLoss(c: Change): string {
  const n = c.records ?? 0;
  const records = `${n} record${n === 1 ? '' : 's'}`;
  if (c.apply?.op === 'removeField') return `field ${c.object}.${c.apply.fieldName} (values in up to ${records})`;
  return `${c.kind} ${c.object} (${records})`;
}

function signFor(c: Change): string {
  if (c.apply?.op.startsWith('remove')) return '-';
  return c.action === 'create' ? '+' : '~';
}
