// The workflow records as the dedicated workflow operations see them: the
// `workflow`, `workflowVersion` and `workflowAutomatedTrigger` rows of the
// workspace, read and written in place, with `workflow.statuses` recomputed after
// every change of a version's status (Twenty recomputes them in a job after the
// status event, workflow-statuses-update.job.ts; the sandbox does it at once).
import { randomUUID } from 'node:crypto';
import { notFoundError } from '../server/twenty-errors.ts';
import type { RecordRow } from '../state/types.ts';
import type { Workspace } from '../state/workspace.ts';
import { recordModel } from '../records/model.ts';
import { defaultValueOf } from '../records/values.ts';

export type VersionStatus = 'DRAFT' | 'ACTIVE' | 'DEACTIVATED' | 'ARCHIVED';

export interface VersionRow extends RecordRow {
  name: string;
  workflowId: string;
  status: VersionStatus;
  trigger: Record<string, unknown> | null;
  steps: Array<Record<string, unknown>> | null;
}

export interface WorkflowRow extends RecordRow {
  name: string;
  lastPublishedVersionId: string | null;
  statuses: string[] | null;
}

const live = (row: RecordRow | undefined): boolean => row !== undefined && (row.deletedAt === null || row.deletedAt === undefined);

function tableOf(ws: Workspace, objectName: string) {
  const object = ws.objectByName(objectName);
  if (!object) throw new Error(`the sandbox workspace has no ${objectName} object`);
  return { object, table: ws.table(object.id) };
}

export function getVersion(ws: Workspace, id: string): VersionRow {
  const row = tableOf(ws, 'workflowVersion').table.get(id);
  // getWorkflowVersionOrFail (workflow-common.workspace-service.ts): "Workflow version not found"
  if (!live(row)) throw notFoundError('Workflow version not found');
  return row as VersionRow;
}

export function getWorkflow(ws: Workspace, id: string): WorkflowRow {
  const row = tableOf(ws, 'workflow').table.get(id);
  if (!live(row)) throw notFoundError('Workflow not found');
  return row as WorkflowRow;
}

export function versionsOf(ws: Workspace, workflowId: string): VersionRow[] {
  const out: VersionRow[] = [];
  for (const row of tableOf(ws, 'workflowVersion').table.rows())
    if (row.workflowId === workflowId && live(row)) out.push(row as VersionRow);
  return out.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
}

/** Writes columns of a row in place (updatedAt moves), keeping the table's caches right. */
export function touch(ws: Workspace, objectName: string, row: RecordRow, patch: Record<string, unknown>): void {
  const { table } = tableOf(ws, objectName);
  const before = { deletedAt: row.deletedAt };
  Object.assign(row, patch, { updatedAt: new Date().toISOString() });
  table.touched(before, row);
}

/** Inserts a row with every field at its default, as a record create does. */
export function insertRow(ws: Workspace, objectName: string, data: Record<string, unknown>): RecordRow {
  const { object, table } = tableOf(ws, objectName);
  const model = recordModel(ws, object);
  const now = new Date().toISOString();
  const row: RecordRow = { id: typeof data.id === 'string' ? data.id : randomUUID() };
  for (const f of model.fields) if (f.type !== 'RELATION' && f.name !== 'id') row[f.name] = defaultValueOf(f, now);
  for (const j of model.joins) row[j.column] = null;
  if (model.byName.has('position')) row.position = table.size;
  Object.assign(row, data, { createdAt: now, updatedAt: now, deletedAt: null });
  table.insert(row);
  return row;
}

/** `workflow.statuses` from its versions: DRAFT, ACTIVE, DEACTIVATED as present (WorkflowStatus). */
export function recomputeStatuses(ws: Workspace, workflowId: string): void {
  const workflow = tableOf(ws, 'workflow').table.get(workflowId);
  if (!workflow) return;
  const present = new Set(versionsOf(ws, workflowId).map((v) => v.status));
  const statuses = (['DRAFT', 'ACTIVE', 'DEACTIVATED'] as const).filter((s) => present.has(s));
  touch(ws, 'workflow', workflow, { statuses });
}

export function setVersion(ws: Workspace, version: VersionRow, patch: Partial<Pick<VersionRow, 'trigger' | 'steps' | 'status'>>): void {
  touch(ws, 'workflowVersion', version, patch);
  if (patch.status !== undefined) recomputeStatuses(ws, version.workflowId);
}

/** The automated trigger rows of a workflow (created by activation, removed by deactivation). */
export function automatedTriggersOf(ws: Workspace, workflowId: string): RecordRow[] {
  if (!ws.objectByName('workflowAutomatedTrigger')) return [];
  return [...tableOf(ws, 'workflowAutomatedTrigger').table.rows()].filter((r) => r.workflowId === workflowId && live(r));
}

export function replaceAutomatedTrigger(ws: Workspace, workflowId: string, trigger: Record<string, unknown> | null): void {
  if (!ws.objectByName('workflowAutomatedTrigger')) return;
  const { table } = tableOf(ws, 'workflowAutomatedTrigger');
  for (const row of automatedTriggersOf(ws, workflowId)) table.remove(row.id);
  const type = trigger?.type;
  if (type !== 'DATABASE_EVENT' && type !== 'CRON') return;
  const settings = (trigger?.settings ?? {}) as Record<string, unknown>;
  // automated-trigger-settings.ts: {eventName, fields?, filter?} for DB events, {pattern} for cron
  const stored =
    type === 'DATABASE_EVENT'
      ? {
          eventName: settings.eventName,
          ...(settings.fields ? { fields: settings.fields } : {}),
          ...(settings.filter ? { filter: settings.filter } : {}),
        }
      : { pattern: cronPattern(settings) };
  insertRow(ws, 'workflowAutomatedTrigger', { type, settings: stored, workflowId });
}

/** compute-cron-pattern-from-schedule.ts: the cron pattern a CRON trigger's settings stand for. */
export function cronPattern(settings: Record<string, unknown>): string {
  const schedule = (settings.schedule ?? {}) as Record<string, number>;
  switch (settings.type) {
    case 'CUSTOM':
      return String(settings.pattern);
    case 'DAYS':
      return `${schedule.minute ?? 0} ${schedule.hour ?? 0} */${schedule.day ?? 1} * *`;
    case 'HOURS':
      return `${schedule.minute ?? 0} */${schedule.hour ?? 1} * * *`;
    default:
      return `*/${schedule.minute ?? 1} * * * *`;
  }
}
