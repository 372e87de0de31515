// The parts of sending that need no server: SMTP settings from the environment and
// a profile (the password never shown), the rate, and the send log after a crash.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pacer, parseRate } from '../../src/letters/send/rate.ts';
import { SendLog, sendKey } from '../../src/letters/send/send-log.ts';
import { describeSmtp, resolveSmtp } from '../../src/config/index.ts';
import { emptyReport, staleUnknown } from '../../src/letters/send/send-report.ts';
import { sendSummary } from '../../src/cli/actions/letters-report.ts';
import { tempDir } from './pack-fixture.ts';

const files =
  (map: Record<string, string>) =>
  async (path: string): Promise<string> => {
    const text = map[path];
    if (text === undefined) throw new Error(`ENOENT ${path}`);
    return text;
  };

describe('SMTP settings', () => {
  it('reads the environment, with a password from a file, and never shows the password', async () => {
    const r = await resolveSmtp({
      env: {
        SMTP_HOST: 'smtp.bank.example',
        SMTP_USER: 'marketing',
        SMTP_PASSWORD_FILE: '/secrets/smtp',
        SMTP_FROM: '鸿远商业银行 <m@bank.example>',
      },
      packDir: '/pack',
      readText: files({ '/secrets/smtp': 's3cret-pass\n' }),
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings).toMatchObject({ host: 'smtp.bank.example', port: 587, tls: 'starttls', user: 'marketing', password: 's3cret-pass' });
    const shown = describeSmtp(r.settings);
    expect(shown).toBe(
      'smtp.bank.example:587 (STARTTLS), user marketing, password from file /secrets/smtp, from 鸿远商业银行 <m@bank.example>',
    );
    expect(shown).not.toContain('s3cret');
  });

  it('takes a profile from bankpack.config.yaml, the environment winning', async () => {
    const config =
      'smtp:\n  default:\n    host: relay.internal\n    port: 465\n    tls: implicit\n    from: "Bank <b@bank.example>"\n    user: bot\n    passwordEnv: RELAY_PASS\n';
    const r = await resolveSmtp({
      env: { RELAY_PASS: 'pw', SMTP_PORT: '2465' },
      packDir: '/pack',
      readText: files({ '/pack/bankpack.config.yaml': config }),
    });
    expect(r.ok && r.settings).toMatchObject({
      host: 'relay.internal',
      port: 2465,
      tls: 'implicit',
      user: 'bot',
      password: 'pw',
      passwordSource: 'RELAY_PASS',
    });
  });

  it('refuses a profile that holds the password, and says what is missing', async () => {
    const config = 'smtp:\n  default:\n    host: relay.internal\n    from: b@bank.example\n    password: hunter2\n';
    const r = await resolveSmtp({ env: {}, packDir: '/pack', readText: files({ '/pack/bankpack.config.yaml': config }) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({
      line: 5,
      message: 'SMTP profile default holds a password: a profile says where it is, never the password itself',
    });
    expect(JSON.stringify(r.problems)).not.toContain('hunter2');
    const none = await resolveSmtp({ env: {}, packDir: '/pack', readText: files({}) });
    expect(!none.ok && none.problems.map((p) => p.message)).toEqual(['no SMTP server', 'no sender address']);
    const noPass = await resolveSmtp({ env: { SMTP_HOST: 'h', SMTP_FROM: 'f@x', SMTP_USER: 'u' }, packDir: '/pack', readText: files({}) });
    expect(!noPass.ok && noPass.problems[0]?.message).toBe('SMTP user u has no password');
  });
});

describe('rate', () => {
  it('reads 5, 5/s, 120/min', () => {
    expect(parseRate('5')).toEqual({ perSecond: 5 });
    expect(parseRate('5/s')).toEqual({ perSecond: 5 });
    expect(parseRate('120/min')).toEqual({ perSecond: 2 });
    expect(parseRate('fast')).toBeUndefined();
    expect(parseRate('0')).toBeUndefined();
  });

  it('spaces sends evenly: never more than N in a second', async () => {
    let now = 1_000;
    const slept: number[] = [];
    const pace = pacer(
      { perSecond: 4 },
      () => now,
      async (ms) => {
        slept.push(ms);
        now += ms;
      },
    );
    for (let i = 0; i < 5; i++) await pace.wait();
    expect(slept).toEqual([250, 250, 250, 250]);
    expect(now - 1_000).toBe(1_000);
  });
});

describe('send log', () => {
  it('keeps what was sent across a crash that cut its last line in half', async () => {
    const path = join(await tempDir('sendlog-'), 'c.jsonl');
    const key = sendKey('c', 'r1', 'emails/welcome', 'v1');
    const log = SendLog.open(path);
    log.recordSent({ key, campaign: 'c', recipientId: 'r1', address: 'a@b', template: 'emails/welcome', version: 'v1', messageId: '<x>' });
    log.close();
    appendFileSync(path, '{"event":"sent","key":"half'); // the process died mid-write
    const again = SendLog.open(path);
    expect(again.wasSent(key)).toBe(true);
    expect(again.sentCount).toBe(1);
    again.recordLogged(key, 'log-id');
    again.close();
    const reread = SendLog.open(path);
    expect(reread.wasLogged(key)).toBe(true);
    reread.close();
    expect(
      readFileSync(path, 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('{"event":"logged"')),
    ).toHaveLength(1);
  });

  it('keys by campaign, recipient and template version', () => {
    const k = sendKey('c', 'r', 't', 'v1');
    expect(sendKey('c', 'r', 't', 'v1')).toBe(k);
    expect(new Set([k, sendKey('c2', 'r', 't', 'v1'), sendKey('c', 'r2', 't', 'v1'), sendKey('c', 'r', 't', 'v2')]).size).toBe(4);
  });
});

describe('the send summary', () => {
  it('tells a claim another sender holds right now from one a stopped sender left, and only the second needs a person', () => {
    const report = emptyReport();
    report.unknown.push(
      { id: 'aaaaaaaa-1', name: '郭文博', address: 'guo@example.cn', claimedBy: 'pc-2/4411', ageMs: 40_000, inProgress: true },
      { id: 'bbbbbbbb-2', name: '李静', address: 'li@example.cn', claimedBy: 'pc-3/90', ageMs: 3 * 3_600_000, inProgress: false },
    );
    const text = sendSummary(report, { id: 'emails/welcome', version: 'v1' }, 'spring', false).join('\n');
    expect(text).toMatch(
      /1 email claimed by another sender minutes ago[^\n]*\n {4}郭文博 \(aaaaaaaa\) <guo@example.cn>: claimed under a minute ago by pc-2\/4411/,
    );
    expect(text).toMatch(/1 email of unknown outcome[^\n]*\n {4}李静 \(bbbbbbbb\) <li@example.cn>: claimed 3 h 0 min ago by pc-3\/90/);
    expect(staleUnknown(report).map((u) => u.name)).toEqual(['李静']);
  });
});
