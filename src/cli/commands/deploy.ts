import type { Command } from 'commander';
import type { DeployCliOptions } from '../actions/deploy.ts';
import { addConnectionOptions, CONNECTION_HELP } from '../connection-options.ts';
import type { Done } from './types.ts';

export function registerDeploy(program: Command, done: Done): void {
  const cmd = program
    .command('deploy')
    .description('Validate the pack, show the plan, and apply it to the workspace: objects, fields, relations, views, seed records.');
  addConnectionOptions(cmd)
    .option('-y, --yes', 'apply without asking (required when not on a terminal)')
    .option('--json', 'print the plan and the result as JSON on stdout (progress stays on stderr)')
    .option('--plan <file>', 'apply exactly this saved plan (`bankpack plan --out FILE`), refused if the workspace has changed since')
    .option('--prune', 'also remove custom objects, fields and views the pack no longer defines (deactivated, then deleted)')
    .option('--allow-data-loss', 'with --prune: remove even what holds records')
    .option('--locale <locale>', "the language of the labels (default: the pack's defaultLocale)")
    .option('--demo-seeds', 'include seed files marked demo: true')
    .option('--as-app', 'install the schema as a Twenty app through syncApplication first, then deploy what an app cannot carry')
    .addHelpText(
      'after',
      `
Examples:
  $ bankpack deploy --profile staging
  $ bankpack deploy --profile production --yes --json > deploy.json
  $ bankpack deploy --prune --allow-data-loss --yes
  $ bankpack plan --profile production --out plan.json       # review plan.json, then:
  $ bankpack deploy --profile production --plan plan.json --yes
${CONNECTION_HELP}
--as-app: the schema (objects, fields, relations, views, roles, navigation) goes through Twenty's
syncApplication as one app, built by twenty-sdk from \`bankpack export twenty-app\` (the build is
kept in .bankpack/app-build and reused while the pack is unchanged); deploy then carries what an
app cannot (workflows, seed records, translations) the usual way.

With --plan, deploy reads the workspace again and applies the saved plan only if nothing it was
made from has changed; otherwise it names what moved, changes nothing, and asks you to run plan again.
--prune, --locale and --demo-seeds belong to the plan then (\`bankpack plan --out\`).

A deploy that stops half-way (network, server error, Ctrl-C) is finished by running it again.
Exit codes: 0 deployed (or nothing to do), 1 failed or refused, 2 wrong usage (e.g. no --yes off a terminal).`,
    )
    .action(async (opts: DeployCliOptions) => {
      const { runDeploy } = await import('../actions/deploy.ts');
      done(await runDeploy(opts));
    });
}
