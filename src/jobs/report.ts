// The report of a job run: text a manager can read (counts first, then one line per record
// with its reason) and JSON for machines (every item, the values written, request counts).
import type { JobPlan } from './job.ts';

/** A finished run, as the runner (src/ops/job-runner.ts) returns it. */
export interface JobRun {
  at: number;
  dryRun: boolean;
  policyFiles: string[];
  /** The job's plan, with the write batches its changes made. */
  plan: JobPlan & { writes: readonly unknown[] };
  planned: { requests: number; records: number };
  written?: { batches: number; records: number; skipped?: string[]; error?: { message: string } };
}

/** What the Twenty client counted (src/twenty's RequestCounts), as far as the report tells it. */
export interface RequestTally {
  reads: { core: number; metadata: number };
  writes: { core: number; metadata: number };
  retries: number;
  throttled: number;
}

export interface ReportOptions {
  /** Lines shown per section in text; the JSON always has them all. */
  maxLines?: number;
  requests?: RequestTally;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function renderReport(run: JobRun, options: ReportOptions = {}): string {
  const { plan } = run;
  const max = options.maxLines ?? 50;
  const out: string[] = [];
  out.push(`${plan.job} — ${plan.title}`);
  out.push(
    `  run at ${new Date(run.at).toISOString()} · ${run.policyFiles.join(', ')}${run.dryRun ? ' · DRY RUN: nothing is written' : ''}`,
  );
  if (plan.facts.length > 0) out.push(`  ${plan.facts.map(([k, v]) => `${k}: ${v}`).join(' · ')}`);
  out.push('');
  const width = Math.max(...plan.counts.map(([label]) => label.length));
  for (const [label, n] of plan.counts) out.push(`  ${label.padEnd(width)}  ${n}`);
  for (const section of plan.sections) {
    if (section.items.length === 0) continue;
    out.push('', `${section.title} (${section.items.length})`);
    for (const item of section.items.slice(0, max)) out.push(`  • ${item.name} [${item.object}]: ${item.reason}`);
    if (section.items.length > max) out.push(`  … and ${section.items.length - max} more (--json lists them all)`);
  }
  out.push('', changesLine(run));
  if (options.requests) out.push(requestsLine(options.requests));
  return `${out.join('\n')}\n`;
}

function changesLine(run: JobRun): string {
  const { planned, written } = run;
  if (planned.requests === 0) return 'Nothing to change.';
  const what = `${plural(planned.records, 'record')} in ${plural(planned.requests, 'request')}`;
  if (run.dryRun) return `Would write ${what} (dry run: nothing sent).`;
  if (!written) return `Would write ${what}.`;
  const gone = written.skipped?.length
    ? ` Left alone ${plural(written.skipped.length, 'record')} deleted since the job read ${written.skipped.length === 1 ? 'it' : 'them'}.`
    : '';
  if (written.error)
    return `Wrote ${plural(written.records, 'record')} (${written.batches} of ${run.plan.writes.length} batches), then stopped: ${written.error.message}.${gone} Running the job again finishes the rest.`;
  return written.records === planned.records
    ? `Wrote ${what}.`
    : `Wrote ${plural(written.records, 'record')} of ${planned.records}.${gone}`;
}

function requestsLine(c: RequestTally): string {
  const reads = c.reads.core + c.reads.metadata;
  const writes = c.writes.core + c.writes.metadata;
  return `Requests to Twenty: ${reads} reads, ${writes} writes${c.retries ? `, ${c.retries} retried` : ''}${c.throttled ? `, throttled ${c.throttled}×` : ''}.`;
}

export function reportJson(run: JobRun, requests?: RequestTally): Record<string, unknown> {
  const { plan } = run;
  return {
    job: plan.job,
    title: plan.title,
    at: new Date(run.at).toISOString(),
    dryRun: run.dryRun,
    policies: run.policyFiles,
    facts: Object.fromEntries(plan.facts),
    counts: Object.fromEntries(plan.counts),
    sections: plan.sections,
    writes: {
      planned: run.planned,
      written: run.written ? { batches: run.written.batches, records: run.written.records, skipped: run.written.skipped ?? [] } : null,
      error: run.written?.error?.message ?? null,
    },
    ...(requests
      ? {
          requests: {
            reads: requests.reads.core + requests.reads.metadata,
            writes: requests.writes.core + requests.writes.metadata,
            retries: requests.retries,
          },
        }
      : {}),
  };
}
