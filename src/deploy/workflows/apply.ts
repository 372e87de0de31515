// Carrying out one workflow operation. The builder mutations (steps, trigger,
// drafts) run with a user token: Twenty refuses them to API keys in most versions
// (#21714); workflow records and activation take the API key. Inside a draft every
// edit is computed from what the draft holds now, so an interrupted run resumes:
// create the missing steps (client ids, no parent: the final edges come with the
// updates) → update every step that differs → delete the steps the pack no longer
// has and the EMPTY placeholders Twenty adds to a new IF_ELSE / ITERATOR (only once
// nothing points at them) → set the trigger (last, so it never names a step that
// does not exist yet) → activate.
import { type TwentyClient, isTwentyError } from '../../twenty/index.ts';
import {
  type CompiledWorkflow,
  definitionHash,
  fieldIdLookup,
  type FieldIdLookup,
  fillFieldIds,
  unresolvedFields,
} from '../../workflows/index.ts';
import { type ActualVersion, readConnectedAccountId, readWorkflow } from './read.ts';
import { draftEdits, type WorkflowOp } from './diff.ts';
import * as gql from './mutations.ts';
import { readObjects } from '../read-actual.ts';

export interface WorkflowApplyContext {
  /** The API-key client: workflow records and activation. */
  client: TwentyClient;
  /** A user-session client for the builder mutations. */
  userClient: TwentyClient;
  report?: (line: string) => void;
  /** The handle (address) of the connected account email steps send from; default the user's first. */
  emailFrom?: string;
  /** Filled on first use: the connected account of this deploy ('' when there is none). */
  connectedAccount?: Promise<string>;
  /** Filled on first use: the workspace's field ids, read after this deploy created its fields. */
  fieldIds?: Promise<FieldIdLookup>;
}

const ATTEMPTS = 3;

export async function applyWorkflowOp(ctx: WorkflowApplyContext, op: WorkflowOp): Promise<void> {
  switch (op.kind) {
    case 'rename':
      return rename(ctx, op.workflowId, op.rename);
    case 'reactivate':
      if (op.rename) await rename(ctx, op.workflowId, op.rename);
      return activate(ctx, op.compiled.name, op.versionId);
    case 'create':
    case 'new-version':
      return withResume(ctx, op, (attempt) => buildAndActivate(ctx, op, attempt));
  }
}

/** A lost answer leaves the workspace unknown: read it again and carry on from there. */
async function withResume(ctx: WorkflowApplyContext, op: WorkflowOp, run: (attempt: number) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(attempt);
    } catch (e) {
      if (!isTwentyError(e) || e.kind !== 'outcome-unknown' || attempt >= ATTEMPTS) throw e;
      ctx.report?.(
        `    … the answer to a write of workflow "${op.compiled.name}" was lost (attempt ${attempt}); reading it again to carry on`,
      );
    }
  }
}

async function buildAndActivate(
  ctx: WorkflowApplyContext,
  op: Extract<WorkflowOp, { kind: 'create' | 'new-version' }>,
  attempt: number,
): Promise<void> {
  const compiled = await withFieldIds(ctx, await withConnectedAccount(ctx, op.compiled));
  // A workflow the plan did not find is created at once; after a lost answer, look first.
  let live = op.kind === 'create' && attempt === 1 ? undefined : await readWorkflow(ctx.client, op.workflowId);
  if (!live) {
    await gql.createWorkflow(ctx.client, op.workflowId, compiled.name);
    live = await readWorkflow(ctx.client, op.workflowId);
    if (!live) throw new Error(`workflow "${compiled.name}" was created but cannot be read back`);
  } else if (live.name !== compiled.name) {
    await rename(ctx, op.workflowId, compiled.name);
  }
  const published = live.versions.find((v) => v.id === live.lastPublishedVersionId);
  // Already done (an activation whose answer was lost): nothing more to write.
  if (published?.status === 'ACTIVE' && published.trigger && definitionHash(published.trigger, published.steps ?? []) === compiled.hash)
    return;
  // The version to build into: a draft (v1 of a new workflow, or one left by an earlier run), or a new copy of the published one.
  let draft = live.versions.find((v) => v.status === 'DRAFT');
  if (!draft) {
    if (!published) throw new Error(`workflow "${compiled.name}" has neither a draft nor a published version to start from`);
    draft = await gql.createDraftFromVersion(ctx.userClient, op.workflowId, published.id);
  }
  await buildDraft(ctx, draft, compiled);
  await gql.activateVersion(ctx.client, draft.id, compiled.name);
}

async function buildDraft(ctx: WorkflowApplyContext, draft: ActualVersion, compiled: CompiledWorkflow): Promise<void> {
  const edits = draftEdits(draft, compiled);
  const versionId = draft.id;
  const wanted = new Set(compiled.steps.map((s) => s.id));
  // A step whose type changes is removed and created again under the same id.
  for (const id of edits.remove.filter((id) => wanted.has(id))) await gql.deleteStep(ctx.userClient, versionId, id, compiled.name);
  const placeholders: string[] = [];
  for (const step of edits.create)
    placeholders.push(...(await gql.createStep(ctx.userClient, versionId, step)).filter((id) => !wanted.has(id)));
  for (const step of edits.update) await gql.updateStep(ctx.userClient, versionId, step);
  // Only now is nothing of the pack's wired to them: Twenty refills an IF_ELSE branch left empty by a deletion.
  for (const id of [...edits.remove.filter((id) => !wanted.has(id)), ...placeholders])
    await gql.deleteStep(ctx.userClient, versionId, id, compiled.name);
  if (edits.trigger) await gql.updateTrigger(ctx.userClient, versionId, compiled.trigger, compiled.name);
}

/** Email steps without an account get the user's connected account, read once per deploy. */
async function withConnectedAccount(ctx: WorkflowApplyContext, compiled: CompiledWorkflow): Promise<CompiledWorkflow> {
  const missing = compiled.steps.some(
    (s) => s.type === 'SEND_EMAIL' && (s.settings.input as { connectedAccountId?: string }).connectedAccountId === '',
  );
  if (!missing) return compiled;
  ctx.connectedAccount ??= readConnectedAccountId(ctx.userClient, ctx.emailFrom).then((id) => {
    if (!id)
      ctx.report?.(
        '    · no connected email account: email steps are deployed without one; connect an account in Settings → Accounts and deploy again',
      );
    return id ?? '';
  });
  const account = await ctx.connectedAccount;
  if (account === '') return compiled;
  const steps = compiled.steps.map((s) =>
    s.type === 'SEND_EMAIL'
      ? { ...s, settings: { ...s.settings, input: { ...(s.settings.input as Record<string, unknown>), connectedAccountId: account } } }
      : s,
  );
  return { ...compiled, steps, hash: definitionHash(compiled.trigger, steps) };
}

/**
 * FIND_RECORDS filters on fields this deploy created: their ids, read once per deploy
 * (the workflows go after the metadata). A field still missing stops the workflow here:
 * written with a placeholder id, Twenty would fail the step on every run.
 */
async function withFieldIds(ctx: WorkflowApplyContext, compiled: CompiledWorkflow): Promise<CompiledWorkflow> {
  if (unresolvedFields(compiled.steps).length === 0) return compiled;
  ctx.fieldIds ??= readObjects(ctx.client).then(fieldIdLookup);
  const steps = fillFieldIds(compiled.steps, await ctx.fieldIds);
  const missing = unresolvedFields(steps);
  if (missing.length > 0) {
    throw new Error(
      `${compiled.file}: workflow "${compiled.name}" filters on ${missing.join(', ')}, which the workspace does not have; ` +
        'check the field exists in the pack (objects/, fields/) and deploy again',
    );
  }
  return { ...compiled, steps, hash: definitionHash(compiled.trigger, steps) };
}

async function rename(ctx: WorkflowApplyContext, workflowId: string, name: string): Promise<void> {
  await gql.renameWorkflow(ctx.client, workflowId, name);
}

async function activate(ctx: WorkflowApplyContext, name: string, versionId: string): Promise<void> {
  await gql.activateVersion(ctx.client, versionId, name);
}
