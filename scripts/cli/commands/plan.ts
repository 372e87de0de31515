import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { addConnectionOptions, connect, CONNECTION_HELP, err, loadValidPack, reportError, reportRefProblems, useColor, type ConnectionCliOptions } from '../../deploy/cli-support.ts';
import { countPlan, hasChanges, planToJson, preparePlan, renderPlan } from '../../deploy/index.ts';
import type { Done } from './index.ts';

interface PlanCliOptions extends ConnectionCliOptions {
  json?: boolean;
  out?: string;
  detailedExitcode?: boolean;
  prune?: boolean;
  locale?: string;
  demoSeeds?: boolean;
}

export function registerPlan(program: Command, done: Done): void {
  const cmd = program
    .command('plan')
    .description('Read the workspace and show what `bankpack deploy` would change: + create, ~ update, ! conflict, ? not in pack.');
  addConnectionOptions(cmd)
    .option('--json', 'print the plan as JSON')
    .option('--out <file>', 'also write the plan as JSON to a file')
    .option('--detailed-exitcode', 'exit 0 when nothing would change, 2 when something would, 1 on error')
    .option('--prune', 'show what the pack no longer defines as removals, with the records they hold')
    .option('--locale <locale>', "the language of the labels (default: the pack's defaultLocale; the others become translations)")
    .option('--demo-seeds', 'include seed files marked demo: true')
    .addHelpText('after', `
Examples:
  $ TWENTY_URL=https://crm.bank.example TWENTY_API_KEY=… bankpack plan
  $ bankpack plan --profile production --out plan.json --detailed-exitcode
${CONNECTION_HELP}

Exit codes: 0 done (with --detailed-exitcode: no changes), 2 changes (with --detailed-exitcode), 1 error or conflicts.`)
    .action(async (opts: PlanCliOptions) => done(await runPlan(opts)));
}

async function runPlan(opts: PlanCliOptions): Promise<number> {
  const pack = await loadValidPack(opts.dir);
  if (!pack) return 1;
  const conn = await connect(opts);
  if (!conn) return 1;
  let prepared;
  try {
    prepared = await preparePlan(conn.client, pack, { prune: opts.prune === true, includeDemoSeeds: opts.demoSeeds === true, ...(opts.locale ? { locale: opts.locale } : {}) });
  } catch (e) {
    reportError(e);
    return 1;
  }
  if (prepared.problems.length > 0) {
    reportRefProblems(prepared.problems);
    return 1;
  }
  const { plan } = prepared;
  const json = `${JSON.stringify(planToJson(plan), null, 2)}\n`;
  if (opts.out) await writeFile(opts.out, json);
  if (opts.json) process.stdout.write(json);
  else process.stdout.write(renderPlan(plan, { color: useColor(process.stdout) }));
  const reads = conn.client.counter.snapshot();
  err(`(${reads.reads.metadata + reads.reads.core} reads${opts.out ? `; plan written to ${opts.out}` : ''})`);
  if (countPlan(plan).conflict > 0) return 1;
  return opts.detailedExitcode && hasChanges(plan) ? 2 : 0;
}
