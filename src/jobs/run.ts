// Running one job: take its policies from the validated pack, plan (read + decide), then — unless it is a dry
// run — send the write batches. Writing only the plan's differences makes every job
// idempotent: a second run finds nothing to change and sends no write at all.
import { batchRequests, batchSize, QUERY_MAX_RECORDS, writeBatches, type RecordsTransport, type WriteResult } from '../records/index.ts';
import type { Problem } from '../pack/problems.ts';
import type { ValidPack } from '../pack/index.ts';
import type { JobOptions, JobPlan } from './job.ts';
import { JOBS } from './registry.ts';
import { policiesOf } from './policy-file.ts';
import type { JobName } from './policy.ts';

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
      plan: JobPlan;
      planned: { requests: number; records: number };
      written?: WriteResult;
    };

export async function runJob(name: JobName, o: RunOptions): Promise<RunOutcome> {
  const job = JOBS[name];
  const loaded = policiesOf(o.pack, job.policies);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  const at = o.now ?? Date.now();
  // Reads at the largest page Twenty allows; the reader steps down if a server names a smaller cap.
  const plan = await job.plan(
    { transport: o.transport, now: at, options: o.options ?? {}, pageSize: o.pageSize ?? QUERY_MAX_RECORDS },
    loaded.policies,
  );
  const planned = {
    requests: plan.writes.reduce((n, b) => n + batchRequests(b), 0),
    records: plan.writes.reduce((n, b) => n + batchSize(b), 0),
  };
  const base = { ok: true as const, at, dryRun: o.dryRun, policyFiles: loaded.files, plan, planned };
  if (o.dryRun || plan.writes.length === 0) return base;
  return { ...base, written: await writeBatches(o.transport, plan.writes, o.onBatch ? { onBatch: o.onBatch } : {}) };
}
