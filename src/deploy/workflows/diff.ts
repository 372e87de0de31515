// Desired × actual for workflows → what deploy does with each one. Pure.
// A workflow is found again by its id, derived from the file's universalIdentifier
// under the workspace's namespace (never by name, which admins may change and which
// Twenty does not keep unique). It is unchanged when its active version hashes like
// the compiled definition; otherwise the changes go into a draft that replaces the
// active version on activation, the old one kept as ARCHIVED history (workflows.md §7).
import { type CompiledStep, type CompiledWorkflow, comparable, definitionHash } from '../../workflows/index.ts';
import type { ActualVersion, ActualWorkflow } from './read.ts';

export type WorkflowOp =
  /** createWorkflow → its DRAFT v1 → build → activate. */
  | { kind: 'create'; workflowId: string; compiled: CompiledWorkflow }
  /** Build the compiled definition into a draft (the existing one, or a copy of the active version), then activate it. */
  | { kind: 'new-version'; workflowId: string; compiled: CompiledWorkflow; fromVersionId: string; draft?: ActualVersion; rename?: string }
  /** The published version is the right one but was deactivated: activate it again (API keys may). */
  | { kind: 'reactivate'; workflowId: string; versionId: string; compiled: CompiledWorkflow; rename?: string }
  /** Only the workflow's name differs. */
  | { kind: 'rename'; workflowId: string; compiled: CompiledWorkflow; rename: string };

export interface WorkflowChange {
  action: 'create' | 'update' | 'conflict';
  title: string;
  diffs?: Array<{ property: string; from: unknown; to: unknown }>;
  notes?: string[];
  reason?: string;
  options?: string[];
  file: string;
  op?: WorkflowOp;
}

export interface WorkflowPlan {
  changes: WorkflowChange[];
  unchanged: number;
}

/** Whether an operation edits steps or triggers: Twenty lets only a user do that (workflows.md §2.2). */
export function needsUserToken(op: WorkflowOp): boolean {
  return op.kind === 'create' || op.kind === 'new-version';
}

export function planWorkflowChanges(
  desired: ReadonlyArray<{ workflowId: string; compiled: CompiledWorkflow }>,
  actual: readonly ActualWorkflow[],
): WorkflowPlan {
  const byId = new Map(actual.map((w) => [w.id, w]));
  const changes: WorkflowChange[] = [];
  let unchanged = 0;
  for (const { workflowId, compiled } of desired) {
    const title = `workflow "${compiled.name}"`;
    const live = byId.get(workflowId);
    if (!live) {
      changes.push({
        action: 'create',
        title,
        file: compiled.file,
        notes: [`${describeTrigger(compiled)}; ${compiled.steps.length} step${compiled.steps.length === 1 ? '' : 's'}, activated`],
        op: { kind: 'create', workflowId, compiled },
      });
      continue;
    }
    if (live.deletedAt) {
      changes.push({
        action: 'conflict',
        title,
        file: compiled.file,
        reason: 'the workflow is in Twenty’s trash (deleted in the UI); deploy will not create a second one with the same identity',
        options: [
          'restore it from the trash in Twenty, then deploy again',
          'or remove it for good there (destroy), and deploy creates it afresh',
        ],
      });
      continue;
    }
    const rename = live.name !== compiled.name ? compiled.name : undefined;
    const nameDiff = rename ? [{ property: 'name', from: live.name, to: compiled.name }] : [];
    const published = live.versions.find((v) => v.id === live.lastPublishedVersionId);
    const draft = live.versions.find((v) => v.status === 'DRAFT');
    const publishedHash = published?.trigger ? definitionHash(published.trigger, published.steps ?? []) : undefined;

    if (published && publishedHash === compiled.hash) {
      if (published.status === 'ACTIVE') {
        if (rename)
          changes.push({
            action: 'update',
            title,
            file: compiled.file,
            diffs: nameDiff,
            op: { kind: 'rename', workflowId, compiled, rename },
          });
        else unchanged++;
      } else {
        changes.push({
          action: 'update',
          title,
          file: compiled.file,
          diffs: [...nameDiff, { property: 'status', from: published.status, to: 'ACTIVE' }],
          notes: ['it was deactivated in Twenty; the pack defines it active'],
          op: { kind: 'reactivate', workflowId, versionId: published.id, compiled, ...(rename ? { rename } : {}) },
        });
      }
      continue;
    }
    const base = draft ?? published;
    const stepDiffs = describeStepChanges(published, compiled);
    changes.push({
      action: published ? 'update' : 'create',
      title,
      file: compiled.file,
      diffs: [...nameDiff, ...stepDiffs],
      notes: [
        published
          ? `a new version${draft ? ` (the draft ${draft.name})` : ''} replaces the active ${published.name}, which Twenty keeps as history`
          : `finishes the draft${draft ? ` ${draft.name}` : ''} left by an earlier run and activates it`,
      ],
      op: base
        ? { kind: 'new-version', workflowId, compiled, fromVersionId: base.id, ...(draft ? { draft } : {}), ...(rename ? { rename } : {}) }
        : { kind: 'create', workflowId, compiled },
    });
  }
  return { changes, unchanged };
}

function describeTrigger(c: CompiledWorkflow): string {
  const s = c.trigger.settings;
  switch (c.trigger.type) {
    case 'DATABASE_EVENT':
      return `on ${String(s.eventName)}${Array.isArray(s.fields) ? ` (${s.fields.join(', ')})` : ''}`;
    case 'CRON':
      return `on a schedule (${s.type === 'CUSTOM' ? String(s.pattern) : String(s.type)})`;
    case 'MANUAL':
      return 'run by hand';
    case 'WEBHOOK':
      return `on a webhook (${String(s.httpMethod)})`;
  }
}

/** Steps added, removed and changed, by their names, for the plan. */
function describeStepChanges(
  published: ActualVersion | undefined,
  compiled: CompiledWorkflow,
): Array<{ property: string; from: unknown; to: unknown }> {
  if (!published) return [];
  const before = new Map((published.steps ?? []).map((s) => [String(s.id), s]));
  const after = new Map(compiled.steps.map((s) => [s.id, s]));
  const out: Array<{ property: string; from: unknown; to: unknown }> = [];
  if (comparable(published.trigger) !== comparable(compiled.trigger))
    out.push({ property: 'trigger', from: published.trigger?.name ?? null, to: `${compiled.trigger.name} (changed)` });
  for (const [id, s] of after) {
    const old = before.get(id);
    if (!old) out.push({ property: `step "${s.name}"`, from: null, to: s.type });
    else if (comparable(old) !== comparable(s)) out.push({ property: `step "${s.name}"`, from: 'before', to: 'changed' });
  }
  for (const [id, s] of before) if (!after.has(id)) out.push({ property: `step "${String(s.name)}"`, from: String(s.type), to: 'removed' });
  return out;
}

/** Steps that differ in more than layout, for apply: what to create, update and delete in a draft. */
export function draftEdits(
  current: { trigger: Record<string, unknown> | null; steps: Array<Record<string, unknown>> | null },
  compiled: CompiledWorkflow,
): {
  remove: string[];
  create: CompiledStep[];
  update: CompiledStep[];
  trigger: boolean;
} {
  const existing = new Map((current.steps ?? []).map((s) => [String(s.id), s]));
  const wanted = new Set(compiled.steps.map((s) => s.id));
  const remove = [...existing.values()]
    .filter((s) => !wanted.has(String(s.id)) || compiled.steps.find((c) => c.id === s.id)?.type !== s.type)
    .map((s) => String(s.id));
  const create = compiled.steps.filter((s) => !existing.has(s.id) || remove.includes(s.id));
  const update = compiled.steps.filter((s) => {
    const old = existing.get(s.id);
    return (
      !old ||
      remove.includes(s.id) ||
      comparable(old) !== comparable(s) ||
      JSON.stringify(old.position ?? null) !== JSON.stringify(s.position)
    );
  });
  const trigger =
    !current.trigger ||
    comparable(current.trigger) !== comparable(compiled.trigger) ||
    JSON.stringify(current.trigger.position ?? null) !== JSON.stringify(compiled.trigger.position);
  return { remove, create, update, trigger };
}
