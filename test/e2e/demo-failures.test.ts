// When a part of the demo is broken, the demo says which step failed and why, goes on
// with the steps that do not need it, and ends with a non-zero outcome.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOptions, renderDemoSummary, runDemo, type DemoSummary, type SandboxStarter } from '../../src/demo/index.ts';
import { startSandbox } from 'twenty-sandbox';

const REPO = join(import.meta.dirname, '..', '..');
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'bankpack-demo-fail-'));
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

const status = (s: DemoSummary): Record<string, string> => Object.fromEntries(s.steps.map((x) => [x.name, x.status]));

describe('a demo with a broken part', () => {
  it('reports the workflows as failed when the user token is refused, and runs everything else', async () => {
    // The sandbox accepts one user token; the demo is handed another, as with an expired token.
    const starter: SandboxStarter = async (statePath) => {
      const sb = await startSandbox({ port: 0, statePath, userToken: 'the-real-user-token' });
      return { url: sb.url, apiKey: sb.apiKey, userToken: 'an-expired-token', requests: () => sb.requests(), close: () => sb.close() };
    };
    const summary = await runDemo(
      demoOptions({ dir: REPO, state: join(tmp, 'token'), out: join(tmp, 'token-out'), pdf: false }),
      () => undefined,
      { startSandbox: starter },
    );
    const s = status(summary);
    expect(s['deploy the workflows']).toBe('failed');
    expect(summary.steps.find((x) => x.name === 'deploy the workflows')?.detail).toMatch(/workflow/i);
    expect(summary.ok).toBe(false);
    for (const later of [
      'deploy the pack',
      'load the demo data',
      'job compute-tiers',
      'render the greeting letters',
      'send the invitation emails',
    ])
      expect(s[later]).toBe('ok');
    expect(summary.emails?.sent).toBeGreaterThan(0);
    const text = renderDemoSummary(summary);
    expect(text).toContain('What did not work:');
    expect(text).toMatch(/✗ deploy the workflows: /);
  }, 120_000);

  it('stops at validation for a pack with errors, naming the file and line, and lists the rest as skipped', async () => {
    const summary = await runDemo(
      demoOptions({
        dir: join(REPO, 'test/fixtures/bad/r-dangling-relation'),
        state: join(tmp, 'bad'),
        out: join(tmp, 'bad-out'),
        pdf: false,
      }),
      () => undefined,
    );
    expect(summary.steps[0]).toMatchObject({ name: 'validate the pack', status: 'failed' });
    expect(summary.steps[0]?.detail).toMatch(/\.yaml:\d+:\d+/);
    expect(summary.steps.slice(1).every((x) => x.status === 'skipped')).toBe(true);
    expect(summary.steps.map((x) => x.name)).toContain('send the invitation emails');
    expect(summary.ok).toBe(false);
  });
});
