// What every job is: it reads what it needs through its records port, decides with its
// pure rule, and returns a plan — the report a manager reads and the changes that apply
// it. The runner (src/ops/job-runner.ts) turns the changes into write batches and,
// unless it is a dry run, sends them.
import type { JobName, Policies, PolicyName } from './policy.ts';
import type { JobChange, JobRecords } from './records-port.ts';

/** Options some jobs take from the command line. */
export interface JobOptions {
  /** sample-surveys: the batch to draw (default: the quarter's latest, else S1). */
  batch?: string;
  /** sample-surveys: start the quarter's next batch. */
  newBatch?: boolean;
  /** sample-surveys: the seed of the draw. */
  seed?: number;
  /** score-assessments: "2025Q3" or "2025". */
  period?: string;
}

export interface JobContext {
  records: JobRecords;
  /** The moment the job runs (epoch ms); every date it writes derives from it. */
  now: number;
  options: JobOptions;
}

/** One line of the report: a record, what happens to it, and why. */
export interface ReportItem {
  object: string;
  id: string;
  name: string;
  /** What the job does or did to it, e.g. `upgrade`, `assign`, `unassigned`. */
  action: string;
  /** One line a manager can read. */
  reason: string;
  /** The values written (or that would be), for machines. */
  values?: Record<string, unknown>;
}

export interface ReportSection {
  title: string;
  items: ReportItem[];
}

export interface JobPlan {
  job: JobName;
  title: string;
  /** Key facts about the run: batch, seed, period… */
  facts: Array<[string, string]>;
  /** Counts a manager looks at first, in display order. */
  counts: Array<[string, number]>;
  sections: ReportSection[];
  changes: JobChange[];
}

/**
 * The objects and fields a job reads and writes, by Twenty field name (a relation by its
 * field, `assignedManager`, not its join column). The jobs' API key role is derived from
 * these (src/roles/jobs-role.ts), and a test runs every job under that role.
 */
export interface JobAccess {
  reads: Readonly<Record<string, readonly string[]>>;
  writes: Readonly<Record<string, { create?: boolean; fields: readonly string[] }>>;
}

export interface JobDefinition<N extends PolicyName = PolicyName> {
  name: JobName;
  summary: string;
  policies: readonly N[];
  access: JobAccess;
  plan(ctx: JobContext, policies: Pick<Policies, N>): Promise<JobPlan>;
}

/** Usage mistakes a job finds in its options (exit code 2). */
export class JobOptionError extends Error {}
