// Running one job: take its policies from the validated pack, plan (read through the
// records port + decide), turn its changes into write batches, then — unless it is a dry
// run — send them. Writing only the plan's differences makes every job idempotent: a
// second run finds nothing to change and sends no write at all.
import { JOBS, policiesOf, type JobChange, type JobName, type JobOptions, type JobPlan, type JobRecords } from '../jobs/index.ts';
import type { Problem, ValidPack } from '../pack/index.ts';
import {
  batchRequests,
  batchSize,
  chunkCreates,
  groupUpdates,
  planUpdates,
  QUERY_MAX_RECORDS,
  readAll,
  writeBatches,
  type RecordsTransport,
  type WriteBatch,
  type WriteResult,
} from '../records/index.ts';

export interface RunOptions {
  /** The validated pack: its decoded policies are the job's. */
  pack: ValidPack;
  transport: RecordsTransport;
  now?: number;
  dryRun: boolean;
  pageSize?: number;
  options?: JobOptions;
  /** Called after each write batch, for progress output. */
  onBatch?: (done: number, total: number) => void;
}

export type RunOutcome =
  | { ok: false; problems: Problem[] }
  | {
      ok: true;
      at: number;
      dryRun: boolean;
      policyFiles: string[];
      /** The job's plan, with the write batches its changes make. */
      plan: JobPlan & { writes: WriteBatch[] };
      planned: { requests: number; records: number };
      written?: WriteResult;
    };

export async function runPackJob(name: JobName, o: RunOptions): Promise<RunOutcome> {
  const job = JOBS[name];
  const loaded = policiesOf(o.pack, job.policies);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  const at = o.now ?? Date.now();
  const decided = await job.plan({ records: jobRecords(o.transport, o.pageSize), now: at, options: o.options ?? {} }, loaded.policies);
  const plan = { ...decided, writes: decided.changes.flatMap(batchesOf) };
  const planned = {
    requests: plan.writes.reduce((n, b) => n + batchRequests(b), 0),
    records: plan.writes.reduce((n, b) => n + batchSize(b), 0),
  };
  const base = { ok: true as const, at, dryRun: o.dryRun, policyFiles: loaded.files, plan, planned };
  if (o.dryRun || plan.writes.length === 0) return base;
  return { ...base, written: await writeBatches(o.transport, plan.writes, o.onBatch ? { onBatch: o.onBatch } : {}) };
}

/** The jobs' records port: reads at the largest page Twenty allows (the reader steps down if a server names a smaller cap). */
function jobRecords(transport: RecordsTransport, pageSize = QUERY_MAX_RECORDS): JobRecords {
  return { readAll: (read) => readAll(transport, { ...read, pageSize }) };
}

/** A change as the fewest write batches within Twenty's limits. */
function batchesOf(change: JobChange): WriteBatch[] {
  if (change.kind === 'create') return chunkCreates(change.object, change.records);
  return change.mayUpsert ? planUpdates(change.object, change.updates) : groupUpdates(change.object, change.updates);
}
