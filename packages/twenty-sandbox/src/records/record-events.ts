// Record events as Twenty's ORM emits them after every write (twenty-orm
// workspace insert / update query builders: CREATED then UPSERTED on insert,
// UPDATED then UPSERTED on update; DELETED on soft delete, DESTROYED on hard
// delete). The sandbox's record writes call emitRecordEvent; the workflow executor
// (../workflows/executor) listens. Nothing listens unless something subscribed.
import type { RecordRow } from '../state/types.ts';
import type { Workspace } from '../state/workspace.ts';

export type RecordEventAction = 'created' | 'updated' | 'deleted' | 'destroyed';

export interface RecordEvent {
  objectName: string;
  action: RecordEventAction;
  recordId: string;
  /** Copies taken at the write: later writes do not change them. */
  before?: RecordRow;
  after?: RecordRow;
  /** Fields (join columns for relations) whose value changed; updates only. */
  updatedFields?: string[];
}

type Listener = (event: RecordEvent) => void;
const listeners = new WeakMap<Workspace, Listener[]>();

export function onRecordEvent(ws: Workspace, listener: Listener): () => void {
  const list = listeners.get(ws) ?? [];
  list.push(listener);
  listeners.set(ws, list);
  return () => {
    const at = list.indexOf(listener);
    if (at >= 0) list.splice(at, 1);
  };
}

const IGNORED = new Set(['updatedAt', 'updatedBy', 'searchVector']);

/** The keys whose values differ between two snapshots of a row. */
export function changedFields(before: RecordRow, after: RecordRow): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !IGNORED.has(k) && JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
}

export function emitRecordEvent(
  ws: Workspace,
  objectName: string,
  action: RecordEventAction,
  before: RecordRow | undefined,
  after: RecordRow | undefined,
): void {
  const list = listeners.get(ws);
  if (!list || list.length === 0) return;
  const row = after ?? before;
  if (!row) return;
  const event: RecordEvent = {
    objectName,
    action,
    recordId: row.id,
    ...(before ? { before: structuredClone(before) } : {}),
    ...(after ? { after: structuredClone(after) } : {}),
    ...(action === 'updated' && before && after ? { updatedFields: changedFields(before, after) } : {}),
  };
  for (const listener of [...list]) listener(event);
}
