// Exactly once across machines, with the real parts: `bankpack letters send` in
// child processes killed with SIGKILL at seeded moments (MAIL FROM, end of DATA,
// right after the 250), reruns with the local send log deleted, two senders at
// once, and Twenty failing between the claim and the send (sandbox faults).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledTemplate } from '../../src/letters/compile.ts';
import { compileTemplate } from '../../src/letters/compile.ts';
import { mulberry32 } from '../../src/jobs/prng.ts';
import { prepareTemplate, type PreparedTemplate } from '../../src/letters/prepare.ts';
import { smtpMailer, type Mailer } from '../../src/letters/send/mailer.ts';
import { runSend, type SendReport } from '../../src/letters/send/run-send.ts';
import { SendLog } from '../../src/letters/send/send-log.ts';
import { templateSet } from '../../src/letters/template-set.ts';
import { readAll, recordsPort } from '../../src/records/index.ts';
import { TwentyClient } from '../../src/twenty/index.ts';
import { loadPack, miniPack, tempDir, type LoadedPack } from './pack-fixture.ts';
import { createRecords, startPackSandbox, type PackSandbox } from './sandbox-pack.ts';
import { startTestSmtp, type Phase, type TestSmtp } from './smtp-test-server.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'bankpack.mjs');
const N = 5;
const SEED = 20261205;
/** Kill points per run of the suite; BANKPACK_KILLS=20 for the full set (each is a child process, ~15 s on a busy 2-core machine). */
const KILLS = Number(process.env.BANKPACK_KILLS ?? 4);
const UNSUBSCRIBE = { mailto: 'unsubscribe@bank.example', url: 'https://bank.example/unsubscribe?r={id}' };
let dir: string;
let loaded: LoadedPack;
let welcome: CompiledTemplate;
let env: PackSandbox;
let smtp: TestSmtp;
let mailer: Mailer;

beforeAll(async () => {
  const settings = (await readFile(join(import.meta.dirname, '..', '..', 'settings', 'bank.yaml'), 'utf8')).replace(
    '# yaml-language-server: $schema=../schemas/settings.schema.json\n',
    '',
  );
  // A template of this test's own: what it checks is the sending, not the wording rules.
  const welcomeText =
    '---\ndescription: 致个人客户的问候邮件\nobject: person\nsubject: "{{honorific person}}，您好"\ntopic: GREETING\n---\n<p>{{salutation person}}：</p>\n<p>感谢您选择测试银行。</p>\n';
  dir = await miniPack({ 'settings/bank.yaml': settings, 'templates/emails/welcome.hbs': welcomeText });
  loaded = await loadPack(dir);
  const set = templateSet(loaded.pack.templates);
  welcome = compileTemplate(
    prepareTemplate(set.documents.get('emails/welcome')!, set, loaded.catalogue) as PreparedTemplate,
    loaded.catalogue,
  );
  env = await startPackSandbox(loaded.pack);
  smtp = await startTestSmtp();
  mailer = await smtpMailer({ host: '127.0.0.1', port: smtp.port, tls: 'none', from: '测试银行 <marketing@bank.example>' });
  const companyId = randomUUID();
  await createRecords(env.client, { nameSingular: 'company', namePlural: 'companies' }, [{ id: companyId, name: '上海精密仪器有限公司' }]);
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
  mailer?.close();
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
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** A rerun in this process with a new, empty local send log (another machine). */
async function rerun(campaign: string, extra: { resendUnknown?: boolean; client?: TwentyClient } = {}): Promise<SendReport> {
  const log = SendLog.open(join(await tempDir('log-'), `${campaign}.jsonl`));
  const client = extra.client ?? env.client;
  try {
    return await runSend({
      template: welcome,
      catalogue: loaded.catalogue,
      records: recordsPort(client),
      query: {},
      campaign,
      vars: { today: '2026-11-28', campaign },
      log,
      mailer,
      unsubscribe: UNSUBSCRIBE,
      ...(extra.resendUnknown ? { resendUnknown: true } : {}),
    });
  } finally {
    log.close();
  }
}

/** Deliveries per address, and each delivery's Message-ID. */
function deliveries(): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const r of smtp.received) by.set(r.envelopeTo[0]!, [...(by.get(r.envelopeTo[0]!) ?? []), r.mail.messageId ?? '']);
  return by;
}

const ALL = Array.from({ length: N }, (_, i) => `li${i}@example.com`);

describe('letters send: exactly once across machines', () => {
  it('sends with List-Unsubscribe (https and mailto), One-Click, the person in To and a Message-ID that names the send key', async () => {
    smtp.reset();
    const report = await rerun('headers');
    expect(report.sent).toHaveLength(N);
    const mail = smtp.received.find((r) => r.envelopeTo[0] === 'li1@example.com')!.mail;
    const header = (name: string): string => String(mail.headers.get(name) ?? '');
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/\r\n\s+/g, ' ')).toMatch(
      /^List-Unsubscribe: <https:\/\/bank\.example\/unsubscribe\?r=[0-9a-f-]{36}>, <mailto:unsubscribe@bank\.example>$/,
    );
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.to).toMatchObject({ value: [{ name: '李1', address: 'li1@example.com' }] });
    expect(mail.messageId).toBe(`<${header('x-bankpack-send-key')}@bank.example>`);
  });

  it('two senders with separate local logs on one campaign at once: every recipient exactly once', async () => {
    smtp.reset();
    const args = (log: string): string[] => [
      'letters',
      'send',
      '--template',
      'emails/welcome',
      '--campaign',
      'two-senders',
      '--rate',
      '100/s',
      '--send-log',
      log,
    ];
    const logs = await tempDir('two-');
    const [a, b] = await Promise.all([bankpack(args(join(logs, 'a.jsonl'))).done, bankpack(args(join(logs, 'b.jsonl'))).done]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    expect([...deliveries().values()].map((ids) => ids.length)).toEqual(ALL.map(() => 1));
    expect(deliveries().size).toBe(N);
  }, 60_000);

  it(`killed with SIGKILL at ${KILLS} seeded moments: a rerun elsewhere sends nothing twice and lists the rest; --resend-unknown sends each at most twice, with the same Message-ID`, async () => {
    const random = mulberry32(SEED); // the kill points can be replayed from SEED
    const phases: Phase[] = ['mail', 'data', 'accepted'];
    const logs = await tempDir('kill-');
    for (let i = 0; i < KILLS; i++) {
      const k = 1 + Math.floor(random() * N);
      const phase = phases[Math.floor(random() * phases.length)]!;
      const serverKeepsIt = random() < 0.5;
      const campaign = `kill-${i}`;
      const where = `kill ${i}: message ${k} at ${phase}${phase === 'data' ? (serverKeepsIt ? ', kept' : ', dropped') : ''}`;
      smtp.reset();
      const logPath = join(logs, `${campaign}.jsonl`);
      const first = bankpack([
        'letters',
        'send',
        '--template',
        'emails/welcome',
        '--campaign',
        campaign,
        '--rate',
        '200/s',
        '--send-log',
        logPath,
      ]);
      smtp.at = async (n, p) => {
        if (n !== k || p !== phase) return;
        first.child.kill('SIGKILL');
        await first.done;
      };
      smtp.decide = (n) => (n === k && phase === 'data' && !serverKeepsIt ? 'refuse' : 'accept');
      const crashed = await first.done;
      expect(crashed.signal, `${where}: ${crashed.stderr}`).toBe('SIGKILL');
      smtp.at = () => undefined;
      smtp.decide = () => 'accept';
      await rm(logPath, { force: true });

      const again = await rerun(campaign);
      const once = deliveries();
      const unknown = new Set(again.unknown.map((u) => u.address));
      for (const address of ALL) {
        expect(once.get(address)?.length ?? 0, `${where}: ${address}`).toBeLessThanOrEqual(1);
        expect(once.has(address) || unknown.has(address), `${where}: ${address} delivered or listed`).toBe(true);
      }
      await rerun(campaign, { resendUnknown: true });
      for (const address of ALL) {
        const ids = deliveries().get(address) ?? [];
        expect(ids.length, `${where}: ${address} after --resend-unknown`).toBeGreaterThanOrEqual(1);
        expect(ids.length, `${where}: ${address} after --resend-unknown`).toBeLessThanOrEqual(2);
        expect(new Set(ids).size, `${where}: ${address} one Message-ID`).toBe(1);
      }
    }
  }, 240_000);

  it('Twenty failing between claim and send (a dropped answer, a 503) leaves no email sent without its claim', async () => {
    const client = new TwentyClient({
      url: env.sandbox.url,
      apiKey: env.sandbox.apiKey,
      pacing: { perMinute: 0, burst: 1 },
      backoff: { baseMs: 1, capMs: 5 },
    });
    const object = loaded.catalogue.objects.get('contactLog')!;
    const faults = [
      { kind: 'drop', phase: 'after' },
      { kind: 'drop', phase: 'before' },
      { kind: 'http503', phase: 'after' },
      { kind: 'http503', phase: 'before' },
    ] as const;
    for (const [f, fault] of faults.entries()) {
      for (const at of [3, 4, 5]) {
        const campaign = `twenty-down-${f}-${at}`;
        smtp.reset();
        env.sandbox.setFaults([{ kind: fault.kind, phase: fault.phase, at, endpoint: '/graphql' }]);
        const report = await rerun(campaign, { client });
        env.sandbox.setFaults([]);
        const claims = await readAll(env.client, { object, fields: ['sendKey', 'sendStatus'], filter: { campaign: { eq: campaign } } });
        const claimed = new Set(claims.map((c) => c.sendKey));
        for (const r of smtp.received)
          expect(
            claimed.has(String(r.mail.headers.get('x-bankpack-send-key'))),
            `${fault.kind} ${fault.phase} at ${at}: ${JSON.stringify({ sent: report.sent.length, aborted: report.aborted, claims })}`,
          ).toBe(true);
        expect(new Set(smtp.received.map((r) => r.envelopeTo[0])).size).toBe(smtp.received.length);
      }
    }
  }, 60_000);
});
