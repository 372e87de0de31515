// The runJob op: one of the pack's jobs as of a moment — the pack validated first, its
// policies with it (a problem there stops the job before anything is read), then its
// reads, its decisions, and (unless a dry run) its writes.
import { JOB_POLICIES, JobOptionError, policyPath, type JobName, type JobOptions } from '../jobs/index.ts';
import { formatProblem } from '../pack/index.ts';
import { runPackJob, type RunOutcome } from './job-runner.ts';
import { failure, packOf, workspaceFailure, type OpFailure, type PackInput, type Workspace } from './types.ts';

export interface RunJobInput extends PackInput {
  job: JobName;
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
  const checked = await packOf(input, 'nothing was read or written');
  if (!checked.ok) return policyFirst(input.job, checked);
  let outcome: RunOutcome;
  try {
    outcome = await runPackJob(input.job, {
      pack: checked.pack,
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
  if (!outcome.ok) return policyFailure(input.job, outcome.problems.map(formatProblem));
  return { ok: true, outcome };
}

const policyFailure = (job: JobName, details: string[]): OpFailure =>
  failure('invalid-policy', `${job} did not run: fix its policy first (nothing was read or written)`, details);

/** An invalid pack whose errors include this job's policy files: said as the job's own problem. */
function policyFirst(job: JobName, invalid: OpFailure): OpFailure {
  const files = JOB_POLICIES[job].map(policyPath);
  return invalid.details.some((line) => files.some((f) => line.startsWith(`${f}:`))) ? policyFailure(job, invalid.details) : invalid;
}
