// Record writes: create (with client ids and upsert), update, soft delete,
// destroy and restore, one or many, with Twenty's limits. Sources (twentyhq/twenty
// packages/twenty-server/src/engine/api/common/common-query-runners/):
// common-create-many-query-runner/common-create-many-query-runner.service.ts @41d24255
// (at most QUERY_MAX_RECORDS records per create call: "Maximum number of records to
// upsert is N."; an upsert matches existing rows `.withDeleted()` by id or by any unique
// index, and writes `{ ...record, deletedAt: null }`, so it restores a soft-deleted row;
// utils/get-matching-record-id.util.ts: two different matches are refused),
// twenty-orm update builder ("Cannot update more than N records at once").
// MUTATION_MAXIMUM_AFFECTED_RECORDS = 100 for bulk update / delete / destroy / restore
// (twenty-config/config-variables.ts).
import { randomUUID } from 'node:crypto';
import { notFoundError, userInputError } from '../server/twenty-errors.ts';
import type { RecordRow } from '../state/types.ts';
import type { Workspace } from '../state/workspace.ts';
import type { FilterInput } from './filter.ts';
import { QUERY_MAX_RECORDS, selectRows } from './find-many.ts';
import { afterCreateHooks, beforeWriteHooks } from './hooks.ts';
import { emitRecordEvent } from './record-events.ts';
import type { RecordModel } from './model.ts';
import { apiActor, defaultValueOf, mergeComposite, SERVER_MANAGED } from './values.ts';

/** Records per create call: QUERY_MAX_RECORDS (the create-many runner's own check). */
export const MAX_RECORDS_PER_CREATE = QUERY_MAX_RECORDS;
export const MUTATION_MAXIMUM_AFFECTED_RECORDS = 100;
type Data = Record<string, unknown>;

function checkJoins(ws: Workspace, model: RecordModel, data: Data): void {
  for (const j of model.joins) {
    const v = data[j.column];
    if (typeof v === 'string' && !ws.table(j.targetObjectId).get(v)) {
      const target = ws.objects.get(j.targetObjectId)?.nameSingular ?? 'record';
      throw userInputError(`${j.column}: no ${target} with id ${v}`, { userFriendlyMessage: 'An error occurred.' });
    }
  }
}

/** Applies input `data` over `row` (composite sub-fields merged), leaving server-managed columns alone. */
function applyData(model: RecordModel, row: RecordRow, data: Data): void {
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined || SERVER_MANAGED.has(key) || key === 'id') continue;
    const field = model.byName.get(key);
    row[key] = field && model.composite.has(key) ? mergeComposite(field, row[key], value) : value;
  }
}

/** The row an upsert updates: matched by id or by a unique field, soft-deleted rows included. */
function uniqueMatch(ws: Workspace, model: RecordModel, data: Data): RecordRow | undefined {
  const table = ws.table(model.object.id);
  const matches = new Map<string, RecordRow>();
  const byId = typeof data.id === 'string' ? table.get(data.id) : undefined;
  if (byId) matches.set(byId.id, byId);
  // Unique fields stand in for Twenty's unique indexes (one field each here).
  const uniques = model.fields.filter((f) => f.isUnique && f.name !== 'id' && data[f.name] !== undefined && data[f.name] !== null);
  for (const f of uniques) {
    for (const row of table.rows()) {
      if (JSON.stringify(row[f.name]) === JSON.stringify(data[f.name])) {
        matches.set(row.id, row);
        break;
      }
    }
  }
  if (matches.size > 1) {
    const values = [
      ...(typeof data.id === 'string' ? [`id (id: ${data.id})`] : []),
      ...uniques.map((f) => `${f.name} (${f.name}: ${String(data[f.name])})`),
    ].join('; ');
    const message = `Multiple records found with the same unique field values for ${values}. Cannot determine which record to update.`;
    throw userInputError(message, { subCode: 'UPSERT_MULTIPLE_MATCHING_RECORDS_CONFLICT', userFriendlyMessage: message });
  }
  return matches.values().next().value;
}

/** handle-duplicate-key-error.util.ts → twenty-orm-graphql-api-exception-handler.util.ts: a UserInputError without subCode. */
const duplicateEntry = (): ReturnType<typeof userInputError> =>
  userInputError('A duplicate entry was detected', {
    userFriendlyMessage: 'This record already exists. Please check your data and try again.',
  });

export function createRecords(ws: Workspace, model: RecordModel, inputs: Data[], upsert: boolean, many: boolean): RecordRow[] {
  if (many && inputs.length > MAX_RECORDS_PER_CREATE) {
    throw userInputError(`Maximum number of records to upsert is ${MAX_RECORDS_PER_CREATE}.`, {
      subCode: 'TOO_MANY_RECORDS_TO_UPDATE',
      userFriendlyMessage: `Maximum number of records to upsert is ${MAX_RECORDS_PER_CREATE}.`,
    });
  }
  const table = ws.table(model.object.id);
  const now = new Date().toISOString();
  const seen = new Set<string>();
  for (const data of inputs) {
    beforeWriteHooks(ws, model, 'create', { data });
    checkJoins(ws, model, data);
    const id = typeof data.id === 'string' ? data.id : undefined;
    // A plain create of an id that exists (soft-deleted or not) fails the whole batch:
    // one INSERT, Postgres' unique violation, nothing written. The error names no id
    // (docs/twenty-facts.md, "Letters and emails").
    if (id && !upsert && (table.get(id) || seen.has(id))) throw duplicateEntry();
    if (id) seen.add(id);
  }
  return inputs.map((data) => {
    const existing = upsert ? uniqueMatch(ws, model, data) : undefined;
    if (existing) return updateRow(ws, model, existing, data, now, true);
    const row: RecordRow = { id: typeof data.id === 'string' ? data.id : randomUUID() };
    for (const f of model.fields) {
      if (f.type === 'RELATION' || f.name === 'id') continue;
      row[f.name] = defaultValueOf(f, now);
    }
    for (const j of model.joins) row[j.column] = null;
    if (model.byName.has('position')) row.position = table.size;
    if (model.byName.has('createdBy')) row.createdBy = apiActor();
    if (model.byName.has('updatedBy')) row.updatedBy = apiActor();
    row.createdAt = now;
    row.updatedAt = now;
    row.deletedAt = null;
    applyData(model, row, data);
    table.insert(row);
    afterCreateHooks(ws, model, row);
    emitRecordEvent(ws, model.object.nameSingular, 'created', undefined, row);
    return row;
  });
}

/** `restore`: an upsert's update, which Twenty writes with `deletedAt: null`. */
function updateRow(ws: Workspace, model: RecordModel, row: RecordRow, data: Data, now: string, restore = false): RecordRow {
  const before = { deletedAt: row.deletedAt };
  const snapshot = { ...row };
  applyData(model, row, data);
  if (restore) row.deletedAt = null;
  row.updatedAt = now;
  if (model.byName.has('updatedBy')) row.updatedBy = apiActor();
  ws.table(model.object.id).touched(before, row);
  emitRecordEvent(ws, model.object.nameSingular, 'updated', snapshot, row);
  return row;
}

export const recordNotFound = (): ReturnType<typeof notFoundError> => notFoundError('Record not found');

function liveRow(ws: Workspace, model: RecordModel, id: string): RecordRow {
  const row = ws.table(model.object.id).get(id);
  if (!row || (row.deletedAt !== null && row.deletedAt !== undefined)) throw notFoundError('Record not found');
  return row;
}

export function updateOne(ws: Workspace, model: RecordModel, id: string, data: Data): RecordRow {
  const row = liveRow(ws, model, id);
  beforeWriteHooks(ws, model, 'update', { id, data });
  checkJoins(ws, model, data);
  return updateRow(ws, model, row, data, new Date().toISOString());
}

function bulk(ws: Workspace, model: RecordModel, filter: FilterInput | undefined, verb: string, includeDeleted: boolean): RecordRow[] {
  if (!filter || Object.keys(filter).length === 0)
    throw userInputError('Filter is required and cannot be empty', { userFriendlyMessage: 'An error occurred.' });
  const rows = selectRows(ws.table(model.object.id), model.composite, filter, includeDeleted);
  if (rows.length > MUTATION_MAXIMUM_AFFECTED_RECORDS) {
    throw userInputError(`Cannot ${verb} more than ${MUTATION_MAXIMUM_AFFECTED_RECORDS} records at once`, {
      subCode: 'TOO_MANY_RECORDS_TO_UPDATE',
      userFriendlyMessage: `You can only ${verb} up to ${MUTATION_MAXIMUM_AFFECTED_RECORDS} records at once.`,
    });
  }
  return rows;
}

export function updateMany(ws: Workspace, model: RecordModel, filter: FilterInput | undefined, data: Data): RecordRow[] {
  const rows = bulk(ws, model, filter, 'update', false);
  for (const r of rows) beforeWriteHooks(ws, model, 'update', { id: r.id, data });
  checkJoins(ws, model, data);
  const now = new Date().toISOString();
  return rows.map((r) => updateRow(ws, model, r, data, now));
}

function setDeleted(ws: Workspace, model: RecordModel, rows: RecordRow[], deletedAt: string | null): RecordRow[] {
  const table = ws.table(model.object.id);
  for (const row of rows) {
    const before = { deletedAt: row.deletedAt };
    row.deletedAt = deletedAt;
    table.touched(before, row);
    if (deletedAt !== null) emitRecordEvent(ws, model.object.nameSingular, 'deleted', row, undefined);
  }
  return rows;
}

export function softDeleteOne(ws: Workspace, model: RecordModel, id: string): RecordRow {
  const row = liveRow(ws, model, id);
  beforeWriteHooks(ws, model, 'delete', { id });
  return setDeleted(ws, model, [row], new Date().toISOString())[0] as RecordRow;
}
export function softDeleteMany(ws: Workspace, model: RecordModel, filter: FilterInput | undefined): RecordRow[] {
  const rows = bulk(ws, model, filter, 'delete', false);
  for (const r of rows) beforeWriteHooks(ws, model, 'delete', { id: r.id });
  return setDeleted(ws, model, rows, new Date().toISOString());
}

export function restoreOne(ws: Workspace, model: RecordModel, id: string): RecordRow {
  const row = ws.table(model.object.id).get(id);
  if (!row) throw notFoundError('Record not found');
  return setDeleted(ws, model, [row], null)[0] as RecordRow;
}
export const restoreMany = (ws: Workspace, model: RecordModel, filter: FilterInput | undefined): RecordRow[] =>
  setDeleted(ws, model, bulk(ws, model, { and: [filter ?? {}, { deletedAt: { is: 'NOT_NULL' } }] }, 'restore', true), null);

/** Hard delete; relations pointing at the rows are set to null (onDelete SET_NULL). */
function destroyRows(ws: Workspace, model: RecordModel, rows: RecordRow[]): RecordRow[] {
  const table = ws.table(model.object.id);
  const pointers = [...ws.fields.values()].filter(
    (f) => f.type === 'RELATION' && f.settings?.relationType === 'MANY_TO_ONE' && f.relationTargetObjectMetadataId === model.object.id,
  );
  for (const row of rows) {
    table.remove(row.id);
    emitRecordEvent(ws, model.object.nameSingular, 'destroyed', row, undefined);
  }
  for (const p of pointers) {
    const column = String(p.settings?.joinColumnName);
    const other = ws.table(p.objectMetadataId);
    for (const row of rows) for (const child of other.groupedBy(column).get(row.id) ?? []) child[column] = null;
    other.touchedAll();
  }
  return rows;
}

export function destroyOne(ws: Workspace, model: RecordModel, id: string): RecordRow {
  const row = ws.table(model.object.id).get(id);
  if (!row) throw notFoundError('Record not found');
  return destroyRows(ws, model, [row])[0] as RecordRow;
}
export const destroyMany = (ws: Workspace, model: RecordModel, filter: FilterInput | undefined): RecordRow[] =>
  destroyRows(ws, model, bulk(ws, model, filter, 'destroy', true));
