// Pure planning of record writes: updates that set the same values are grouped into
// one `update<Plural>(filter: { id: { in: [...] } }, data)` call; creates are chunked;
// updates of distinct values go as upserts of live records (plan-updates.ts).
import type { ObjectNames } from './names.ts';

/**
 * QUERY_MAX_RECORDS: the most records one findMany returns and one createMany takes
 * ("Maximum number of records to upsert is N.", common-create-many-query-runner.service.ts
 * @41d24255). 200 in twenty-shared/src/constants/QueryMaxRecords.ts @664d0a83, 10 000 in
 * @39215761: the stricter 200. Reader and writer step down when a server names a smaller cap.
 */
export const QUERY_MAX_RECORDS = 200;

/**
 * MUTATION_MAXIMUM_AFFECTED_RECORDS: Twenty's cap on records one update / delete / restore
 * call may touch ("Cannot update more than 100 records at once"; twenty-config/
 * config-variables.ts, enforced by the twenty-orm update builder).
 */
export const MUTATION_MAXIMUM_AFFECTED_RECORDS = 100;
/** Records per create call: the documented batch limit, stricter than QUERY_MAX_RECORDS on newer servers. */
export const MAX_RECORDS_PER_CREATE = 60;

export type RecordData = Record<string, unknown>;

export interface RecordUpdate {
  id: string;
  data: RecordData;
}

export interface UpdateBatch {
  kind: 'update';
  object: ObjectNames;
  data: RecordData;
  ids: string[];
}

export interface CreateBatch {
  kind: 'create';
  object: ObjectNames;
  /** Each with its client-chosen `id`, so a create whose answer was lost can be re-sent as an upsert. */
  records: Array<RecordData & { id: string }>;
}

/**
 * Existing records, each with its own values, written by `create<Plural>(data, upsert: true)`.
 * Twenty's upsert also restores a soft-deleted match and inserts an id it does not find, so
 * the writer first re-reads which of these ids are still live and sends only those.
 */
export interface UpsertBatch {
  kind: 'upsert';
  object: ObjectNames;
  records: Array<RecordData & { id: string }>;
}

export type WriteBatch = UpdateBatch | CreateBatch | UpsertBatch;

/** JSON with object keys sorted at every level: equal values, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * One batch per distinct `data`, at most `max` ids each, in the order the values first
 * appear. A record listed twice keeps its last update only.
 */
export function groupUpdates(
  object: ObjectNames,
  updates: readonly RecordUpdate[],
  max = MUTATION_MAXIMUM_AFFECTED_RECORDS,
): UpdateBatch[] {
  const batches: UpdateBatch[] = [];
  for (const { data, ids } of groupByValues(updates)) {
    for (let i = 0; i < ids.length; i += max) batches.push({ kind: 'update', object, data, ids: ids.slice(i, i + max) });
  }
  return batches;
}

/** The records that get the same values, per distinct `data`, in first-seen order; a record listed twice keeps its last update. */
export function groupByValues(updates: readonly RecordUpdate[]): Array<{ data: RecordData; ids: string[] }> {
  const last = new Map<string, RecordData>();
  for (const u of updates) {
    last.delete(u.id);
    last.set(u.id, u.data);
  }
  const groups = new Map<string, { data: RecordData; ids: string[] }>();
  for (const [id, data] of last) {
    const key = canonicalJson(data);
    const group = groups.get(key);
    if (group) group.ids.push(id);
    else groups.set(key, { data, ids: [id] });
  }
  return [...groups.values()];
}

export function chunkCreates(
  object: ObjectNames,
  records: ReadonlyArray<RecordData & { id: string }>,
  max = MAX_RECORDS_PER_CREATE,
): CreateBatch[] {
  const batches: CreateBatch[] = [];
  for (let i = 0; i < records.length; i += max) batches.push({ kind: 'create', object, records: records.slice(i, i + max) });
  return batches;
}

/** Records a batch touches. */
export const batchSize = (b: WriteBatch): number => (b.kind === 'update' ? b.ids.length : b.records.length);

/** Requests a batch costs when nothing goes wrong: an upsert reads its ids back first. */
export const batchRequests = (b: WriteBatch): number => (b.kind === 'upsert' ? 2 : 1);
