// validate keeps its promise (issue 13): 50 mutants of the real pack, drawn with the fixed
// seed, and every mutant a past fuzz run caught (test/fuzz/fixtures): each one is either
// refused by validate with a file:line:col inside a real file, or deploys into a sandbox
// started from the deployed pack's snapshot with a clean plan afterwards.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Mutant } from './catalogue.ts';
import { tally } from './judge.ts';
import { DEFAULT_SEED, reproduction } from './mutants.ts';
import { FIXTURES, fuzz } from './run.ts';

const kept = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => (JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as { mutant: Mutant }).mutant);

describe('mutation fuzzer', () => {
  it(`50 mutants (seed ${DEFAULT_SEED}) and ${kept.length} kept ones: no violation`, async () => {
    const verdicts = await fuzz({ count: 50, seed: DEFAULT_SEED, also: kept });
    const violations = verdicts
      .filter((v) => v.outcome === 'violation')
      .map((v) => `${v.detail.split('\n')[0]}\n  ${reproduction(v.mutant)}`);
    expect(violations).toEqual([]);
    const t = tally(verdicts);
    expect(t.tried).toBeGreaterThanOrEqual(50);
    // Both sides of the promise are exercised: some mutants are refused, some deploy.
    expect(t.rejected).toBeGreaterThan(0);
    expect(t.deployed).toBeGreaterThan(0);
  }, 900_000);
});
