// `bankpack job <name>` at work: calls the runJob op and prints the job's report.
import { connect, err, reportError, type ConnectionCliOptions } from '../../deploy/index.ts';
import { renderReport, reportJson, type JobName, type JobOptions } from '../../jobs/index.ts';
import { runJob } from '../../ops/index.ts';
import { UsageError } from '../usage-error.ts';
import { printFailure } from './print-failure.ts';

export interface JobCliOptions extends ConnectionCliOptions {
  dryRun?: boolean;
  json?: boolean;
  pageSize?: number;
  now?: string;
  batch?: string;
  newBatch?: boolean;
  seed?: number;
  period?: string;
}

export async function runJobCommand(name: JobName, opts: JobCliOptions): Promise<number> {
  const now = opts.now === undefined ? Date.now() : Date.parse(opts.now);
  if (Number.isNaN(now)) throw new UsageError(`--now must be a date and time like 2026-10-08T09:00:00+08:00, not "${opts.now}"`);
  const conn = await connect(opts);
  if (!conn) return 1;
  const options: JobOptions = {
    ...(opts.batch !== undefined ? { batch: opts.batch } : {}),
    ...(opts.newBatch ? { newBatch: true } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.period !== undefined ? { period: opts.period } : {}),
  };
  const result = await runJob({
    job: name,
    dir: opts.dir,
    workspace: conn,
    now,
    dryRun: opts.dryRun === true,
    options,
    ...(opts.pageSize ? { pageSize: opts.pageSize } : {}),
    onBatch: (d, total) => {
      if (!opts.json && total > 1 && (d % 10 === 0 || d === total)) err(`  wrote ${d}/${total} batches`);
    },
  });
  if (!result.ok) return printFailure(result);
  const { outcome } = result;
  const requests = conn.client.counter.snapshot();
  process.stdout.write(opts.json ? `${JSON.stringify(reportJson(outcome, requests), null, 2)}\n` : renderReport(outcome, { requests }));
  if (outcome.written?.error) {
    reportError(outcome.written.error);
    return 1;
  }
  return 0;
}
