// `npm run bench`: run every benchmark of the project, print a table, write
// bench/results.md and bench/results.json. Figures are ratios or counts against a
// baseline measured in the same run, so they hold on a noisy machine.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchRow, Benchmark } from './types.ts';

const here = import.meta.dirname;
const only = process.argv.slice(2);

const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts')).sort();
const rows: BenchRow[] = [];
for (const file of files) {
  const mod = (await import(join(here, file))) as { default: Benchmark };
  if (only.length > 0 && !only.some((o) => file.includes(o))) continue;
  process.stderr.write(`bench: ${mod.default.name}…\n`);
  rows.push(...(await mod.default.run()));
}

const fmt = (n: number | undefined): string => (n === undefined ? '' : Number.isInteger(n) ? String(n) : n.toFixed(2));
const lines = [
  '| benchmark | value | unit | baseline | ratio | target | ok |',
  '|---|---:|---|---:|---:|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.value)} | ${r.unit} | ${r.baseline === undefined ? '' : `${fmt(r.baseline)} (${r.baselineName ?? ''})`} | ${fmt(r.ratio)} | ${r.target ?? ''} | ${r.ok === undefined ? '' : r.ok ? 'yes' : 'NO'} |`,
  ),
];
const md = `# Benchmark results\n\nMachine: ${process.platform} ${process.arch}, Node ${process.version}, ${new Date().toISOString()}\n\n${lines.join('\n')}\n`;
process.stdout.write(`${lines.join('\n')}\n`);
if (only.length === 0) {
  await writeFile(join(here, 'results.md'), md);
  await writeFile(join(here, 'results.json'), `${JSON.stringify(rows, null, 2)}\n`);
}
