// `bankpack seed [--demo]`: the pack's reference records upserted by their natural key
// (deploy does this too); with --demo, the demo set as well, created once and then left
// as it is. Relation values (`branch: { code: SH-PD }`) are resolved to record ids.
// The seed phase itself is the engine's (src/deploy/seed), run by the seed op; this only prints.
import type { Command } from 'commander';
import type { SeedCliOptions } from '../actions/seed.ts';
import { addConnectionOptions, CONNECTION_HELP } from '../connection-options.ts';
import type { Done } from './types.ts';

export function registerSeed(program: Command, done: Done): void {
  const cmd = program
    .command('seed')
    .description("Load the pack's seed records: reference data (branches, products…), and with --demo the demo set.");
  addConnectionOptions(cmd)
    .option('--demo', 'also load the demo data set (seed files marked demo: true)')
    .option('--json', 'print the counts as JSON')
    .addHelpText(
      'after',
      `
Reference records are upserted: created when missing, updated where the pack's values differ.
Demo records are created once: a record already there (same natural key) is left as it is,
so a second run creates nothing and keeps what the jobs or people changed since.

Examples:
  $ bankpack seed
  $ bankpack seed --demo --profile staging
${CONNECTION_HELP}

Exit codes: 0 loaded, 1 a record could not be loaded or a request failed, 2 wrong usage.`,
    )
    .action(async (opts: SeedCliOptions) => {
      const { runSeed } = await import('../actions/seed.ts');
      done(await runSeed(opts));
    });
}
