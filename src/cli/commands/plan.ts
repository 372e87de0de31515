import type { Command } from 'commander';
import { addConnectionOptions, connect, CONNECTION_HELP, err, useColor, type ConnectionCliOptions } from '../../deploy/cli-support.ts';
import { hasChanges, planToJson, renderPlan } from '../../deploy/index.ts';
import { plan } from '../../ops/index.ts';
import { printFailure } from './print-failure.ts';
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
    .option('--out <file>', 'save the plan to a file, for `bankpack deploy --plan FILE` to apply exactly (no keys in it)')
    .option('--detailed-exitcode', 'exit 0 when nothing would change, 2 when something would, 1 on error')
    .option('--prune', 'show what the pack no longer defines as removals, with the records they hold')
    .option('--locale <locale>', "the language of the labels (default: the pack's defaultLocale; the others become translations)")
    .option('--demo-seeds', 'include seed files marked demo: true')
    .addHelpText('after', `
Examples:
  $ TWENTY_URL=https://crm.bank.example TWENTY_API_KEY=… bankpack plan
  $ bankpack plan --profile production --out plan.json --detailed-exitcode
  $ bankpack deploy --profile production --plan plan.json      # applies exactly that plan

A saved plan (--out) holds every change with what deploy sends for it, and a fingerprint of
the workspace it was made against: \`deploy --plan\` refuses it once the workspace has changed.
${CONNECTION_HELP}

Exit codes: 0 done (with --detailed-exitcode: no changes), 2 changes (with --detailed-exitcode), 1 error or conflicts.`)
    .action(async (opts: PlanCliOptions) => done(await runPlan(opts)));
}

async function runPlan(opts: PlanCliOptions): Promise<number> {
  const conn = await connect(opts);
  if (!conn) return 1;
  const result = await plan({
    dir: opts.dir,
    workspace: conn,
    prune: opts.prune === true,
    includeDemoSeeds: opts.demoSeeds === true,
    ...(opts.locale ? { locale: opts.locale } : {}),
    ...(opts.out ? { out: opts.out } : {}),
  });
  if (!result.ok) return printFailure(result);
  if (opts.json) process.stdout.write(`${JSON.stringify(planToJson(result.plan), null, 2)}\n`);
  else process.stdout.write(renderPlan(result.plan, { color: useColor(process.stdout) }));
  err(`(${result.reads} reads${result.out ? `; plan saved to ${result.out}: apply it with \`bankpack deploy --plan ${result.out}\`` : ''})`);
  if (result.counts.conflict > 0) return 1;
  return opts.detailedExitcode && hasChanges(result.plan) ? 2 : 0;
}
