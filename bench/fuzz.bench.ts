// The mutation fuzzer's figures (issue 13): mutants of the real pack tried with the fixed
// seed, how many validate refused, how many deployed with a clean plan after, and the
// violations of validate's promise (target 0). `npm run fuzz` runs 500; so does this.
import { tally } from '../test/fuzz/judge.ts';
import { DEFAULT_SEED } from '../test/fuzz/mutants.ts';
import { fuzz } from '../test/fuzz/run.ts';
import type { BenchRow, Benchmark } from './types.ts';

const COUNT = 500;

const bench: Benchmark = {
  name: 'fuzz',
  async run(): Promise<BenchRow[]> {
    const t = tally(await fuzz({ count: COUNT, seed: DEFAULT_SEED }));
    const name = (what: string): string => `fuzz (seed ${DEFAULT_SEED}, ${COUNT} drawn): ${what}`;
    return [
      { name: name('mutants tried'), value: t.tried, unit: 'mutants', target: '>= 500', ok: t.tried >= 500 },
      { name: name('rejected by validate with file:line:col'), value: t.rejected, unit: 'mutants' },
      { name: name('accepted, deployed into the sandbox, plan clean after'), value: t.deployed, unit: 'mutants' },
      {
        name: name('violations (accepted but not deployable, or an error pointing nowhere)'),
        value: t.violations,
        unit: 'mutants',
        target: '0',
        ok: t.violations === 0,
      },
    ];
  },
};

export default bench;
