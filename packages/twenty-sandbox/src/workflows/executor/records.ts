// The executor's record access: the sandbox's own record writes (so its creates and
// updates emit record events and start other workflows, as Twenty's ORM does) and
// reads through the same filter engine as the records API.
import { compileFilter, type FilterInput } from '../../records/filter.ts';
import { type RecordModel, recordModel } from '../../records/model.ts';
import type { RecordRow } from '../../state/types.ts';
import type { Workspace } from '../../state/workspace.ts';

export function modelOf(ws: Workspace, objectName: unknown): RecordModel {
  const object = typeof objectName === 'string' ? ws.objectByName(objectName) : undefined;
  // workflow-common.workspace-service.ts getObjectMetadataInfo: "Object metadata not found"
  if (!object || !object.isActive) throw new Error(`Object metadata not found for ${String(objectName)}`);
  return recordModel(ws, object);
}

/** Live rows matching a filter, ordered by id (the executor's `… , id ASC` order when none is given). */
export function findRows(ws: Workspace, model: RecordModel, filter: FilterInput): RecordRow[] {
  const pred = compileFilter(filter, model.composite);
  const rows: RecordRow[] = [];
  for (const row of ws.table(model.object.id).rows())
    if ((row.deletedAt === null || row.deletedAt === undefined) && pred(row)) rows.push(row);
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Keeps the keys that are fields (or join columns) of the object: others are dropped, as Twenty drops them. */
export function onlyFields(model: RecordModel, record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    const field = model.byName.get(k);
    if ((field && field.type !== 'RELATION') || model.joins.some((j) => j.column === k)) out[k] = v;
    else if (field && field.type === 'RELATION' && v !== null && typeof v === 'object' && 'id' in v) {
      const join = model.joins.find((j) => j.field.name === k);
      if (join) out[join.column] = (v as { id: unknown }).id;
    }
  }
  return out;
}

export const copy = (row: RecordRow): RecordRow => structuredClone(row);
