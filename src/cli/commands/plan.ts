import type { Command } from 'commander';
import type { PlanCliOptions } from '../actions/plan.ts';
import { addConnectionOptions, CONNECTION_HELP } from '../connection-options.ts';
import type { Done } from './types.ts';

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
    .option('--as-app', "show the server's own dry run of installing the pack as a Twenty app (syncApplication)")
    .addHelpText(
      'after',
      `
Examples:
  $ TWENTY_URL=https://crm.bank.example TWENTY_API_KEY=… bankpack plan
  $ bankpack plan --profile production --out plan.json --detailed-exitcode
  $ bankpack deploy --profile production --plan plan.json      # applies exactly that plan

A saved plan (--out) holds every change with what deploy sends for it, and a fingerprint of
the workspace it was made against: \`deploy --plan\` refuses it once the workspace has changed.
${CONNECTION_HELP}
--as-app: the schema (objects, fields, relations, views, roles, navigation) goes through Twenty's
syncApplication as one app, built by twenty-sdk from \`bankpack export twenty-app\` (the build is
kept in .bankpack/app-build and reused while the pack is unchanged); plan shows the server's dry run.

Exit codes: 0 done (with --detailed-exitcode: no changes), 2 changes (with --detailed-exitcode), 1 error or conflicts.`,
    )
    .action(async (opts: PlanCliOptions) => {
      const { runPlan } = await import('../actions/plan.ts');
      done(await runPlan(opts));
    });
}
