import type { Command } from 'commander';
import type { PullCliOptions } from '../actions/pull.ts';
import { addConnectionOptions, CONNECTION_HELP } from '../connection-options.ts';
import type { Done } from './types.ts';

export function registerPull(program: Command, done: Done): void {
  const cmd = program
    .command('pull')
    .description(
      "Write the workspace's custom objects, fields, views and roles as pack YAML, to bring what was built in Twenty's UI under the pack.",
    );
  addConnectionOptions(cmd)
    .option('--out <dir>', 'where to write (default: the pack folder, --dir)')
    .option('--overwrite', 'replace files that already exist (default: keep them)')
    .addHelpText(
      'after',
      `
Writes objects/<name>.object.yaml, fields/<object>-<field>.field.yaml (custom fields of
standard objects), views/<object>-<id>.view.yaml (their views), roles/<label>-<id>.role.yaml
(roles made in the workspace; not Twenty's Admin nor its default Member role), and
pack.yaml when the folder has none. A pulled view or role keeps its workspace id as
universalIdentifier.
A pull followed by \`bankpack plan --dir <out>\` shows no changes.

Examples:
  $ bankpack pull --profile staging --out ./pulled
  $ bankpack pull --url http://127.0.0.1:3000 --overwrite
${CONNECTION_HELP}

Exit codes: 0 written, 1 failed.`,
    )
    .action(async (opts: PullCliOptions) => {
      const { runPull } = await import('../actions/pull.ts');
      done(await runPull(opts));
    });
}
