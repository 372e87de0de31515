// `bankpack plan`, `deploy` and `pull` as an admin runs them, against the sandbox.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { MINI_PACK, miniSandbox, type Sandbox } from './sandbox-helpers.ts';

const KEY = 'tw-cli-test-secret-5f1e9a';
let sb: Sandbox;
let keyFile: string;
let tmp: string;

beforeAll(async () => {
  sb = await miniSandbox({ apiKey: KEY });
  tmp = await mkdtemp(join(tmpdir(), 'bankpack-cli-'));
  keyFile = join(tmp, 'key');
  await writeFile(keyFile, `${KEY}\n`, { mode: 0o600 });
});
afterAll(async () => {
  await sb.close();
});

const run = runCli;

const conn = (): string[] => ['--dir', MINI_PACK, '--url', sb.url, '--api-key-file', keyFile, '--rate-limit', '0'];

describe('bankpack plan / deploy / pull', () => {
  it('plan --detailed-exitcode says 2 when there is work, and shows it grouped by object', async () => {
    const r = await run('plan', ...conn(), '--detailed-exitcode');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^desk\n {2}\+ object desk "网点"/m);
    expect(r.out).toMatch(/Plan: 13 to create, 0 to update, 0 unchanged\./);
  });

  it('plan --json --out prints the plan and saves it without the key', async () => {
    const file = join(tmp, 'plan.json');
    const r = await run('plan', ...conn(), '--json', '--out', file);
    expect(r.code).toBe(0);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { counts: { create: number }; plan: { changes: Array<{ title: string }> } };
    const printed = JSON.parse(r.out) as { counts: unknown; changes: Array<{ title: string }> };
    expect(saved.counts.create).toBe(13);
    expect(printed.counts).toEqual(saved.counts);
    expect(printed.changes.map((c) => c.title)).toEqual(saved.plan.changes.map((c) => c.title));
    expect(await readFile(file, 'utf8')).not.toContain(KEY);
  });

  it('deploy refuses to go ahead off a terminal without --yes', async () => {
    const r = await run('deploy', ...conn());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/pass --yes/);
    expect(sb.requests().filter((q) => q.write)).toEqual([]);
  });

  it('deploy --yes applies the plan with a progress line per step and a summary; then plan says 0', async () => {
    const r = await run('deploy', ...conn(), '--yes');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/\[1\/13\] \+ desk: object desk "网点"/);
    expect(r.err).toMatch(/Deployed to http:\/\/127\.0\.0\.1:\d+: 13 changes applied; \d+ requests \(\d+ writes\)/);
    const again = await run('plan', ...conn(), '--detailed-exitcode');
    expect(again.code).toBe(0);
    const noop = await run('deploy', ...conn(), '--yes');
    expect(noop.err).toMatch(/No changes: the workspace already matches the pack\./);
  });

  it('pull writes the workspace as pack files', async () => {
    const out = join(tmp, 'pulled');
    const r = await run('pull', '--url', sb.url, '--api-key-file', keyFile, '--rate-limit', '0', '--dir', MINI_PACK, '--out', out);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'objects', 'prospect.object.yaml'))).toBe(true);
    expect(existsSync(join(out, 'pack.yaml'))).toBe(true);
    const plan = await run('plan', '--dir', out, '--url', sb.url, '--api-key-file', keyFile, '--rate-limit', '0', '--detailed-exitcode');
    expect(plan.code).toBe(0);
  });

  it('says what is missing when no URL or key is given, and never prints a key', async () => {
    const saved = { url: process.env.TWENTY_URL, key: process.env.TWENTY_API_KEY };
    delete process.env.TWENTY_URL;
    delete process.env.TWENTY_API_KEY;
    try {
      const r = await run('plan', '--dir', MINI_PACK);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/no Twenty URL/);
      expect(r.err).toMatch(/no API key/);
    } finally {
      if (saved.url !== undefined) process.env.TWENTY_URL = saved.url;
      if (saved.key !== undefined) process.env.TWENTY_API_KEY = saved.key;
    }
  });

  it('explains a wrong key as an admin would need it, without echoing it', async () => {
    const wrong = join(tmp, 'wrong-key');
    await writeFile(wrong, 'not-the-right-key-000');
    const r = await run('plan', '--dir', MINI_PACK, '--url', sb.url, '--api-key-file', wrong, '--rate-limit', '0');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Twenty refused the API key/);
    expect(r.err).not.toContain('not-the-right-key-000');
  });

  it('has help with an example for each command', async () => {
    for (const cmd of ['plan', 'deploy', 'pull']) {
      const r = await run(cmd, '--help');
      expect(r.out).toMatch(/Examples:\n {2}\$ .*bankpack/);
    }
  });
});
