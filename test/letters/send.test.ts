// `letters send` against a real SMTP server (smtp-server, read back with
// mailparser) and the sandbox: what arrives, what is skipped, what is logged on the
// client, and that a re-run after a failure sends each email exactly once.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/letters/catalogue.ts';
import { compileTemplate, type CompiledTemplate } from '../../src/letters/compile.ts';
import { prepareTemplate, type PreparedTemplate } from '../../src/letters/prepare.ts';
import { smtpMailer, type Mailer } from '../../src/letters/send/mailer.ts';
import { runSend, type SendRunOptions } from '../../src/letters/send/run-send.ts';
import { SendLog } from '../../src/letters/send/send-log.ts';
import { templateSet } from '../../src/letters/template-set.ts';
import { readAll } from '../../src/records/reader.ts';
import { recordsPort } from '../../src/records/index.ts';
import { loadPack, miniPack, tempDir } from './pack-fixture.ts';
import { createRecords, startPackSandbox, type PackSandbox } from './sandbox-pack.ts';
import { startTestSmtp, type TestSmtp } from './smtp-test-server.ts';

let env: PackSandbox;
let smtp: TestSmtp;
let catalogue: Catalogue;
let welcome: CompiledTemplate;
let mailer: Mailer;
const companyId = randomUUID();
const person = (i: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: { firstName: `${i}号`, lastName: '张' },
  gender: i % 2 === 0 ? 'FEMALE' : 'MALE',
  emails: { primaryEmail: `client${i}@example.com`, additionalEmails: null },
  companyId,
  jobTitle: 'VIP',
  ...extra,
});

beforeAll(async () => {
  const loaded = await loadPack(await miniPack());
  catalogue = loaded.catalogue;
  const set = templateSet(loaded.pack.templates);
  welcome = compileTemplate(prepareTemplate(set.documents.get('emails/welcome')!, set, catalogue) as PreparedTemplate, catalogue);
  env = await startPackSandbox(loaded.pack);
  smtp = await startTestSmtp();
  mailer = await smtpMailer({ host: '127.0.0.1', port: smtp.port, tls: 'none', from: '测试银行 <marketing@bank.example>' });
  await createRecords(env.client, { nameSingular: 'company', namePlural: 'companies' }, [{ id: companyId, name: '上海精密仪器有限公司' }]);
  await createRecords(env.client, { nameSingular: 'person', namePlural: 'people' }, [
    ...Array.from({ length: 8 }, (_, i) => person(i + 1)),
    person(90, { jobTitle: 'NOADDR', emails: { primaryEmail: '', additionalEmails: null } }),
    person(91, { jobTitle: 'OPTOUT', marketingOptOut: true }),
  ]);
}, 60_000);

afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await env?.close();
});

beforeEach(() => smtp.reset());

async function options(campaign: string, extra: Partial<SendRunOptions> = {}): Promise<SendRunOptions> {
  const log = SendLog.open(join(await tempDir('send-log-'), `${campaign}.jsonl`));
  return {
    template: welcome,
    catalogue,
    records: recordsPort(env.client),
    query: {},
    campaign,
    vars: { today: '2026-11-28', campaign },
    log,
    mailer,
    ...extra,
  };
}

async function contactLogs(campaign: string): Promise<Array<Record<string, unknown>>> {
  const object = catalogue.objects.get('contactLog')!;
  return readAll(env.client, {
    object,
    fields: [
      'id',
      'channel',
      'campaign',
      'template',
      'sendKey',
      'personId',
      'companyId',
      'contactedAt',
      'name',
      'sendStatus',
      'smtpReply',
      'messageId',
      'claimedAt',
      'claimedBy',
    ],
    filter: { campaign: { eq: campaign } },
  });
}

describe('letters send', () => {
  it('delivers one email per recipient with subject, HTML and text parts in Chinese, and logs each on the client', async () => {
    const o = await options('welcome-1');
    const before = env.client.counter.snapshot();
    const report = await runSend(o);
    const after = env.client.counter.snapshot();
    // The ledger in one batch: the campaign's logs read, opt-outs read again, the claims, the outcomes.
    expect(after.writes.core - before.writes.core).toBe(2);
    expect((after.readsByKind['records:contactLog'] ?? 0) - (before.readsByKind['records:contactLog'] ?? 0)).toBe(1);
    expect(report.sent).toHaveLength(8);
    expect(report.noAddress.map((r) => r.name)).toEqual(['张90号']);
    expect(report.optedOut.map((r) => r.name)).toEqual(['张91号']);
    expect(smtp.received).toHaveLength(8);

    const first = smtp.received.find((r) => r.envelopeTo[0] === 'client1@example.com')!;
    expect(first.mail.subject).toBe('张先生，您好：来自测试银行的问候');
    expect(first.mail.from?.text).toBe('"测试银行" <marketing@bank.example>');
    expect(first.mail.html).toContain('尊敬的张先生：');
    expect(first.mail.html).toContain('我们为张1号准备了新年礼品');
    expect(first.mail.text).toContain('尊敬的张先生：');
    expect(first.mail.text).toContain('如不希望再收到此类邮件，请回复“退订”。');
    expect(smtp.received.find((r) => r.envelopeTo[0] === 'client2@example.com')!.mail.subject).toBe('张女士，您好：来自测试银行的问候');
    expect(first.mail.messageId).toMatch(/^<[0-9a-f]{32}@bank\.example>$/);

    const logs = await contactLogs('welcome-1');
    expect(logs).toHaveLength(8);
    expect(new Set(logs.map((l) => l.sendKey)).size).toBe(8);
    expect(logs.every((l) => l.channel === 'EMAIL' && l.companyId === companyId && typeof l.personId === 'string')).toBe(true);
    expect(logs[0]!.template).toBe(`emails/welcome@${welcome.prepared.version}`);
    expect(report.logged).toBe(8);
    o.log.close();
  });

  it('sends nothing twice in the same campaign, even with the local send log gone (the CRM remembers)', async () => {
    const o = await options('welcome-2');
    expect((await runSend(o)).sent).toHaveLength(8);
    const again = await runSend(o);
    expect(again.sent).toHaveLength(0);
    expect(again.alreadySent).toHaveLength(8);
    const fresh = await options('welcome-2'); // a new, empty local log
    const third = await runSend(fresh);
    expect(third.sent).toHaveLength(0);
    expect(smtp.received).toHaveLength(8);
    expect(await contactLogs('welcome-2')).toHaveLength(8);
  });

  it('after a refused message, a re-run sends exactly the ones not delivered', async () => {
    smtp.decide = (n) => (n === 3 || n === 6 ? 'refuse' : 'accept');
    const o = await options('welcome-3');
    const first = await runSend(o);
    expect(first.sent).toHaveLength(6);
    expect(first.failed).toHaveLength(2);
    expect(first.failed[0]!.error).toMatch(/451/);
    smtp.decide = () => 'accept';
    const second = await runSend(o);
    expect(second.sent).toHaveLength(2);
    expect(second.alreadySent).toHaveLength(6);
    const delivered = smtp.received.map((r) => r.envelopeTo[0]);
    expect(delivered).toHaveLength(8);
    expect(new Set(delivered).size).toBe(8);
    // The ledger keeps each attempt: 8 sent, and the 2 refused ones with the server's reply.
    const logs = await contactLogs('welcome-3');
    expect(
      logs
        .filter((l) => l.sendStatus === 'SENT')
        .map((l) => l.sendKey)
        .sort(),
    ).toEqual([...new Set(logs.map((l) => l.sendKey))].sort());
    const refused = logs.filter((l) => l.sendStatus === 'FAILED');
    expect(refused).toHaveLength(2);
    expect(refused.every((l) => typeof l.smtpReply === 'string' && l.smtpReply.startsWith('451'))).toBe(true);
  });

  it('when the SMTP server goes away it stops, and the re-run sends the rest', async () => {
    const o = await options('welcome-4', { mailer: await smtpMailer({ host: '127.0.0.1', port: 1, tls: 'none', from: 'x@bank.example' }) });
    const down = await runSend(o);
    expect(down.sent).toHaveLength(0);
    expect(down.aborted).toMatch(/could not be reached/);
    const up = await runSend({ ...o, mailer });
    expect(up.sent).toHaveLength(8);
    expect(smtp.received).toHaveLength(8);
  });

  it('a dry run sends and logs nothing, and lists who would get the email', async () => {
    const { mailer: _m, ...o } = await options('welcome-5');
    const report = await runSend(o);
    expect(report.wouldSend).toHaveLength(8);
    expect(report.noAddress).toHaveLength(1);
    expect(smtp.received).toHaveLength(0);
    expect(await contactLogs('welcome-5')).toHaveLength(0);
  });

  it('selects recipients with --where', async () => {
    const filter = { jobTitle: { eq: 'OPTOUT' } };
    const report = await runSend(await options('welcome-6', { query: { filter } }));
    expect(report.sent).toHaveLength(0);
    expect(report.optedOut).toHaveLength(1);
  });
});
