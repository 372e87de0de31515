// One deployed sandbox for the workflow outcome tests: the pack deployed (objects,
// fields, views, the nine workflows activated) and the demo data loaded, built once
// and kept as a workspace file in the OS temp folder; each test file starts its own
// sandbox from a copy, with the workflow executor's clock at a fixed moment.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployPack } from '../../../src/demo/deploy-step.ts';
import { loadSeeds } from '../../../src/deploy/index.ts';
import { validatePack } from '../../../src/validate/index.ts';
import { validPack } from '../../support/valid-pack.ts';
import { TwentyClient } from '../../../src/twenty/client.ts';
import { type Sandbox, startSandbox } from 'twenty-sandbox';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const QUIET = { pacing: { perMinute: 0, burst: 1 } } as const;
/** The demo's moment (src/demo/options.ts DEMO_NOW): a Monday, 2026-11-30 01:00 UTC. */
export const FIXTURE_NOW = '2026-11-30T01:00:00.000Z';

let building: Promise<string> | undefined;

async function build(file: string): Promise<string> {
  // Deploy takes only a ValidPack: the whole pack must validate.
  const pack = await validPack(ROOT);
  const { files } = await validatePack(ROOT);
  const partial = `${file}.${process.pid}.partial`;
  const sb = await startSandbox({ port: 0, statePath: partial, clock: FIXTURE_NOW });
  try {
    const client = new TwentyClient({ url: sb.url, apiKey: sb.apiKey, ...QUIET });
    const user = new TwentyClient({ url: sb.url, apiKey: sb.userToken, ...QUIET });
    const deployed = await deployPack(
      { client, userClient: user },
      ROOT,
      { pack, files },
      join(tmpdir(), `bankpack-fixture-plan-${process.pid}.txt`),
    );
    if (deployed.failure || deployed.workflowFailure) throw new Error(`deploy failed: ${deployed.failure ?? deployed.workflowFailure}`);
    const seeded = await loadSeeds(client, pack, { demo: true });
    if (!seeded.ok) throw new Error(`demo data failed: ${seeded.failure ?? seeded.problems.map((p) => p.message).join('; ')}`);
    await sb.workflows.idle();
  } finally {
    await sb.close();
  }
  renameSync(partial, file);
  return file;
}

/** What the deployed workspace depends on: the pack's files and the code that deploys and serves it. */
const INPUTS = [
  'pack.yaml',
  'objects',
  'fields',
  'views',
  'workflows',
  'seeds',
  'src/deploy',
  'src/ops',
  'src/records',
  'src/workflows',
  'packages/twenty-sandbox',
];

function inputsHash(): string {
  const hash = createHash('sha256');
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) visit(join(path, name));
    else hash.update(path).update(readFileSync(path));
  };
  for (const p of INPUTS) visit(join(ROOT, p));
  return hash.digest('hex').slice(0, 16);
}

/** The path of the deployed workspace file: built once for a given pack and sandbox, then reused (≈ 1 minute to build). */
export function deployedWorkspace(): Promise<string> {
  const dir = join(tmpdir(), 'bankpack-workflow-outcomes');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `workspace-${inputsHash()}.json`);
  building ??= existsSync(file) ? Promise.resolve(file) : build(file);
  return building;
}

/** A sandbox of its own on a copy of the deployed workspace. */
export async function deployedSandbox(options: { smtp?: { host: string; port: number } } = {}): Promise<Sandbox> {
  const source = await deployedWorkspace();
  const copy = `${source}.${Math.random().toString(36).slice(2)}.json`;
  copyFileSync(source, copy);
  return startSandbox({ port: 0, statePath: copy, clock: FIXTURE_NOW, ...options });
}
