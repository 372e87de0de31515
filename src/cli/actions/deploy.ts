// `bankpack deploy` at work: calls the deploy op, asks before applying, prints the outcome.
import {
  connect,
  err,
  useColor,
  type ConnectionCliOptions,
  planToJson,
  renderPlan,
  type ApplyReport,
  type Plan,
} from '../../deploy/index.ts';
import { deploy, validated, type PackInput } from '../../ops/index.ts';
import { askYes } from './ask-yes.ts';
import { syncAsApp } from './as-app.ts';
import { printFailure } from './print-failure.ts';

export interface DeployCliOptions extends ConnectionCliOptions {
  yes?: boolean;
  json?: boolean;
  plan?: string;
  prune?: boolean;
  allowDataLoss?: boolean;
  locale?: string;
  demoSeeds?: boolean;
  asApp?: boolean;
}

export async function runDeploy(opts: DeployCliOptions): Promise<number> {
  if (opts.plan && (opts.prune || opts.locale || opts.demoSeeds)) {
    err('bankpack: --plan applies the saved plan as it was made: give --prune, --locale or --demo-seeds to `bankpack plan --out` instead');
    return 2;
  }
  if (opts.asApp && opts.plan) {
    err("bankpack: --as-app installs through the server's own sync: it takes no saved plan");
    return 2;
  }
  const conn = await connect(opts);
  if (!conn) return 1;
  // --as-app: the app sync and the deploy after it act on one validated pack.
  let pack: PackInput = { dir: opts.dir };
  if (opts.asApp) {
    const checked = await validated(opts.dir);
    if (!checked.ok) return printFailure(checked);
    pack = { dir: opts.dir, pack: { pack: checked.pack, files: checked.files } };
    const stopped = await syncAsApp(conn, pack, opts.yes === true);
    if (stopped !== undefined) return stopped;
  }
  const planOut = opts.json ? process.stderr : process.stdout;
  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    err('\nStopping after the steps in flight… (Ctrl-C again to quit at once; run deploy again to finish)');
  };
  process.on('SIGINT', onSigint);
  let result;
  try {
    result = await deploy({
      ...pack,
      workspace: conn,
      ...(opts.plan ? { planFile: opts.plan } : {}),
      prune: opts.prune === true,
      includeDemoSeeds: opts.demoSeeds === true,
      ...(opts.locale ? { locale: opts.locale } : {}),
      allowDataLoss: opts.allowDataLoss === true,
      signal: controller.signal,
      onProgress: err,
      onPlan: (plan) => planOut.write(renderPlan(plan, { color: useColor(planOut) })),
      confirm: (plan) => askYes(`Apply these changes to ${plan.url}?`, opts.yes === true),
    });
  } finally {
    process.off('SIGINT', onSigint);
  }
  const again = opts.plan ? `\`bankpack plan --out ${opts.plan}\` and deploy that plan` : '`bankpack deploy` again';
  const emit = (plan: Plan | undefined, outcome: unknown): void => {
    if (opts.json && plan) process.stdout.write(`${JSON.stringify({ plan: planToJson(plan), result: outcome }, null, 2)}\n`);
  };
  if (result.ok) {
    if (!result.report) {
      err('No changes: the workspace already matches the pack.');
      emit(result.plan, { ok: true, done: 0, total: 0 });
      return 0;
    }
    err(summary(result.report, result.plan.url, again));
    emit(result.plan, result.report);
    return 0;
  }
  if (result.report) {
    err(summary(result.report, result.plan?.url ?? '', again));
    emit(result.plan, result.report);
    return 1;
  }
  if (result.reason === 'conflicts') emit(result.plan, { ok: false, refused: 'conflicts' });
  return printFailure(result);
}

/** `again`: what finishes the job (a saved plan is stale once part of it is applied). */
function summary(r: ApplyReport, url: string, again: string): string {
  const req = r.requests;
  const writes = req.writes.metadata + req.writes.core;
  const total = writes + req.reads.metadata + req.reads.core;
  const stats = `${total} requests (${writes} writes${req.retries > 0 ? `, ${req.retries} retried` : ''}) in ${(r.ms / 1000).toFixed(1)} s`;
  const skipped = r.skipped ? `\n${r.skipped.changes.length} workflow change(s) not applied: ${r.skipped.reason}.` : '';
  if (r.ok) return `Deployed to ${url}: ${r.done} change${r.done === 1 ? '' : 's'} applied; ${stats}.${skipped}`;
  if (r.interrupted) return `Interrupted: ${r.done} of ${r.total} changes applied; ${stats}. Run ${again} to finish.`;
  const f = r.failure;
  return [
    `Deploy stopped at ${f?.change ?? 'a step'}: ${f?.message ?? 'unknown error'}${f?.hint ? `  (${f.hint})` : ''}`,
    `${r.done} of ${r.total} changes were applied; ${stats}. Fix the cause and run ${again}: it continues from what the workspace now holds.`,
  ].join('\n');
}
