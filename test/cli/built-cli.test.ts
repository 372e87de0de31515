// The CLI as npm installs it: `npm run build` compiles src/ to dist/, and package.json
// `bin` runs dist/cli/bin.js with plain node (no tsx). The build is incremental, so this
// costs a full compile only when dist/ is missing (CI builds it in `npm ci`'s prepare).
// It checks what a user would hit first: --help, validate on this repository's pack,
// and that both start without the heavy modules only other commands need (issue 17.5).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRecordingLoads } from '../support/loaded-modules.ts';

const exec = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..', '..');
const HEAVY_PACKAGES = /\/node_modules\/(playwright-core|pdf-lib|smtp-server|nodemailer|graphql-request|tsx|twenty-sandbox)\//;
const SANDBOX = /\/twenty-sandbox\//;
/** Engine and command code: what validate never needs. */
const ENGINE = /\/dist\/(deploy|records|twenty|ops|demo|export|scaffold|config)\//;
const LETTERS_ENGINE = /\/dist\/letters\/(send\/|pdf|browser|render|cli-)/;

let bin: string;
const run = (...args: string[]) => runRecordingLoads(bin, args, ROOT);
const offenders = (loaded: string[], ...patterns: RegExp[]): string[] => loaded.filter((url) => patterns.some((p) => p.test(url)));

beforeAll(async () => {
  await exec('npm', ['run', '--silent', 'build'], { cwd: ROOT });
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { bin: { bankpack: string } };
  bin = join(ROOT, pkg.bin.bankpack);
}, 180_000);

describe('the built CLI (package.json bin)', () => {
  it('--help lists every command, loading only the CLI itself and commander', async () => {
    const { code, stdout, loaded } = await run('--help');
    expect(code).toBe(0);
    for (const command of ['validate', 'new', 'sandbox', 'letters', 'plan', 'deploy', 'pull', 'job', 'seed', 'export', 'demo'])
      expect(stdout).toContain(`  ${command}`);
    expect(offenders(loaded, HEAVY_PACKAGES, SANDBOX)).toEqual([]);
    expect(loaded.filter((url) => url.includes('/dist/') && !url.includes('/dist/cli/'))).toEqual([]);
  });

  it('validates the repository pack, loading the pack and its rules but no engine that acts on Twenty', async () => {
    const { code, stdout, loaded } = await run('validate');
    expect(stdout).toContain('pack is valid');
    expect(code).toBe(0);
    expect(loaded.some((url) => url.includes('/dist/pack/'))).toBe(true);
    expect(offenders(loaded, HEAVY_PACKAGES, SANDBOX, ENGINE, LETTERS_ENGINE)).toEqual([]);
  });
});
