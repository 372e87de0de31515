// `bankpack plan --out FILE` then `bankpack deploy --plan FILE`: the saved plan is applied
// exactly, and refused — with nothing changed — once the workspace has moved since, or
// when the file is not the one plan wrote (Terraform's stale-plan rule).
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CREATE_FIELD } from '../../src/deploy/mutations.ts';
import { readObjects } from '../../src/deploy/read-actual.ts';
import { DEFAULT_SANDBOX_USER_TOKEN } from 'twenty-sandbox';
import { runCli } from '../support/run-cli.ts';
import { clientFor, MINI_PACK, miniSandbox, type Sandbox } from './sandbox-helpers.ts';

const KEY = 'tw-saved-plan-secret-77c1d2';
let sb: Sandbox;
let tmp: string;
let keyFile: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'bankpack-saved-plan-'));
  keyFile = join(tmp, 'key');
  await writeFile(keyFile, `${KEY}\n`, { mode: 0o600 });
});
beforeEach(async () => {
  sb = await miniSandbox({ apiKey: KEY });
});
afterEach(async () => {
  await sb.close();
});

const conn = (): string[] => ['--dir', MINI_PACK, '--url', sb.url, '--api-key-file', keyFile, '--rate-limit', '0'];
const writes = (): number => sb.requests().filter((r) => r.write).length;

/** Someone else adds a field to company in Twenty's UI. */
async function addFieldElsewhere(): Promise<void> {
  const client = clientFor(sb);
  const company = (await readObjects(client)).find((o) => o.nameSingular === 'company');
  await client.metadata(
    CREATE_FIELD,
    { input: { field: { objectMetadataId: company!.id, name: 'addedInTheUi', label: 'Added in the UI', type: 'TEXT' } } },
    { operation: 'add a field', write: true },
  );
}

describe('plan --out, deploy --plan', () => {
  it('applies exactly the saved plan, and a new plan is then clean', async () => {
    const file = join(tmp, 'apply.json');
    const planned = await runCli('plan', ...conn(), '--out', file);
    expect(planned.code).toBe(0);
    expect(planned.err).toContain(`plan saved to ${file}`);
    const saved = JSON.parse(await readFile(file, 'utf8')) as {
      format: string;
      version: number;
      counts: { create: number };
      plan: { changes: Array<{ object: string; title: string }> };
      pack: { fingerprint: string };
      workspace: { fingerprint: string; url: string };
    };
    expect(saved).toMatchObject({ format: 'bankpack-plan', version: 1, counts: { create: 13 }, workspace: { url: sb.url } });
    expect(saved.workspace.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(saved.pack.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(DEFAULT_SANDBOX_USER_TOKEN);

    const before = writes();
    const deployed = await runCli('deploy', ...conn(), '--plan', file, '--yes');
    expect(deployed.err).toMatch(/has not changed since the plan was made/);
    expect(deployed.code).toBe(0);
    // Every change of the saved plan, in its order, and nothing else.
    const applied = [...deployed.err.matchAll(/\[\d+\/13\] [+~-] (.+)$/gm)].map((m) => m[1]);
    expect(applied.sort()).toEqual(saved.plan.changes.map((c) => `${c.object}: ${c.title}`).sort());
    expect(writes()).toBeGreaterThan(before);

    const again = await runCli('plan', ...conn(), '--detailed-exitcode');
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Plan: 0 to create, 0 to update, 17 unchanged\./);
  });

  it('refuses a plan once the workspace has moved, names what moved, and changes nothing', async () => {
    const file = join(tmp, 'stale.json');
    expect((await runCli('plan', ...conn(), '--out', file)).code).toBe(0);
    await addFieldElsewhere();
    const before = writes();
    const r = await runCli('deploy', ...conn(), '--plan', file, '--yes');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/the workspace has changed since the plan in .*stale\.json was made/);
    expect(r.err).toMatch(/moved: object company changed/);
    expect(r.err).toMatch(/Run plan again: `bankpack plan --out .*stale\.json`/);
    expect(writes()).toBe(before);
  });

  it('refuses an edited or corrupted plan file, changing nothing', async () => {
    const file = join(tmp, 'edited.json');
    expect((await runCli('plan', ...conn(), '--out', file)).code).toBe(0);
    const text = await readFile(file, 'utf8');
    const before = writes();

    await writeFile(file, text.replace('"desk"', '"deskx"'));
    const edited = await runCli('deploy', ...conn(), '--plan', file, '--yes');
    expect(edited.code).toBe(1);
    expect(edited.err).toMatch(/edited\.json cannot be applied: it has been edited or corrupted since `bankpack plan --out` wrote it/);

    await writeFile(file, text.slice(0, text.length / 2));
    const cut = await runCli('deploy', ...conn(), '--plan', file, '--yes');
    expect(cut.code).toBe(1);
    expect(cut.err).toMatch(/it is not valid JSON .*truncated or edited\?/);

    await writeFile(file, '{"hello": 1}');
    const other = await runCli('deploy', ...conn(), '--plan', file, '--yes');
    expect(other.err).toMatch(/it is not a saved bankpack plan/);
    expect(writes()).toBe(before);
  });

  it('refuses a plan made for another workspace, and plan options given to deploy --plan', async () => {
    const file = join(tmp, 'other.json');
    expect((await runCli('plan', ...conn(), '--out', file)).code).toBe(0);
    const elsewhere = await miniSandbox({ apiKey: KEY });
    try {
      const r = await runCli(
        'deploy',
        '--dir',
        MINI_PACK,
        '--url',
        elsewhere.url,
        '--api-key-file',
        keyFile,
        '--rate-limit',
        '0',
        '--plan',
        file,
        '--yes',
      );
      expect(r.code).toBe(1);
      expect(r.err).toContain(`was made for ${sb.url}, and this connection is ${elsewhere.url}`);
      expect(elsewhere.requests().filter((q) => q.write)).toEqual([]);
    } finally {
      await elsewhere.close();
    }
    const usage = await runCli('deploy', ...conn(), '--plan', file, '--prune', '--yes');
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/--plan applies the saved plan as it was made/);
  });
});
