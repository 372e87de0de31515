// `bankpack job …` as a user runs it: exit codes, the readable report, --json, policy
// problems with file:line, and wrong usage.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, STUB_PACK, startJobSandbox, type JobSandbox } from './sandbox-world.ts';

const exec = promisify(execFile);
let w: JobSandbox;

async function bankpack(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [join(REPO, 'bin/bankpack.mjs'), ...args], {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

beforeAll(async () => {
  w = await startJobSandbox();
  await w.create('companies', 'company', [
    { name: 'Acme', depositBalance: { amountMicros: 4e12, currencyCode: 'CNY' }, clientTier: 'SILVER', contributionScore: 100 },
    { name: 'Beta', depositBalance: { amountMicros: 1e11, currencyCode: 'CNY' } },
  ]);
});
afterAll(async () => w.close());

const connection = (): string[] => ['--url', w.sandbox.url, '--rate-limit', '0', '--dir', STUB_PACK];
const key = (): Record<string, string> => ({ TWENTY_API_KEY: w.sandbox.apiKey });

describe('bankpack job', () => {
  it('prints a readable report of a dry run, exits 0, writes nothing and never shows the key', async () => {
    const before = w.sandbox.requests().filter((r) => r.write).length;
    const r = await bankpack(['job', 'compute-tiers', '--dry-run', '--now', '2025-07-01T08:00:00+08:00', ...connection()], key());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'compute-tiers — Client tiers (客户分级)\n  run at 2025-07-01T00:00:00.000Z · policies/tiers.policy.yaml · DRY RUN: nothing is written',
    );
    expect(r.stdout).toContain('Upgrades (1)\n  • Acme [company]: SILVER → GOLD: score 400 (GOLD from 300)');
    expect(r.stdout).toContain('Would write 2 records in 2 requests (dry run: nothing sent).');
    expect(r.stdout).toMatch(/Requests to Twenty: 2 reads, 0 writes\./);
    expect(r.stdout + r.stderr).not.toContain(w.sandbox.apiKey);
    expect(w.sandbox.requests().filter((x) => x.write).length).toBe(before);
  });

  it('prints JSON with --json and writes the changes', async () => {
    const r = await bankpack(['job', 'compute-tiers', '--json', ...connection()], key());
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      job: string;
      dryRun: boolean;
      counts: Record<string, number>;
      writes: { written: { batches: number; records: number } };
    };
    expect(json).toMatchObject({
      job: 'compute-tiers',
      dryRun: false,
      counts: { upgrades: 1, 'first tiers': 1 },
      writes: { written: { batches: 2, records: 2 } },
    });
    const again = await bankpack(['job', 'compute-tiers', ...connection()], key());
    expect(again.stdout).toContain('Nothing to change.');
  });

  it('exits 1 with file:line problems when a policy is wrong, before reading anything', async () => {
    const before = w.sandbox.requests().length;
    const r = await bankpack(
      ['job', 'assign-leads', '--url', w.sandbox.url, '--rate-limit', '0', '--dir', join(REPO, 'test/jobs/fixtures/bad')],
      key(),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('policies/assignment.policy.yaml:1:8  stage: "PUBLISHD" is not one of');
    expect(r.stderr).toContain('assign-leads did not run: fix its policy first');
    expect(w.sandbox.requests().length).toBe(before);
  });

  it('exits 2 on wrong usage', async () => {
    const period = await bankpack(['job', 'score-assessments', '--period', '2025Q5', ...connection()], key());
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('--period must be a quarter like 2025Q3 or a year like 2025, not "2025Q5"');
    const unknown = await bankpack(['job', 'compute-tiers', '--batch', 'x', ...connection()], key());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--batch'");
  });

  it('exits 1 and says how to connect when no URL is given', async () => {
    const r = await bankpack(['job', 'compute-tiers', '--dir', STUB_PACK], { TWENTY_URL: '', TWENTY_API_KEY: '' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no Twenty URL');
  });
});
