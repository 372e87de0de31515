// `letters render` end to end against the sandbox: recipients read from /graphql at
// the largest page size, one HTML per letter, PDFs through Debian's Chromium checked
// with pdftotext, letters with a missing value stopped and listed.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printing } from '../support/printing.ts';
import { launchBrowser, type Browser } from '../../src/letters/browser.ts';
import { compileTemplate, type CompiledTemplate } from '../../src/letters/compile.ts';
import { PdfPrinter } from '../../src/letters/pdf.ts';
import { prepareTemplate, type PreparedTemplate } from '../../src/letters/prepare.ts';
import { renderBatch } from '../../src/letters/render-batch.ts';
import { templateSet } from '../../src/letters/template-set.ts';
import { parseWhere } from '../../src/letters/where.ts';
import type { Catalogue } from '../../src/letters/catalogue.ts';
import { readAll } from '../../src/records/reader.ts';
import { loadPack, miniPack, tempDir } from './pack-fixture.ts';
import { createRecords, startPackSandbox, type PackSandbox } from './sandbox-pack.ts';
import { recordsPort } from '../../src/records/index.ts';

let env: PackSandbox;
let catalogue: Catalogue;
let greeting: CompiledTemplate;
let browser: Browser;
const managerId = randomUUID();
const yuan = (n: number): { amountMicros: number; currencyCode: string } => ({ amountMicros: n * 1_000_000, currencyCode: 'CNY' });

beforeAll(async () => {
  const loaded = await loadPack(await miniPack());
  catalogue = loaded.catalogue;
  const set = templateSet(loaded.pack.templates);
  greeting = compileTemplate(prepareTemplate(set.documents.get('letters/greeting')!, set, catalogue) as PreparedTemplate, catalogue);
  env = await startPackSandbox(loaded.pack);
  await createRecords(env.client, { nameSingular: 'clientManager', namePlural: 'clientManagers' }, [{ id: managerId, name: '王芳' }]);
  await createRecords(env.client, { nameSingular: 'company', namePlural: 'companies' }, [
    { name: '上海精密仪器有限公司', clientTier: 'PLATINUM', depositBalance: yuan(1234567.89), relationshipManagerId: managerId },
    { name: '<img src=x onerror=alert(1)>华东能源集团', clientTier: 'PLATINUM', depositBalance: yuan(100000000) },
    { name: '缺少存款数据的公司', clientTier: 'PLATINUM' },
    { name: '黄金客户甲', clientTier: 'GOLD', depositBalance: yuan(10) },
    ...Array.from({ length: 230 }, (_, i) => ({ name: `白银客户${i}`, clientTier: 'SILVER', depositBalance: yuan(1000 + i) })),
  ]);
  if (printing.run) browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const where = (text: string): Record<string, unknown> | undefined => {
  const r = parseWhere(text, catalogue.objects.get('company')!, catalogue);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.filter;
};

describe('letters render', () => {
  it.skipIf(!printing.run)(
    'writes one HTML and one PDF per platinum client, a merged PDF, and stops the letter missing a value',
    async () => {
      const outDir = await tempDir('letters-out-');
      const printer = await PdfPrinter.open(browser);
      const before = env.client.counter.snapshot().readsByKind['records:company'] ?? 0;
      const result = await renderBatch({
        template: greeting,
        catalogue,
        records: recordsPort(env.client),
        query: { filter: where('clientTier=PLATINUM') },
        outDir,
        vars: { today: '2026-11-28' },
        printer,
      });

      expect(result.written.map((w) => w.name).sort()).toEqual(['<img src=x onerror=alert(1)>华东能源集团', '上海精密仪器有限公司']);
      expect(result.stopped).toEqual([
        expect.objectContaining({
          name: '缺少存款数据的公司',
          missing: [
            expect.objectContaining({ variable: 'company.depositBalance', file: 'templates/letters/greeting.hbs', line: 8 }),
            expect.objectContaining({ variable: 'company.depositBalance' }),
          ],
        }),
      ]);
      // Three recipients, one page: one read of companies.
      expect((env.client.counter.snapshot().readsByKind['records:company'] ?? 0) - before).toBe(1);

      const files = (await readdir(outDir)).sort();
      expect(files.filter((f) => f.endsWith('.html'))).toHaveLength(2);
      expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(3);
      expect(files).toContain('all-letters.pdf');

      const shanghai = files.find((f) => f.includes('上海精密仪器有限公司') && f.endsWith('.html'))!;
      const html = await readFile(join(outDir, shanghai), 'utf8');
      expect(html).toContain('客户经理：王芳');
      const evil = await readFile(
        join(
          outDir,
          files.find((f) => f.includes('华东能源集团') && f.endsWith('.html'))!,
        ),
        'utf8',
      );
      expect(evil).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;华东能源集团');
      expect(evil).not.toContain('<img');

      // Lines wrap anywhere in Chinese text: compare without whitespace.
      const text = execFileSync('pdftotext', [join(outDir, 'all-letters.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text).toContain('尊敬的上海精密仪器有限公司：');
      expect(text).toContain('¥1,234,567.89（人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分）');
      expect(text).toContain('客户经理：王芳');
      expect(text).toContain('壹亿元整');
      expect(text).toContain('<imgsrc=xonerror=alert(1)>华东能源集团');
      // The print room's file: a cover sheet listing each letter with its page count, then the letters.
      const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', join(outDir, 'all-letters.pdf'), '-'], { encoding: 'utf8' });
      expect(cover).toContain('打印清单');
      expect(cover).toContain('上海精密仪器有限公司');
      expect(cover.replace(/\s+/g, '')).toContain('共2封信、2页');
      expect(result.written.map((w) => w.pages)).toEqual([1, 1]);
      expect(result.pages).toBe(2);
      const pages = execFileSync('pdfinfo', [join(outDir, 'all-letters.pdf')], { encoding: 'utf8' });
      expect(pages).toMatch(/Pages:\s+3\n/);
      expect(pages).toMatch(/Title:\s+greeting — 2026-11-28 — 2 letters/);
      expect(pages).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    },
    120_000,
  );

  it('with a campaign, logs each letter on the client once, however often it is rendered', async () => {
    const run = async (): Promise<number | undefined> =>
      (
        await renderBatch({
          template: greeting,
          catalogue,
          records: recordsPort(env.client),
          query: { filter: where('clientTier=PLATINUM') },
          outDir: await tempDir('letters-out-'),
          vars: { today: '2026-11-28' },
          campaign: 'post-2026',
        })
      ).logged;
    expect(await run()).toBe(2);
    expect(await run()).toBe(0);
    const logs = await readAll(env.client, {
      object: catalogue.objects.get('contactLog')!,
      fields: ['channel', 'companyId', 'campaign'],
      filter: { campaign: { eq: 'post-2026' } },
    });
    expect(logs).toHaveLength(2);
    expect(logs.every((l) => l.channel === 'LETTER' && typeof l.companyId === 'string')).toBe(true);
  }, 60_000);

  it('reads recipients at 200 a page and honours --limit', async () => {
    const outDir = await tempDir('letters-out-');
    const before = env.client.counter.snapshot().readsByKind['records:company'] ?? 0;
    const all = await renderBatch({
      template: greeting,
      catalogue,
      records: recordsPort(env.client),
      query: { filter: where('clientTier=SILVER') },
      outDir,
      vars: { today: '2026-11-28' },
    });
    expect(all.written).toHaveLength(230);
    expect((env.client.counter.snapshot().readsByKind['records:company'] ?? 0) - before).toBe(2);

    const limited = await renderBatch({
      template: greeting,
      catalogue,
      records: recordsPort(env.client),
      query: { filter: where('clientTier=SILVER'), limit: 5 },
      outDir: await tempDir('letters-out-'),
      vars: { today: '2026-11-28' },
    });
    expect(limited.written).toHaveLength(5);
  }, 60_000);
});
