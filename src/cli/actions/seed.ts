// `bankpack seed` at work: calls the seed op and prints the counts.
import { connect, err, type ConnectionCliOptions, type ObjectSeedCounts } from '../../deploy/index.ts';
import { seed } from '../../ops/index.ts';
import { printFailure } from './print-failure.ts';

export interface SeedCliOptions extends ConnectionCliOptions {
  demo?: boolean;
  json?: boolean;
}

export async function runSeed(opts: SeedCliOptions): Promise<number> {
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
  if (opts.json)
    process.stdout.write(`${JSON.stringify({ ok: result.ok, counts: result.counts, problems: result.problems.length }, null, 2)}\n`);
  else process.stdout.write(renderCounts(result.counts));
  return result.ok ? 0 : 1;
}

function renderCounts(counts: readonly ObjectSeedCounts[]): string {
  const lines = counts.map((c) => {
    const parts = [
      `${c.created} created`,
      c.demo ? '' : `${c.updated} updated`,
      `${c.unchanged} unchanged`,
      c.kept > 0 ? `${c.kept} changed since loading, kept` : '',
    ].filter(Boolean);
    return `  ${c.object.padEnd(22)} ${c.demo ? 'demo     ' : 'reference'}  ${parts.join(', ')}`;
  });
  const created = counts.reduce((n, c) => n + c.created, 0);
  const updated = counts.reduce((n, c) => n + c.updated, 0);
  return `${lines.join('\n')}\n${created + updated === 0 ? 'No changes: every seed record is there.' : `${created} record(s) created, ${updated} updated.`}\n`;
}
