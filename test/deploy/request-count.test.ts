// The request figure `bankpack deploy` prints is the server's own count, the
// user-token client's requests (workflow steps) included: checked against the
// sandbox's request log (/_sandbox/requests).
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Sandbox } from 'twenty-sandbox';
import { startWorkflowSandbox } from '../workflows/sandbox.ts';
import { MINI_PACK } from './sandbox-helpers.ts';

let sb: Sandbox;
let tmp: string;
let pack: string;

/** A workflow: its steps are written with the user token, its record with the API key. */
const WORKFLOW = `universalIdentifier: 5b0f3c1e-2a4d-4e6f-8a9b-0c1d2e3f4a5b
name: Weekly desk
trigger:
  type: CRON
  pattern: "0 8 * * 1"
steps:
  - id: desk
    name: Create a desk
    type: CREATE_RECORD
    object: desk
    set:
      name: Weekly desk
`;

beforeAll(async () => {
  sb = await startWorkflowSandbox();
  tmp = await mkdtemp(join(tmpdir(), 'bankpack-count-'));
  await writeFile(join(tmp, 'key'), sb.apiKey, { mode: 0o600 });
  await writeFile(join(tmp, 'user'), sb.userToken, { mode: 0o600 });
  pack = join(tmp, 'pack');
  await cp(MINI_PACK, pack, { recursive: true });
  await mkdir(join(pack, 'workflows'));
  await writeFile(join(pack, 'workflows', 'weekly-desk.workflow.yaml'), WORKFLOW);
});
afterAll(async () => sb.close());

async function run(...args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  try {
    return { code: await main(args), err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

it("prints the number of requests the server received, the user token's included", async () => {
  const before = sb.requests().length;
  const r = await run(
    'deploy',
    '--dir',
    pack,
    '--url',
    sb.url,
    '--api-key-file',
    join(tmp, 'key'),
    '--user-token-file',
    join(tmp, 'user'),
    '--rate-limit',
    '0',
    '--yes',
  );
  expect(r.code, r.err).toBe(0);
  const printed = /; (\d+) requests \(/.exec(r.err)?.[1];
  const received = sb.requests().length - before;
  expect(
    sb
      .requests()
      .slice(before)
      .some((q) => q.operationName === 'BankpackCreateStep'),
  ).toBe(true);
  expect(Number(printed)).toBe(received);
}, 120_000);

it('plans a deployed pack in one metadata read, one per other locale, one records read and one workflows read', async () => {
  const before = sb.requests().length;
  const r = await run(
    'plan',
    '--dir',
    pack,
    '--url',
    sb.url,
    '--api-key-file',
    join(tmp, 'key'),
    '--user-token-file',
    join(tmp, 'user'),
    '--rate-limit',
    '0',
    '--detailed-exitcode',
  );
  expect(r.code, r.err).toBe(0);
  const sent = sb.requests().slice(before);
  expect(sent.map((q) => q.operationName).sort()).toEqual(['BankpackLabels', 'BankpackSeeds', 'BankpackWorkflows', 'BankpackWorkspace']);
  expect(r.err).toContain(`(${sent.length} reads)`);
}, 60_000);
