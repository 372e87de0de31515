// Which workflows an event starts, as Twenty decides it: the automated trigger rows
// activation wrote (workflowAutomatedTrigger {type, settings}, read from the
// workspace as Twenty reads its trigger cache), a DATABASE_EVENT listener matching
// `<object>.<action>` (created / updated / deleted / destroyed, and `upserted` for
// both creates and updates, twenty-orm emits UPSERTED beside CREATED and UPDATED),
// its `fields` (updates and upserts only: one of them must be among the event's
// updatedFields, so an upsert-on-create never matches a trigger with fields) and its
// record filter evaluated against {trigger: event}
// (workflow-database-event-trigger.listener.ts); CRON rows by their pattern.
// The run itself takes the workflow's lastPublishedVersionId, if ACTIVE
// (workflow-trigger.job.ts).
import type { RecordEvent } from '../../records/record-events.ts';
import type { RecordRow } from '../../state/types.ts';
import type { Workspace } from '../../state/workspace.ts';
import { getWorkflow, type VersionRow } from '../store.ts';
import { parseCron, type CronSchedule } from './cron.ts';
import { evaluateStepFilters, type StepFilter, type StepFilterGroup } from './step-filters.ts';

export interface AutomatedTrigger {
  workflowId: string;
  type: 'DATABASE_EVENT' | 'CRON';
  settings: Record<string, unknown>;
}

const live = (r: RecordRow): boolean => r.deletedAt === null || r.deletedAt === undefined;

export function automatedTriggers(ws: Workspace): AutomatedTrigger[] {
  const object = ws.objectByName('workflowAutomatedTrigger');
  if (!object) return [];
  return [...ws.table(object.id).rows()].filter(live).map((r) => ({
    workflowId: String(r.workflowId),
    type: r.type as AutomatedTrigger['type'],
    settings: (r.settings ?? {}) as Record<string, unknown>,
  }));
}

/** The version a trigger runs: the workflow's last published one, when ACTIVE. */
export function publishedVersion(ws: Workspace, workflowId: string): VersionRow | undefined {
  let workflow;
  try {
    workflow = getWorkflow(ws, workflowId);
  } catch {
    return undefined;
  }
  const object = ws.objectByName('workflowVersion');
  const version =
    object && workflow.lastPublishedVersionId
      ? (ws.table(object.id).get(workflow.lastPublishedVersionId) as VersionRow | undefined)
      : undefined;
  return version && version.status === 'ACTIVE' && live(version) ? version : undefined;
}

/** The event payload a run sees as `trigger` (ObjectRecordEvent: recordId, properties {before?, after?, updatedFields?}). */
export function eventPayload(ws: Workspace, event: RecordEvent): Record<string, unknown> {
  const enrich = (row: RecordRow | undefined): RecordRow | undefined => {
    if (!row) return row;
    // enrichRecordsWithRelations: each MANY_TO_ONE relation gets its record beside the join column.
    const object = ws.objectByName(event.objectName);
    const out: RecordRow = { ...row };
    for (const f of object ? ws.fieldsOf(object.id) : []) {
      const column = f.settings?.joinColumnName;
      if (f.type !== 'RELATION' || typeof column !== 'string' || typeof row[column] !== 'string' || !f.relationTargetObjectMetadataId)
        continue;
      const related = ws.table(f.relationTargetObjectMetadataId).get(row[column] as string);
      if (related) out[f.name] = structuredClone(related);
    }
    return out;
  };
  return {
    name: `${event.objectName}.${event.action}`,
    recordId: event.recordId,
    objectMetadata: { nameSingular: event.objectName },
    properties: {
      ...(event.before ? { before: enrich(event.before) } : {}),
      ...(event.after ? { after: enrich(event.after) } : {}),
      ...(event.updatedFields ? { updatedFields: event.updatedFields } : {}),
    },
  };
}

/** The event names an ORM event is heard as. */
function eventNames(event: RecordEvent): string[] {
  const names = [`${event.objectName}.${event.action}`];
  if (event.action === 'created' || event.action === 'updated') names.push(`${event.objectName}.upserted`);
  return names;
}

export interface Match {
  trigger: AutomatedTrigger;
  payload: Record<string, unknown>;
}

export function matchDatabaseEvent(ws: Workspace, event: RecordEvent): Match[] {
  const names = eventNames(event);
  const out: Match[] = [];
  let payload: Record<string, unknown> | undefined;
  for (const trigger of automatedTriggers(ws)) {
    if (trigger.type !== 'DATABASE_EVENT') continue;
    const name = String(trigger.settings.eventName ?? '');
    if (!names.includes(name)) continue;
    const isUpdateLike = name.endsWith('.updated') || name.endsWith('.upserted');
    const fields = trigger.settings.fields as string[] | undefined;
    if (isUpdateLike && fields && fields.length > 0 && !fields.some((f) => (event.updatedFields ?? []).includes(f))) continue;
    payload ??= eventPayload(ws, event);
    const filter = trigger.settings.filter as { stepFilters?: StepFilter[]; stepFilterGroups?: StepFilterGroup[] } | undefined;
    if (filter && Array.isArray(filter.stepFilters) && filter.stepFilters.length > 0) {
      let pass: boolean;
      try {
        pass = evaluateStepFilters(filter.stepFilterGroups ?? [], filter.stepFilters, { trigger: payload });
      } catch {
        pass = false; // the listener logs the error and does not start the run
      }
      if (!pass) continue;
    }
    out.push({ trigger, payload });
  }
  return out;
}

const schedules = new Map<string, CronSchedule>();

export function cronSchedule(pattern: string): CronSchedule {
  let s = schedules.get(pattern);
  if (!s) schedules.set(pattern, (s = parseCron(pattern)));
  return s;
}
