// Every folder under test/fixtures/bad is a pack that is wrong in one known way;
// validation must print exactly the lines of its expected.txt, and never crash.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/pack/index.ts';
import { validatePack } from '../../src/validate/index.ts';

const BAD = join(import.meta.dirname, '..', 'fixtures', 'bad');
const cases = readdirSync(BAD, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('bad packs', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of cases) {
    it(name, async () => {
      let dir = join(BAD, name);
      const maker = join(dir, 'make.mjs');
      if (existsSync(maker)) {
        // Cases with bytes that cannot live in the repo as text build themselves in a temp copy.
        const tmp = await mkdtemp(join(tmpdir(), `bad-${name}-`));
        await cp(dir, tmp, { recursive: true });
        const { make } = (await import(maker)) as { make: (dir: string) => Promise<void> };
        await make(tmp);
        dir = tmp;
      }
      const expected = readFileSync(join(BAD, name, 'expected.txt'), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.startsWith('#'));
      const { problems } = await validatePack(dir);
      expect(problems.map(formatProblem)).toEqual(expected);
    });
  }
});
