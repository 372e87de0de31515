// `bankpack letters …` as a user runs it, in a child process: render prints its
// summary and writes the files; wrong input is named. (Sends killed mid-way:
// send-crash.test.ts.)
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPack, miniPack, type LoadedPack, tempDir } from './pack-fixture.ts';
import { createRecords, startPackSandbox, type PackSandbox } from './sandbox-pack.ts';
import { startTestSmtp, type TestSmtp } from './smtp-test-server.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'bankpack.mjs');
const N = 12;
let dir: string;
let loaded: LoadedPack;
let env: PackSandbox;
let smtp: TestSmtp;

beforeAll(async () => {
  dir = await miniPack();
  loaded = await loadPack(dir);
  env = await startPackSandbox(loaded.pack);
  smtp = await startTestSmtp();
  const companyId = randomUUID();
  await createRecords(env.client, { nameSingular: 'company', namePlural: 'companies' }, [
    {
      id: companyId,
      name: '上海精密仪器有限公司',
      clientTier: 'PLATINUM',
      depositBalance: { amountMicros: 1_000_050_000, currencyCode: 'CNY' },
    },
    { name: '无存款公司', clientTier: 'PLATINUM' },
  ]);
  await createRecords(
    env.client,
    { nameSingular: 'person', namePlural: 'people' },
    Array.from({ length: N }, (_, i) => ({
      name: { firstName: `${i}`, lastName: '李' },
      gender: 'FEMALE',
      emails: { primaryEmail: `li${i}@example.com` },
      companyId,
    })),
  );
}, 60_000);

afterAll(async () => {
  await smtp?.close();
  await env?.close();
});

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function bankpack(args: string[]): Run {
  const child = spawn(process.execPath, [BIN, ...args, '--dir', dir, '--rate-limit', '0'], {
    env: {
      ...process.env,
      TWENTY_URL: env.sandbox.url,
      TWENTY_API_KEY: env.sandbox.apiKey,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_TLS: 'none',
      SMTP_FROM: '测试银行 <marketing@bank.example>',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

describe('bankpack letters (CLI)', () => {
  it('render writes the letters and prints a summary naming the letter that misses a value', async () => {
    const out = await tempDir('letters-cli-');
    const run = await bankpack([
      'letters',
      'render',
      '--template',
      'greeting',
      '--where',
      'clientTier=PLATINUM',
      '--out',
      out,
      '--date',
      '2026-11-28',
    ]).done;
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('1 letter of 2 rendered from letters/greeting');
    expect(run.stdout).toContain('1 letter not rendered, a value is missing');
    expect(run.stdout).toMatch(/无存款公司 \([0-9a-f]{8}\):\n\s+company\.depositBalance is empty — templates\/letters\/greeting\.hbs:8:51/);
    expect(run.stdout).toContain('recipients read in 1 request');
    expect((await readdir(out)).filter((f) => f.endsWith('.html'))).toHaveLength(1);
  }, 60_000);

  it('names a wrong --where and a wrong template, and asks for a campaign', async () => {
    const where = await bankpack(['letters', 'render', '--template', 'greeting', '--where', 'clientTeir=PLATINUM', '--out', '/tmp/x']).done;
    expect(where.code).toBe(1);
    expect(where.stderr).toContain('--where, column 1: `clientTeir` is not a field of company  (did you mean "clientTier"?)');
    const template = await bankpack(['letters', 'render', '--template', 'greting', '--out', '/tmp/x']).done;
    expect(template.stderr).toContain('no template "greting"  (did you mean "greeting"?)');
    const campaign = await bankpack(['letters', 'send', '--template', 'emails/welcome']).done;
    expect(campaign.code).toBe(2);
    expect(campaign.stderr).toContain('letters send needs --campaign NAME');
  }, 60_000);
});
