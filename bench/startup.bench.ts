// How long `bankpack` takes to start (issue 17.5): the built CLI (package.json bin,
// dist/cli/bin.js, after `npm run build`) beside a bare node start that loads commander
// and prints a help text — the floor for any commander CLI — and `validate` built beside
// `validate` through tsx from the sources. Processes run in turns so that each sees the
// same load on a busy machine; figures are medians of wall time.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { BenchRow, Benchmark } from './types.ts';

const exec = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const RUNS = 9;
const BARE = `import { Command } from 'commander';
const p = new Command('bankpack').description('a bare commander start');
p.command('validate').description('check the pack');
p.outputHelp();`;

async function wallMs(args: string[]): Promise<number> {
  const t = performance.now();
  await exec(process.execPath, args, { cwd: ROOT });
  return performance.now() - t;
}

/** Median wall time of each command, run in turns. */
async function medians(commands: string[][]): Promise<number[]> {
  const times = commands.map((): number[] => []);
  for (let i = 0; i < RUNS; i++) for (const [k, c] of commands.entries()) times[k]!.push(await wallMs(c));
  return times.map((xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
}

const bench: Benchmark = {
  name: 'startup',
  async run(): Promise<BenchRow[]> {
    await exec('npm', ['run', '--silent', 'build'], { cwd: ROOT });
    const built = join(ROOT, 'dist', 'cli', 'bin.js');
    const sources = join(ROOT, 'bin', 'bankpack.mjs');
    const [bare, help, validate, validateTsx] = await medians([
      ['--input-type=module', '-e', BARE],
      [built, '--help'],
      [built, 'validate'],
      [sources, 'validate'],
    ]);
    const ms = (n: number): number => Math.round(n);
    return [
      {
        name: 'startup: bankpack --help (built)',
        value: ms(help!),
        unit: 'ms',
        baseline: ms(bare!),
        baselineName: 'node + commander',
        ratio: help! / bare!,
        target: 'ratio <= 3',
        ok: help! / bare! <= 3,
      },
      {
        name: 'startup: bankpack validate, repo pack (built)',
        value: ms(validate!),
        unit: 'ms',
        baseline: ms(validateTsx!),
        baselineName: 'validate through tsx',
        ratio: validate! / validateTsx!,
        target: 'ratio <= 1.5',
        ok: validate! / validateTsx! <= 1.5,
      },
      {
        name: 'startup: bankpack validate, repo pack (built), against a bare start',
        value: ms(validate!),
        unit: 'ms',
        baseline: ms(bare!),
        baselineName: 'node + commander',
        ratio: validate! / bare!,
      },
    ];
  },
};

export default bench;
