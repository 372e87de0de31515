// `bankpack --help` and `bankpack validate` start without loading what only other commands
// use: no browser, PDF or mail library, no network client, no sandbox, no deploy or letters
// engine (issue 17.5: these made `bankpack --help` take seconds).
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRecordingLoads } from '../support/loaded-modules.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const HEAVY_PACKAGES = /\/node_modules\/(playwright-core|pdf-lib|smtp-server|nodemailer|graphql-request|twenty-sandbox)\//;
const SANDBOX = /\/test\/sandbox\/|\/packages\/twenty-sandbox\//;
/** Engine and command code: what validate never needs. */
const ENGINE = /\/src\/(deploy|records|twenty|ops|demo|export|scaffold|config)\//;
const LETTERS_ENGINE = /\/src\/letters\/(send\/|pdf|browser|render|cli-)/;

const run = (...args: string[]) => runRecordingLoads(join(ROOT, 'bin', 'bankpack.mjs'), args, ROOT);
const offenders = (loaded: string[], ...patterns: RegExp[]): string[] => loaded.filter((url) => patterns.some((p) => p.test(url)));

describe('what a command loads', () => {
  it('--help lists every command while loading only the CLI itself', async () => {
    const { code, stdout, loaded } = await run('--help');
    expect(code).toBe(0);
    for (const command of ['validate', 'new', 'sandbox', 'letters', 'plan', 'deploy', 'pull', 'job', 'seed', 'export', 'demo']) expect(stdout).toContain(`  ${command}`);
    expect(offenders(loaded, HEAVY_PACKAGES, SANDBOX)).toEqual([]);
    // Nothing of the product outside the CLI's own registration.
    expect(loaded.filter((url) => url.includes('/src/') && !url.includes('/src/cli/'))).toEqual([]);
  });

  it('validate loads the pack and its rules, not the engines that act on Twenty', async () => {
    const { code, stdout, loaded } = await run('validate');
    expect(stdout).toContain('pack is valid');
    expect(code).toBe(0);
    expect(offenders(loaded, HEAVY_PACKAGES, SANDBOX, ENGINE, LETTERS_ENGINE)).toEqual([]);
  });
});
