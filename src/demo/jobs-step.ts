// The five jobs, as `bankpack job <name>` runs them (the runJob op), at the demo's moment: each reads,
// decides, writes only what differs, and its full report goes to out/jobs/<name>.txt.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JOB_NAMES, renderReport, type JobName, type JobOptions } from '../jobs/index.ts';
import { runJob, type PackInput, type Workspace } from '../ops/index.ts';
import { DEMO_ASSESSMENT_PERIOD } from './options.ts';

export { JOB_NAMES };

export interface JobResult {
  job: JobName;
  title: string;
  counts: Record<string, number>;
  /** Records written and the requests it took. */
  written: { records: number; requests: number };
  report: string;
  /** Set when a write batch failed part-way. */
  error?: string;
}

const OPTIONS: Partial<Record<JobName, JobOptions>> = { 'score-assessments': { period: DEMO_ASSESSMENT_PERIOD } };

export async function runDemoJob(
  name: JobName,
  workspace: Workspace,
  pack: PackInput,
  now: number,
  reportsDir: string,
): Promise<JobResult> {
  const ran = await runJob({ job: name, ...pack, workspace, now, options: OPTIONS[name] ?? {} });
  if (!ran.ok) throw new Error(ran.reason === 'invalid-policy' ? `its policy has problems: ${ran.details.join('; ')}` : ran.message);
  const { outcome } = ran;
  const report = join(reportsDir, `${name}.txt`);
  await mkdir(reportsDir, { recursive: true });
  await writeFile(report, renderReport(outcome));
  return {
    job: name,
    title: outcome.plan.title,
    counts: Object.fromEntries(outcome.plan.counts),
    written: { records: outcome.written?.records ?? 0, requests: outcome.written?.batches ?? 0 },
    report,
    ...(outcome.written?.error ? { error: outcome.written.error.message } : {}),
  };
}

/** `leads to assign 9, by first claim 3, …; 9 records written`. */
export function describeJob(r: JobResult): string {
  const counts = Object.entries(r.counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const written =
    r.written.records === 0 ? 'nothing written' : `${r.written.records} record(s) written in ${r.written.requests} request(s)`;
  return `${counts}; ${written}${r.error ? `; a write failed: ${r.error}` : ''}`;
}
