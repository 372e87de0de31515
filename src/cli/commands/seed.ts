// `bankpack seed [--demo]`: the pack's reference records upserted by their natural key
// (deploy does this too); with --demo, the demo set as well, created once and then left
// as it is. Relation values (`branch: { code: SH-PD }`) are resolved to record ids.
// The seed phase itself is the engine's (src/deploy/seed), run by the seed op; this only prints.
import type { Command } from 'commander';
import { addConnectionOptions, connect, CONNECTION_HELP, err, type ConnectionCliOptions } from '../../deploy/cli-support.ts';
import type { ObjectSeedCounts } from '../../deploy/index.ts';
import { seed } from '../../ops/index.ts';
import { printFailure } from './print-failure.ts';
import type { Done } from './index.ts';

interface SeedCliOptions extends ConnectionCliOptions {
  demo?: boolean;
  json?: boolean;
}

export function registerSeed(program: Command, done: Done): void {
  const cmd = program.command('seed').description("Load the pack's seed records: reference data (branches, products…), and with --demo the demo set.");
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
    .action(async (opts: SeedCliOptions) => done(await runSeed(opts)));
}

async function runSeed(opts: SeedCliOptions): Promise<number> {
  const conn = await connect(opts);
  if (!conn) return 1;
  const result = await seed({
    dir: opts.dir,
    workspace: conn,
    demo: opts.demo === true,
    onProgress: (p) => err(`  seed layer ${p.layer}/${p.layers}: ${p.objects.join(', ')} — ${p.written} record(s) written`),
  });
  if (!('counts' in result)) return printFailure(result);
  if (!result.ok) printFailure(result);
  if (opts.json) process.stdout.write(`${JSON.stringify({ ok: result.ok, counts: result.counts, problems: result.problems.length }, null, 2)}\n`);
  else process.stdout.write(renderCounts(result.counts));
  return result.ok ? 0 : 1;
}

function renderCounts(counts: readonly ObjectSeedCounts[]): string {
  const lines = counts.map((c) => {
    const parts = [`${c.created} created`, c.demo ? '' : `${c.updated} updated`, `${c.unchanged} unchanged`, c.kept > 0 ? `${c.kept} changed since loading, kept` : ''].filter(Boolean);
    return `  ${c.object.padEnd(22)} ${c.demo ? 'demo     ' : 'reference'}  ${parts.join(', ')}`;
  });
  const created = counts.reduce((n, c) => n + c.created, 0);
  const updated = counts.reduce((n, c) => n + c.updated, 0);
  return `${lines.join('\n')}\n${created + updated === 0 ? 'No changes: every seed record is there.' : `${created} record(s) created, ${updated} updated.`}\n`;
}
