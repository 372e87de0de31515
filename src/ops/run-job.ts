// The runJob op: one of the pack's jobs as of a moment — its policies read first (a
// problem there stops it before anything is read), then its reads, its decisions, and
// (unless a dry run) its writes.
import { resolve } from 'node:path';
import { JobOptionError, runJob as runPackJob, type JobName, type JobOptions, type RunOutcome } from '../jobs/index.ts';
import { formatProblem } from '../pack/index.ts';
import { failure, workspaceFailure, type OpFailure, type Workspace } from './types.ts';

export interface RunJobInput {
  job: JobName;
  dir: string;
  workspace: Workspace;
  /** The moment the job runs as of (default: now). */
  now?: number;
  dryRun?: boolean;
  pageSize?: number;
  options?: JobOptions;
  /** After each write batch. */
  onBatch?: (done: number, total: number) => void;
}

export interface JobRan {
  ok: true;
  outcome: Extract<RunOutcome, { ok: true }>;
}

export async function runJob(input: RunJobInput): Promise<JobRan | OpFailure> {
  let outcome: RunOutcome;
  try {
    outcome = await runPackJob(input.job, {
      packDir: resolve(input.dir),
      transport: input.workspace.client,
      dryRun: input.dryRun === true,
      options: input.options ?? {},
      ...(input.now !== undefined ? { now: input.now } : {}),
      ...(input.pageSize ? { pageSize: input.pageSize } : {}),
      ...(input.onBatch ? { onBatch: input.onBatch } : {}),
    });
  } catch (e) {
    if (e instanceof JobOptionError) return failure('usage', e.message);
    return workspaceFailure(e);
  }
  if (!outcome.ok) {
    return failure('invalid-policy', `${input.job} did not run: fix its policy first (nothing was read or written)`, outcome.problems.map(formatProblem));
  }
  return { ok: true, outcome };
}
