// `npm run fuzz`: mutate the real pack one mistake at a time and hold validate to its
// promise (./judge.ts). Options: --count N (default 500), --seed S (default 13),
// --replay '<mutant json>' (one mutant, as printed for a violation). A violation is
// printed as a one-line reproduction and kept in test/fuzz/fixtures/, where the
// in-suite test replays it until it passes. Exit code 1 when any violation is found.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Mutant } from './catalogue.ts';
import { Judge, tally, type Verdict } from './judge.ts';
import { DEFAULT_SEED, drawMutants, reproduction } from './mutants.ts';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
const ROOT = resolve(import.meta.dirname, '..', '..');

/** Judge `mutants` (or `count` drawn with `seed`) against the pack at `root`. */
export async function fuzz(options: {
  root?: string;
  count?: number;
  seed?: number;
  mutants?: Mutant[];
  also?: Mutant[];
  progress?: (v: Verdict, i: number) => void;
}): Promise<Verdict[]> {
  const judge = await Judge.start(options.root ?? ROOT);
  try {
    const mutants = [
      ...(options.mutants ?? drawMutants(judge.files, options.count ?? 500, options.seed ?? DEFAULT_SEED)),
      ...(options.also ?? []),
    ];
    const out: Verdict[] = [];
    for (const [i, m] of mutants.entries()) {
      const v = await judge.judge(m);
      out.push(v);
      options.progress?.(v, i);
    }
    return out;
  } finally {
    await judge.close();
  }
}

/** Keep a violating mutant as a fixture: test/fuzz/fixtures/<hash>.json. */
export async function keepFixture(v: Verdict): Promise<string> {
  const text = `${JSON.stringify({ mutant: v.mutant, found: v.detail.split('\n')[0] }, null, 2)}\n`;
  const name = `${createHash('sha256').update(JSON.stringify(v.mutant)).digest('hex').slice(0, 12)}.json`;
  await mkdir(FIXTURES, { recursive: true });
  await writeFile(join(FIXTURES, name), text);
  return name;
}

async function main(argv: string[]): Promise<number> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const replay = arg('--replay');
  const count = Number(arg('--count') ?? 500);
  const seed = Number(arg('--seed') ?? DEFAULT_SEED);
  const verdicts = await fuzz({
    count,
    seed,
    ...(replay ? { mutants: [JSON.parse(replay) as Mutant] } : {}),
    progress: (v, i) => {
      if (v.outcome === 'violation')
        process.stdout.write(`VIOLATION ${v.mutant.mutation} ${v.mutant.file}: ${v.detail.split('\n')[0]}\n  ${reproduction(v.mutant)}\n`);
      else if (replay) process.stdout.write(`${v.outcome}: ${v.detail}\n`);
      else if ((i + 1) % 50 === 0) process.stderr.write(`fuzz: ${i + 1} mutants judged\n`);
    },
  });
  for (const v of verdicts.filter((x) => x.outcome === 'violation' && !replay))
    process.stdout.write(`kept as test/fuzz/fixtures/${await keepFixture(v)}\n`);
  const t = tally(verdicts);
  process.stdout.write(
    `seed ${seed}: ${t.tried} mutants tried, ${t.rejected} rejected by validate, ${t.deployed} deployed with a clean plan after, ${t.violations} violations (${t.skipped} edits did not apply)\n`,
  );
  return t.violations > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2));
}
