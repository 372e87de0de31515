// `letters preview` end to end: the page served on 127.0.0.1, driven in Debian's
// headless Chromium with playwright-core — pick a template and a recipient, read
// the letter, the subject, the address and the missing values the page shows.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { printing } from '../support/printing.ts';
import { launchBrowser, type Browser } from '../../src/letters/browser.ts';
import { startPreview, type PreviewServer } from '../../src/letters/preview/server.ts';
import { lettersOf, loadPack, miniPack } from './pack-fixture.ts';
import { createRecords, startPackSandbox, type PackSandbox } from './sandbox-pack.ts';
import { recordsPort } from '../../src/records/index.ts';

let env: PackSandbox;
let preview: PreviewServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!printing.run) return;
  const dir = await miniPack();
  const { pack } = await loadPack(dir);
  env = await startPackSandbox(pack);
  const companyId = randomUUID();
  await createRecords(env.client, { nameSingular: 'company', namePlural: 'companies' }, [
    {
      id: companyId,
      name: '上海精密仪器有限公司',
      clientTier: 'PLATINUM',
      depositBalance: { amountMicros: 1_234_567_890_000, currencyCode: 'CNY' },
    },
    { name: '无存款公司', clientTier: 'GOLD' },
  ]);
  await createRecords(env.client, { nameSingular: 'person', namePlural: 'people' }, [
    { name: { firstName: '三', lastName: '张' }, gender: 'MALE', emails: { primaryEmail: 'zhang@example.com' }, companyId },
  ]);
  preview = await startPreview({
    loadLetters: () => lettersOf(dir),
    records: recordsPort(env.client),
    limit: 50,
    today: '2026-11-28',
    port: 0,
  });
  browser = await launchBrowser();
  page = await browser.context.newPage();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await env?.close();
});

// Under a loaded CI machine a page update may take seconds: poll patiently.
const patiently = { timeout: 15_000 };
const letterText = async (): Promise<string> => (await page.frameLocator('#letter').locator('body').innerText()).replace(/\s+/g, '');

describe.skipIf(!printing.run)('letters preview', () => {
  it('shows the chosen letter for the chosen recipient, and lists its missing values', async () => {
    await page.goto(preview.url);
    await expect
      .poll(() => page.locator('#template option').allTextContents(), patiently)
      .toEqual(['emails/welcome (person)', 'letters/greeting (company)']);

    await page.selectOption('#template', 'letters/greeting');
    await expect
      .poll(() => page.locator('#recipient option').allTextContents(), patiently)
      .toEqual(['上海精密仪器有限公司', '⚠ 无存款公司']);
    await expect.poll(() => page.locator('#missing').innerText(), patiently).toContain('没有缺失值 No missing values');
    await expect.poll(letterText, patiently).toContain('尊敬的上海精密仪器有限公司：');
    expect(await letterText()).toContain('人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分');

    await page.selectOption('#recipient', { label: '⚠ 无存款公司' });
    await expect
      .poll(() => page.locator('#missing li').allTextContents(), patiently)
      .toEqual([
        'company.depositBalance is empty — templates/letters/greeting.hbs:8:51',
        'company.depositBalance is empty — templates/letters/greeting.hbs:8:89',
      ]);
    await expect.poll(letterText, patiently).toContain('尊敬的无存款公司：');
    // Where the value would stand, the letter shows which one is missing.
    expect(await letterText()).toContain('存款余额为⟨company.depositBalance⟩（人民币⟨company.depositBalance⟩）');
    await page.screenshot({ path: `${process.env.BANKPACK_SCREENSHOTS ?? '/tmp'}/letters-preview.png` });
  }, 60_000);

  it('shows an email with its subject and address', async () => {
    await page.goto(preview.url);
    await page.selectOption('#template', 'emails/welcome');
    await expect.poll(() => page.locator('#subject').innerText(), patiently).toBe('主题 Subject: 张先生，您好：来自测试银行的问候');
    expect(await page.locator('#to').innerText()).toBe('收件人 To: zhang@example.com');
    await expect.poll(letterText, patiently).toContain('尊敬的张先生：');
  }, 60_000);
});
