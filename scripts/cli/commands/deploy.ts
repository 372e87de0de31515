import type { Command } from 'commander';
import { createInterface } from 'node:readline/promises';
import { addConnectionOptions, connect, CONNECTION_HELP, err, loadValidPack, reportError, reportRefProblems, useColor, type ConnectionCliOptions } from '../../deploy/cli-support.ts';
import { applyPlan, countPlan, hasChanges, planToJson, preparePlan, renderPlan, type ApplyReport } from '../../deploy/index.ts';
import type { Done } from './index.ts';

interface DeployCliOptions extends ConnectionCliOptions {
  yes?: boolean;
  json?: boolean;
  prune?: boolean;
  allowDataLoss?: boolean;
  locale?: string;
  demoSeeds?: boolean;
}

export function registerDeploy(program: Command, done: Done): void {
  const cmd = program
    .command('deploy')
    .description('Validate the pack, show the plan, and apply it to the workspace: objects, fields, relations, views, seed records.');
  addConnectionOptions(cmd)
    .option('-y, --yes', 'apply without asking (required when not on a terminal)')
    .option('--json', 'print the plan and the result as JSON on stdout (progress stays on stderr)')
    .option('--prune', 'also remove custom objects, fields and views the pack no longer defines (deactivated, then deleted)')
    .option('--allow-data-loss', 'with --prune: remove even what holds records')
    .option('--locale <locale>', "the language of the labels (default: the pack's defaultLocale)")
    .option('--demo-seeds', 'include seed files marked demo: true')
    .addHelpText('after', `
Examples:
  $ bankpack deploy --profile staging
  $ bankpack deploy --profile production --yes --json > deploy.json
  $ bankpack deploy --prune --allow-data-loss --yes
${CONNECTION_HELP}

A deploy that stops half-way (network, server error, Ctrl-C) is finished by running it again.
Exit codes: 0 deployed (or nothing to do), 1 failed or refused, 2 wrong usage (e.g. no --yes off a terminal).`)
    .action(async (opts: DeployCliOptions) => done(await runDeploy(opts)));
}

async function runDeploy(opts: DeployCliOptions): Promise<number> {
  const pack = await loadValidPack(opts.dir);
  if (!pack) return 1;
  const conn = await connect(opts);
  if (!conn) return 1;
  const { client } = conn;
  let prepared;
  try {
    prepared = await preparePlan(client, pack, { prune: opts.prune === true, includeDemoSeeds: opts.demoSeeds === true, ...(opts.locale ? { locale: opts.locale } : {}) });
  } catch (e) {
    reportError(e);
    return 1;
  }
  if (prepared.problems.length > 0) {
    reportRefProblems(prepared.problems);
    return 1;
  }
  const { plan } = prepared;
  const planOut = opts.json ? process.stderr : process.stdout;
  planOut.write(renderPlan(plan, { color: useColor(planOut) }));
  const counts = countPlan(plan);
  const emit = (result: unknown): void => {
    if (opts.json) process.stdout.write(`${JSON.stringify({ plan: planToJson(plan), result }, null, 2)}\n`);
  };
  if (counts.conflict > 0) {
    err(`bankpack: ${counts.conflict} conflict(s) need a decision first (see "!" above); nothing was changed`);
    emit({ ok: false, refused: 'conflicts' });
    return 1;
  }
  if (!hasChanges(plan)) {
    err('No changes: the workspace already matches the pack.');
    emit({ ok: true, done: 0, total: 0 });
    return 0;
  }
  if (!opts.yes) {
    if (!process.stdin.isTTY) {
      err('bankpack: not on a terminal, so nobody can confirm: pass --yes to deploy this plan');
      return 2;
    }
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    const answer = await rl.question(`Apply these changes to ${plan.url}? Only "yes" is accepted: `);
    rl.close();
    if (answer.trim() !== 'yes') {
      err('Cancelled: nothing was changed.');
      return 1;
    }
  }

  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    err('\nStopping after the steps in flight… (Ctrl-C again to quit at once; run deploy again to finish)');
  };
  process.on('SIGINT', onSigint);
  err(`Deploying to ${plan.url}…`);
  let report: ApplyReport;
  try {
    report = await applyPlan(client, plan, prepared.actual, prepared.caps, { allowDataLoss: opts.allowDataLoss === true, report: err, signal: controller.signal, ...(conn.userClient ? { userClient: conn.userClient } : {}) });
  } finally {
    process.off('SIGINT', onSigint);
  }
  err(summary(report, plan.url));
  emit(report);
  return report.ok ? 0 : 1;
}

function summary(r: ApplyReport, url: string): string {
  const req = r.requests;
  const writes = req.writes.metadata + req.writes.core;
  const total = writes + req.reads.metadata + req.reads.core;
  const stats = `${total} requests (${writes} writes${req.retries > 0 ? `, ${req.retries} retried` : ''}) in ${(r.ms / 1000).toFixed(1)} s`;
  const skipped = r.skipped ? `\n${r.skipped.changes.length} workflow change(s) not applied: ${r.skipped.reason}.` : '';
  if (r.ok) return `Deployed to ${url}: ${r.done} change${r.done === 1 ? '' : 's'} applied; ${stats}.${skipped}`;
  if (r.interrupted) return `Interrupted: ${r.done} of ${r.total} changes applied; ${stats}. Run \`bankpack deploy\` again to finish.`;
  const f = r.failure;
  return [
    `Deploy stopped at ${f?.change ?? 'a step'}: ${f?.message ?? 'unknown error'}${f?.hint ? `  (${f.hint})` : ''}`,
    `${r.done} of ${r.total} changes were applied; ${stats}. Fix the cause and run \`bankpack deploy\` again: it continues from what the workspace now holds.`,
  ].join('\n');
}
