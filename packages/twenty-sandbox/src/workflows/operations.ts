// The dedicated workflow operations, with Twenty's rules. Steps: the creation,
// update and deletion services of workflow-builder/workflow-version-step/ @41d2425
// (draft versions only, getValidatedDraftWorkflowVersion → assertWorkflowVersionIsDraft,
// "Workflow version is not in draft status"). Trigger: updateWorkflowVersionTrigger
// (PR #23207). Drafts: WorkflowVersionWorkspaceService.createDraftFromWorkflowVersion
// (reuses the existing draft). Lifecycle: WorkflowTriggerWorkspaceService
// (activate archives the previously published version, publishes this one and
// creates its automated trigger; workflow-trigger.workspace-service.ts @9897af7),
// assertVersionCanBeActivated (workflow-trigger/utils/assert-version-can-be-activated.util.ts @81a4cc3)
// and the validation of PR #24964 (workflow-version-validation.workspace-service.ts).
import { forbiddenError, notFoundError, userInputError } from '../server/twenty-errors.ts';
import type { Workspace } from '../state/workspace.ts';
import { params } from './params.ts';
import { buildStep, type Step } from './step-defaults.ts';
import { diff, insertStep, removeStep, type Trigger } from './step-graph.ts';
import {
  getVersion,
  getWorkflow,
  insertRow,
  recomputeStatuses,
  replaceAutomatedTrigger,
  setVersion,
  touch,
  type VersionRow,
  versionsOf,
} from './store.ts';
import { BLOCKING_CODES, validateVersion } from './validation.ts';

export interface StepChanges {
  triggerDiff: unknown;
  stepsDiff: unknown;
}

function draftVersion(ws: Workspace, id: string): VersionRow {
  const version = getVersion(ws, id);
  if (version.status !== 'DRAFT')
    throw forbiddenError('Workflow version is not in draft status', { userFriendlyMessage: 'Workflow version is not in draft status' });
  return version;
}

const stepsOf = (v: VersionRow): Step[] => (v.steps ?? []) as Step[];
const triggerOf = (v: VersionRow): Trigger | null => (v.trigger ?? null) as Trigger | null;

function write(ws: Workspace, version: VersionRow, steps: Step[], trigger: Trigger | null): StepChanges {
  const changes = { triggerDiff: diff(triggerOf(version), trigger), stepsDiff: diff(stepsOf(version), steps) };
  params.assertStepsWritable(ws, steps);
  setVersion(ws, version, { steps, trigger });
  return changes;
}

/** The object a new record step starts on: the first active, non-system object (findFirstActiveObjectMetadata). */
function firstObjectName(ws: Workspace): string {
  for (const o of ws.objects.values()) if (o.isActive && !o.isSystem) return o.nameSingular;
  return '';
}

export function createStep(ws: Workspace, input: Record<string, unknown>): StepChanges {
  const version = draftVersion(ws, String(input.workflowVersionId));
  const id = typeof input.id === 'string' && input.id !== '' ? input.id : undefined;
  if (id && stepsOf(version).some((s) => s.id === id)) throw userInputError(`Step ${id} already exists`);
  const { step, extra } = buildStep(
    String(input.stepType),
    id,
    input.position as { x: number; y: number } | undefined,
    firstObjectName(ws),
  );
  const connection = input.parentStepConnectionOptions as Parameters<typeof insertStep>[5];
  const inserted = insertStep(
    stepsOf(version),
    triggerOf(version),
    step,
    typeof input.parentStepId === 'string' ? input.parentStepId : undefined,
    typeof input.nextStepId === 'string' ? input.nextStepId : undefined,
    connection,
  );
  return write(ws, version, [...inserted.steps, ...extra], inserted.trigger);
}

export function updateStep(ws: Workspace, input: Record<string, unknown>): Step {
  const version = draftVersion(ws, String(input.workflowVersionId));
  const step = input.step as Step;
  const existing = stepsOf(version).find((s) => s.id === step?.id);
  if (!existing) throw notFoundError('Step not found');
  params.assertStep(step);
  let updated: Step = step;
  let extra: Step[] = [];
  if (existing.type !== step.type) {
    // A new type starts from its defaults, keeping id, nextStepIds and position.
    const built = buildStep(step.type, existing.id, existing.position as { x: number; y: number } | undefined, firstObjectName(ws));
    updated = { ...built.step, nextStepIds: step.type === 'IF_ELSE' ? [] : ((existing.nextStepIds as string[] | undefined) ?? []) };
    extra = built.extra;
  }
  write(ws, version, [...stepsOf(version).map((s) => (s.id === step.id ? updated : s)), ...extra], triggerOf(version));
  return updated;
}

export function deleteStep(ws: Workspace, input: Record<string, unknown>): StepChanges {
  const version = draftVersion(ws, String(input.workflowVersionId));
  const stepId = String(input.stepId);
  if (stepId !== 'trigger' && !stepsOf(version).some((s) => s.id === stepId)) throw notFoundError('Step not found');
  const removed = removeStep(stepsOf(version), triggerOf(version), stepId);
  return write(ws, version, removed.steps, stepId === 'trigger' ? null : removed.trigger);
}

export function updateTrigger(ws: Workspace, input: Record<string, unknown>): { trigger: unknown } {
  const version = draftVersion(ws, String(input.workflowVersionId));
  params.assertTrigger(input.trigger);
  setVersion(ws, version, { trigger: input.trigger as Record<string, unknown> });
  return { trigger: version.trigger };
}

export function createDraft(ws: Workspace, input: Record<string, unknown>): VersionRow {
  const workflowId = String(input.workflowId);
  getWorkflow(ws, workflowId);
  const source = versionsOf(ws, workflowId).find((v) => v.id === input.workflowVersionIdToCopy);
  if (!source) throw notFoundError('WorkflowVersion to copy not found');
  // assert-workflow-version-trigger-is-defined / -has-steps
  if (!source.trigger) throw userInputError('Workflow version does not contain trigger');
  if (!source.steps || source.steps.length === 0) throw userInputError('Workflow version does not contain steps');
  let draft = versionsOf(ws, workflowId).find((v) => v.status === 'DRAFT');
  if (!draft) {
    const count = versionsOf(ws, workflowId).length;
    draft = insertRow(ws, 'workflowVersion', {
      workflowId,
      name: `v${count + 1}`,
      status: 'DRAFT',
      trigger: null,
      steps: null,
    }) as VersionRow;
  }
  setVersion(ws, draft, { trigger: structuredClone(source.trigger), steps: structuredClone(source.steps), status: 'DRAFT' });
  return draft;
}

function assertCanBeActivated(version: VersionRow, lastPublishedVersionId: string | null): void {
  const trigger = triggerOf(version);
  if (!trigger) throw userInputError('Workflow version does not contain trigger');
  if (!trigger.type) throw userInputError('No trigger type provided');
  if (stepsOf(version).length === 0) throw userInputError('No steps provided in workflow version');
  const settings = (trigger.settings ?? {}) as Record<string, unknown>;
  if (trigger.type === 'DATABASE_EVENT' && !settings.eventName) throw userInputError('No event name provided in database event trigger');
  if (trigger.type === 'CRON' && !settings.type) throw userInputError('No setting type provided in cron trigger');
  if (trigger.type === 'CRON' && settings.type === 'CUSTOM' && !settings.pattern)
    throw userInputError('No pattern provided in CUSTOM cron trigger');
  for (const step of stepsOf(version)) {
    if (step.type !== 'FORM') continue;
    const fields = (step.settings.input ?? []) as Array<{ name?: string; label?: string; type?: string }>;
    if (new Set(fields.map((f) => f.name)).size !== fields.length) throw userInputError('Form action fields must have unique names');
    if (fields.some((f) => !f.label || !f.type)) throw userInputError('Form action fields must have a defined label and type');
  }
  const isDraft = version.status === 'DRAFT';
  const isLastPublishedDeactivated = version.status === 'DEACTIVATED' && lastPublishedVersionId === version.id;
  if (!isDraft && !isLastPublishedDeactivated) throw userInputError('Cannot activate non-draft or non-last-published version');
}

export function activate(ws: Workspace, versionId: string): boolean {
  const version = getVersion(ws, versionId);
  const workflow = getWorkflow(ws, version.workflowId);
  assertCanBeActivated(version, workflow.lastPublishedVersionId);
  const issues = validateVersion(ws, triggerOf(version), stepsOf(version)).filter((i) => BLOCKING_CODES.has(i.code));
  if (issues.length > 0) {
    throw userInputError(`Workflow version cannot be activated: ${issues.map((i) => `[${i.code}] ${i.message}`).join('; ')}`, {
      subCode: 'NON_ACTIVABLE_WORKFLOW_VERSION',
      userFriendlyMessage: 'This workflow version cannot be activated.',
      issues,
    });
  }
  const previousId = workflow.lastPublishedVersionId;
  if (previousId && previousId !== version.id) {
    const previous = versionsOf(ws, workflow.id).find((v) => v.id === previousId);
    if (previous) setVersion(ws, previous, { status: 'ARCHIVED' });
  }
  touch(ws, 'workflow', workflow, { lastPublishedVersionId: version.id });
  setVersion(ws, version, { status: 'ACTIVE' });
  replaceAutomatedTrigger(ws, workflow.id, triggerOf(version));
  recomputeStatuses(ws, workflow.id);
  return true;
}

export function deactivate(ws: Workspace, versionId: string): boolean {
  const version = getVersion(ws, versionId);
  // workflow-trigger.workspace-service.ts: only an active version can be deactivated
  if (version.status !== 'ACTIVE') throw userInputError('Cannot disable non-active workflow version');
  setVersion(ws, version, { status: 'DEACTIVATED' });
  replaceAutomatedTrigger(ws, version.workflowId, null);
  return true;
}
