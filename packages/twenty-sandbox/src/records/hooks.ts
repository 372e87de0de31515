// Per-object behaviour layered on the generic record API, the way Twenty's query
// hooks add it. Before a write: workflow-create-one.pre-query.hook.ts refuses
// statuses set by hand; workflow-version-query-validation.workspace-service.ts
// (@4d61642) allows creating a version only as the workflow's one DRAFT, restricts
// generic updates of a version (PR #23207) and deletion to a draft that is not the
// only version. After a create: workflow-create-one.post-query.hook.ts gives a new
// workflow its DRAFT version "v1". The dedicated workflow mutations are in
// special-mutations.ts (../workflows/).
import { forbiddenError } from '../server/twenty-errors.ts';
import type { RecordRow } from '../state/types.ts';
import type { Workspace } from '../state/workspace.ts';
import { getVersion, insertRow, recomputeStatuses, versionsOf } from '../workflows/store.ts';
import type { RecordModel } from './model.ts';

export type AfterCreateHook = (ws: Workspace, model: RecordModel, row: RecordRow) => void;
export type WriteOperation = 'create' | 'update' | 'delete';
/** Throws a Twenty error to refuse the write; `id` for update and delete, `data` for create and update. */
export type BeforeWriteHook = (ws: Workspace, operation: WriteOperation, write: { id?: string; data?: Record<string, unknown> }) => void;

const workflowFirstDraft: AfterCreateHook = (ws, _model, row) => {
  insertRow(ws, 'workflowVersion', { workflowId: row.id, name: 'v1', status: 'DRAFT', trigger: null, steps: null });
  recomputeStatuses(ws, row.id);
};

const workflowStatusesNotSet: BeforeWriteHook = (_ws, operation, { data }) => {
  const statuses = data?.statuses;
  if (operation === 'create' && Array.isArray(statuses) && statuses.length > 0) throw forbiddenError('Statuses cannot be set manually.');
};

const PROTECTED_VERSION_FIELDS = ['steps', 'trigger', 'status', 'position', 'workflowId', 'coreWorkflowVersionId'];

const workflowVersionRules: BeforeWriteHook = (ws, operation, { id, data }) => {
  if (operation === 'create') {
    if (data?.status && data.status !== 'DRAFT') {
      throw forbiddenError('Cannot create workflow version with status other than draft', {
        userFriendlyMessage: 'Cannot create workflow version with status other than draft',
      });
    }
    if (typeof data?.workflowId === 'string' && versionsOf(ws, data.workflowId).some((v) => v.status === 'DRAFT')) {
      throw forbiddenError('Cannot create multiple draft versions for the same workflow', {
        userFriendlyMessage: 'Cannot create multiple draft versions for the same workflow',
      });
    }
  } else if (operation === 'update' && id) {
    getVersion(ws, id);
    const clearsName = data !== undefined && 'name' in data && (typeof data.name !== 'string' || data.name === '');
    if (PROTECTED_VERSION_FIELDS.some((f) => data !== undefined && f in data) || clearsName) {
      throw forbiddenError(
        'Updating a workflowVersion through the generic mutation is restricted. ' +
          'steps, trigger, status, position, workflowId and coreWorkflowVersionId cannot be changed, and the name cannot be cleared. ' +
          'Use the dedicated workflowVersion mutations (createWorkflowVersionStep, updateWorkflowVersionStep, ' +
          'deleteWorkflowVersionStep, updateWorkflowVersionTrigger, activateWorkflowVersion, ...) instead.',
        { userFriendlyMessage: 'This field cannot be updated directly on a workflow version' },
      );
    }
  } else if (operation === 'delete' && id) {
    const version = getVersion(ws, id);
    if (version.status !== 'DRAFT')
      throw forbiddenError('Workflow version is not in draft status', { userFriendlyMessage: 'Workflow version is not in draft status' });
    if (!versionsOf(ws, version.workflowId).some((v) => v.id !== version.id)) {
      throw forbiddenError('The initial version of a workflow can not be deleted', {
        userFriendlyMessage: 'The initial version of a workflow can not be deleted',
      });
    }
  }
};

/** Hooks by object nameSingular. */
export const AFTER_CREATE: Record<string, AfterCreateHook[]> = { workflow: [workflowFirstDraft] };
export const BEFORE_WRITE: Record<string, BeforeWriteHook[]> = {
  workflow: [workflowStatusesNotSet],
  workflowVersion: [workflowVersionRules],
};

export function afterCreateHooks(ws: Workspace, model: RecordModel, row: RecordRow): void {
  for (const hook of AFTER_CREATE[model.object.nameSingular] ?? []) hook(ws, model, row);
}

export function beforeWriteHooks(
  ws: Workspace,
  model: RecordModel,
  operation: WriteOperation,
  write: { id?: string; data?: Record<string, unknown> },
): void {
  for (const hook of BEFORE_WRITE[model.object.nameSingular] ?? []) hook(ws, operation, write);
}
