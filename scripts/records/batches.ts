// Pure planning of record writes: updates that set the same values are grouped into
// one `update<Plural>(filter: { id: { in: [...] } }, data)` call; creates are chunked.
import type { ObjectNames } from './names.ts';

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

export type WriteBatch = UpdateBatch | CreateBatch;

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
export function groupUpdates(object: ObjectNames, updates: readonly RecordUpdate[], max = MUTATION_MAXIMUM_AFFECTED_RECORDS): UpdateBatch[] {
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
  const batches: UpdateBatch[] = [];
  for (const { data, ids } of groups.values()) {
    for (let i = 0; i < ids.length; i += max) batches.push({ kind: 'update', object, data, ids: ids.slice(i, i + max) });
  }
  return batches;
}

export function chunkCreates(object: ObjectNames, records: ReadonlyArray<RecordData & { id: string }>, max = MAX_RECORDS_PER_CREATE): CreateBatch[] {
  const batches: CreateBatch[] = [];
  for (let i = 0; i < records.length; i += max) batches.push({ kind: 'create', object, records: records.slice(i, i + max) });
  return batches;
}

/** Records a batch touches. */
export const batchSize = (b: WriteBatch): number => (b.kind === 'update' ? b.ids.length : b.records.length);
