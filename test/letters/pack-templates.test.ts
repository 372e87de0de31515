// The pack's own templates on the pack itself: deployed into the sandbox (objects and
// fields, as `bankpack deploy` does), a small bank world created, then the issue's
// "done when": the greeting letter for every platinum client as HTML and PDF, the
// launch invitation emailed to a test SMTP server and logged on the client — and every
// other template rendered for a plausible record without a missing value.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan, preparePlan } from '../../src/deploy/index.ts';
import { printing } from '../support/printing.ts';
import { launchBrowser, type Browser } from '../../src/letters/browser.ts';
import { PdfPrinter } from '../../src/letters/pdf.ts';
import { readLists, readRecipients } from '../../src/letters/recipients.ts';
import { renderBatch } from '../../src/letters/render-batch.ts';
import { smtpMailer } from '../../src/letters/send/mailer.ts';
import { runSend } from '../../src/letters/send/run-send.ts';
import { SendLog } from '../../src/letters/send/send-log.ts';
import { chooseTemplate, type PackLetters } from '../../src/letters/setup.ts';
import { parseWhere } from '../../src/letters/where.ts';
import type { CompiledTemplate } from '../../src/letters/compile.ts';
import { readAll } from '../../src/records/reader.ts';
import { recordsPort } from '../../src/records/index.ts';
import { TwentyClient } from '../../src/twenty/index.ts';
import { MINI_CATALOGUE } from 'twenty-sandbox/fixtures';
import { startSandbox, type Sandbox } from 'twenty-sandbox';
import { lettersOf, tempDir } from './pack-fixture.ts';
import { createRecords } from './sandbox-pack.ts';
import { startTestSmtp, type TestSmtp } from './smtp-test-server.ts';
import { validPack } from '../support/valid-pack.ts';

const REPO = join(import.meta.dirname, '..', '..');
let sandbox: Sandbox;
let client: TwentyClient;
let letters: PackLetters;
let smtp: TestSmtp;
let browser: Browser;
const ids = {
  wang: randomUUID(),
  li: randomUUID(),
  acme: randomUUID(),
  east: randomUUID(),
  silver: randomUUID(),
  zhang: randomUUID(),
  chen: randomUUID(),
  event: randomUUID(),
};
const yuan = (n: number): { amountMicros: number; currencyCode: string } => ({
  amountMicros: Math.round(n * 1_000_000),
  currencyCode: 'CNY',
});
const o = (nameSingular: string, namePlural: string): { nameSingular: string; namePlural: string } => ({ nameSingular, namePlural });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, standardObjects: MINI_CATALOGUE });
  client = new TwentyClient({ url: sandbox.url, apiKey: sandbox.apiKey, pacing: { perMinute: 0, burst: 1 } });
  const pack = await validPack(REPO);
  const prepared = await preparePlan(client, { ...pack, seeds: [], workflows: [] }, {});
  const applied = await applyPlan(client, prepared.plan, prepared.actual, prepared.caps, { allowDataLoss: false, report: () => {} });
  if (!applied.ok) throw new Error('deploying the pack into the sandbox failed');
  letters = await lettersOf(REPO);

  await createRecords(client, o('clientManager', 'clientManagers'), [
    {
      id: ids.wang,
      name: '王芳',
      email: { primaryEmail: 'wang.fang@bank.example' },
      phone: { primaryPhoneNumber: '13800000001' },
      grade: 'SENIOR',
    },
    { id: ids.li, name: '李强', email: { primaryEmail: 'li.qiang@bank.example' }, grade: 'JUNIOR' },
  ]);
  await createRecords(client, o('company', 'companies'), [
    {
      id: ids.acme,
      name: '上海精密仪器有限公司',
      clientTier: 'PLATINUM',
      previousTier: 'GOLD',
      tierSetAt: '2026-10-01T02:00:00.000Z',
      depositBalance: yuan(1234567.89),
      loanBalance: yuan(5000000),
      feeIncome: yuan(88000.5),
      relationshipManagerId: ids.wang,
      address: {
        addressStreet1: '闵行区虹梅南路1145号',
        addressCity: '上海市',
        addressState: '上海市',
        addressPostcode: '201100',
        addressCountry: 'China',
      },
    },
    {
      id: ids.east,
      name: '华东能源集团',
      clientTier: 'PLATINUM',
      depositBalance: yuan(100000000),
      relationshipManagerId: ids.li,
      address: {
        addressStreet1: '浦东新区张杨路500号',
        addressCity: '上海市',
        addressState: '上海市',
        addressPostcode: '200122',
        addressCountry: 'China',
      },
    },
    { id: ids.silver, name: '普通商贸公司', clientTier: 'SILVER' },
  ]);
  await createRecords(client, o('person', 'people'), [
    {
      id: ids.zhang,
      name: { firstName: '伟', lastName: '张' },
      gender: 'MALE',
      emails: { primaryEmail: 'zhang.wei@example.com' },
      companyId: ids.acme,
    },
    {
      id: ids.chen,
      name: { firstName: '静', lastName: '陈' },
      gender: 'FEMALE',
      emails: { primaryEmail: 'chen.jing@example.com' },
      companyId: ids.east,
    },
  ]);
  await createRecords(client, o('productLaunchEvent', 'productLaunchEvents'), [
    {
      id: ids.event,
      name: '2027年度财富管理产品推介会',
      eventDate: '2026-12-18T06:30:00.000Z',
      venue: '上海浦东香格里拉大酒店',
      status: 'INVITING',
    },
  ]);
  await createRecords(client, o('eventInvitation', 'eventInvitations'), [
    { name: '邀请 张伟', launchEventId: ids.event, personId: ids.zhang, companyId: ids.acme, status: 'INVITED', invitedById: ids.wang },
    { name: '邀请 陈静', launchEventId: ids.event, personId: ids.chen, companyId: ids.east, status: 'INVITED', invitedById: ids.li },
  ]);
  await createRecords(client, o('complaint', 'complaints'), [
    {
      name: '柜面等候时间过长',
      companyId: ids.acme,
      personId: ids.zhang,
      step: 'FEEDBACK_GIVEN',
      receivedVia: 'PHONE',
      receivedAt: '2026-11-02T01:00:00.000Z',
      resolution: '已增开贵宾窗口，并为您指定专属柜员。',
      rectification: '高峰时段增派人手。',
      responsibleManagerId: ids.wang,
    },
  ]);
  await createRecords(client, o('satisfactionSurvey', 'satisfactionSurveys'), [
    { name: '2026Q4 抽样', personId: ids.chen, companyId: ids.east, channel: 'PHONE', status: 'SAMPLED', interviewerId: ids.li },
  ]);
  await createRecords(client, o('bounty', 'bounties'), [
    {
      name: '拿下华东能源集团结算业务',
      companyId: ids.east,
      status: 'POSTED',
      postedPrice: yuan(50000),
      minimumGrade: 'SENIOR',
      biddingClosesAt: '2026-12-31T09:00:00.000Z',
    },
  ]);
  smtp = await startTestSmtp();
  if (printing.run) browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await smtp?.close();
  await sandbox?.close();
});

function template(name: string): CompiledTemplate {
  const chosen = chooseTemplate(letters, name);
  if (!chosen.ok) throw new Error(chosen.problems.join('\n'));
  return chosen.template;
}

const where = (t: CompiledTemplate, text: string): Record<string, unknown> | undefined => {
  const r = parseWhere(text, t.prepared.object, letters.catalogue);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.filter;
};

describe("the pack's templates on the deployed pack", () => {
  it.skipIf(!printing.run)(
    'renders the greeting letter for every platinum client as HTML and PDF',
    async () => {
      const greeting = template('letters/greeting');
      const outDir = await tempDir('greeting-');
      const result = await renderBatch({
        template: greeting,
        catalogue: letters.catalogue,
        records: recordsPort(client),
        query: { filter: where(greeting, 'clientTier=PLATINUM') },
        outDir,
        vars: { today: '2026-11-28' },
        printer: await PdfPrinter.open(browser),
      });
      expect(result.stopped).toEqual([]);
      expect(result.written.map((w) => w.name).sort()).toEqual(['上海精密仪器有限公司', '华东能源集团']);
      const text = execFileSync('pdftotext', [join(outDir, 'all-letters.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text).toContain('尊敬的上海精密仪器有限公司：');
      expect(text).toContain('作为我行尊贵的白金客户');
      // The window's address block, the way to reply, the bank's details from settings/bank.yaml.
      for (const line of ['201100', '上海市闵行区虹梅南路1145号', '上海精密仪器有限公司收']) expect(text).toContain(line);
      expect(text).toContain('您的客户经理：王芳电话：13800000001');
      expect(text).toContain('客服热线400-000-0000');
      expect(text).toContain('2026年11月28日');
      expect(text).toContain('鸿远商业银行');
      // Confidentiality: no balance in a letter without `confidential: true`; no real hotline.
      expect(text).not.toContain('¥');
      expect(text).not.toContain('95500');
      // Seasonal wording only at the turn of the year (28 November: the neutral form).
      expect(text).not.toContain('岁末年初');
      expect(text).toContain('今后，我行将继续');
    },
    90_000,
  );

  it('emails the launch invitation and logs each send on the client and the person', async () => {
    smtp.reset();
    const invitation = template('emails/launch-invitation');
    const log = SendLog.open(join(await tempDir('send-'), 'launch.jsonl'));
    const mailer = await smtpMailer({
      host: '127.0.0.1',
      port: smtp.port,
      tls: 'none',
      from: '鸿远商业银行 <events@hongyuan-bank.example>',
    });
    const report = await runSend({
      template: invitation,
      catalogue: letters.catalogue,
      records: recordsPort(client),
      query: { filter: where(invitation, 'status=INVITED') },
      campaign: 'launch-2026-12',
      vars: { today: '2026-11-28' },
      log,
      mailer,
    });
    mailer.close();
    log.close();
    expect(report.sent).toHaveLength(2);
    const zhang = smtp.received.find((r) => r.envelopeTo[0] === 'zhang.wei@example.com')!;
    expect(zhang.mail.subject).toBe('邀请函：2027年度财富管理产品推介会（2026年12月18日）');
    expect(zhang.mail.text).toContain('尊敬的张先生：');
    // To names the person who owns the address, not the invitation record ("邀请 张伟").
    expect(zhang.mail.to).toMatchObject({ value: [{ name: '张伟', address: 'zhang.wei@example.com' }] });
    expect(zhang.mail.text).toContain('地点：上海浦东香格里拉大酒店');
    expect(zhang.mail.html).toContain('客户经理王芳是否出席');

    const logs = await readAll(client, {
      object: letters.catalogue.objects.get('contactLog')!,
      fields: ['channel', 'topic', 'campaign', 'companyId', 'personId', 'managerId', 'template', 'name'],
      filter: { campaign: { eq: 'launch-2026-12' } },
    });
    expect(logs).toHaveLength(2);
    const onAcme = logs.find((l) => l.companyId === ids.acme)!;
    expect(onAcme).toMatchObject({
      channel: 'EMAIL',
      topic: 'EVENT_INVITATION',
      personId: ids.zhang,
      managerId: ids.wang,
      name: '邀请函：2027年度财富管理产品推介会（2026年12月18日）',
    });
    expect(String(onAcme.template)).toMatch(/^emails\/launch-invitation@[0-9a-f]{12}$/);
  }, 60_000);

  it.each([
    ['letters/greeting.en', 'clientTier=PLATINUM', ['Dear 上海精密仪器有限公司,', 'valued Platinum clients', 'Going forward']],
    [
      'letters/tier-upgrade',
      'previousTier=GOLD',
      ['由黄金客户提升为白金客户', '2026年10月1日', '¥5,000,000.00', '¥88,000.50', '上海精密仪器有限公司亲启'],
    ],
    [
      'letters/complaint-feedback',
      'step=FEEDBACK_GIVEN',
      [
        '上海精密仪器有限公司 张伟收',
        '尊敬的张先生：',
        '2026年11月2日，您通过电话向我行反映了关于“柜面等候时间过长”的问题',
        '高峰时段增派人手',
      ],
    ],
    [
      'letters/launch-invitation',
      'status=INVITED',
      ['200122 上海市浦东新区张杨路500号 华东能源集团 陈静收', '尊敬的陈女士：', '2027年度财富管理产品推介会'],
    ],
    ['emails/launch-invitation.en', 'status=INVITED', ['Dear Ms 陈,', 'Dear Mr 张,', '18 December 2026']],
    ['emails/survey-invitation', 'status=SAMPLED', ['尊敬的陈女士：', '我们将安排李强以电话访问的方式与您联系']],
    ['emails/bounty-announcement', 'grade=SENIOR', ['王芳：', '拿下华东能源集团结算业务', '¥50,000.00', '高级客户经理', '2026年12月31日']],
  ])(
    '%s renders without a missing value',
    async (name, filter, expected) => {
      const t = template(name);
      const lists = await readLists(recordsPort(client), letters.catalogue, t.prepared);
      const texts: string[] = [];
      for await (const page of readRecipients(recordsPort(client), letters.catalogue, t.prepared, { filter: where(t, filter) })) {
        for (const record of page) {
          const out = t.render(record, { today: '2026-11-28', lists });
          expect(out.missing).toEqual([]);
          texts.push(`${out.subject ?? ''}${out.html}`.replace(/<[^>]+>/g, '').replace(/\s+/g, ' '));
        }
      }
      expect(texts.length).toBeGreaterThan(0);
      for (const e of expected) expect(texts.join('\n')).toContain(e);
    },
    30_000,
  );
});
