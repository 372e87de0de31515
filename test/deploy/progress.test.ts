// Long runs of small requests report progress: a line at least every 2 s and at the end.
import { expect, it } from 'vitest';
import { progressTicker } from '../../src/deploy/progress.ts';

it('reports the count at most every 2 s of work, and always the last one', () => {
  let now = 0;
  const lines: string[] = [];
  const tick = progressTicker(
    (l) => lines.push(l),
    'field labels and translations',
    359,
    () => now,
  );
  for (let i = 0; i < 359; i++) {
    now += 700; // one translation update every 0.7 s, as under a slow link
    tick();
  }
  expect(lines[0]).toBe('    … field labels and translations: 3/359');
  expect(lines.at(-1)).toBe('    … field labels and translations: 359/359');
  // 359 updates over 251 s: never more than 2.1 s between two lines.
  expect(lines.length).toBeGreaterThanOrEqual(Math.floor((359 * 700) / 2100));
});
