// Updates of existing records in the fewest requests. Twenty has two ways:
//   update<Plural>(filter: { id: { in } }, data)  one value for ≤ 100 records (MUTATION_MAXIMUM_AFFECTED_RECORDS),
//   create<Plural>(data: [...], upsert: true)      a value each for ≤ 200 (QUERY_MAX_RECORDS),
// the second costing one more request for its liveness check (writer, live-upsert.ts).
// Full groups of 100 identical changes go as bulk updates (never touching a deleted row);
// the small groups that remain go as upserts when that costs fewer requests.
import {
  groupByValues,
  MUTATION_MAXIMUM_AFFECTED_RECORDS,
  QUERY_MAX_RECORDS,
  type RecordData,
  type RecordUpdate,
  type UpdateBatch,
  type UpsertBatch,
  type WriteBatch,
} from './batches.ts';
import type { ObjectNames } from './names.ts';

export interface UpdatePlanOptions {
  /** Records per bulk update (default MUTATION_MAXIMUM_AFFECTED_RECORDS). */
  maxUpdate?: number;
  /** Records per upsert (default QUERY_MAX_RECORDS). */
  maxUpsert?: number;
}

/** Requests for `records` upserts: one check and one write per batch. */
const upsertCost = (records: number, max: number): number => 2 * Math.ceil(records / max);

/**
 * The write batches that apply `updates` (a record listed twice keeps its last update):
 * bulk updates for each full group of identical values, then, of the groups' remainders,
 * the smallest pooled into upserts as long as that saves requests.
 */
export function planUpdates(object: ObjectNames, updates: readonly RecordUpdate[], options: UpdatePlanOptions = {}): WriteBatch[] {
  const maxUpdate = options.maxUpdate ?? MUTATION_MAXIMUM_AFFECTED_RECORDS;
  const maxUpsert = options.maxUpsert ?? QUERY_MAX_RECORDS;
  const full: UpdateBatch[] = [];
  const rest: Array<{ data: RecordData; ids: string[] }> = [];
  for (const { data, ids } of groupByValues(updates)) {
    const whole = ids.length - (ids.length % maxUpdate);
    for (let i = 0; i < whole; i += maxUpdate) full.push({ kind: 'update', object, data, ids: ids.slice(i, i + maxUpdate) });
    if (whole < ids.length) rest.push({ data, ids: ids.slice(whole) });
  }
  // Pool the k smallest remainders (each otherwise one bulk update): pick the k that costs least.
  const bySize = [...rest].sort((a, b) => a.ids.length - b.ids.length);
  let best = 0;
  let bestCost = rest.length;
  let pooled = 0;
  for (let k = 1; k <= bySize.length; k++) {
    pooled += bySize[k - 1]?.ids.length ?? 0;
    const cost = upsertCost(pooled, maxUpsert) + (bySize.length - k);
    if (cost < bestCost) [best, bestCost] = [k, cost];
  }
  const pool = new Set(bySize.slice(0, best));
  const records: Array<RecordData & { id: string }> = [];
  const updatesLeft: UpdateBatch[] = [];
  for (const group of rest) {
    if (pool.has(group)) records.push(...group.ids.map((id) => ({ id, ...group.data })));
    else updatesLeft.push({ kind: 'update', object, data: group.data, ids: group.ids });
  }
  const upserts: UpsertBatch[] = [];
  for (let i = 0; i < records.length; i += maxUpsert) upserts.push({ kind: 'upsert', object, records: records.slice(i, i + maxUpsert) });
  return [...full, ...updatesLeft, ...upserts];
}
