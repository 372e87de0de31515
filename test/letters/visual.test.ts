// What the print room folds into a DL window envelope (GB/T 22585-2008: window 100 × 40 mm,
// 25 mm from the left, 30 mm from the top): every shipped letter printed through Chromium,
// read back with `pdftotext -bbox`, must show its address block where the window always
// is, nothing else where the window can pass, nothing over the letterhead, and only
// embedded TrueType subsets (pdffonts). The demo greeting's PNG is the reviewed reference
// image in docs/ (BANKPACK_UPDATE_REFERENCE=1 writes it again).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../../src/letters/browser.ts';
import { printing } from '../support/printing.ts';
import { PdfPrinter } from '../../src/letters/pdf.ts';
import { chooseTemplate, type PackLetters } from '../../src/letters/setup.ts';
import { lettersOf, tempDir } from './pack-fixture.ts';

const REPO = join(import.meta.dirname, '..', '..');
const REFERENCE = join(REPO, 'docs', 'letters-greeting.png');

const MM = 72 / 25.4;
/** Sheet area that shows through the window wherever the folded A4 sits in the envelope. */
const ALWAYS_VISIBLE = { x0: 25, x1: 115, y0: 30, y1: 59 };
/** Sheet area the window can pass over: nothing but the address may be printed here. */
const EVER_VISIBLE = { x0: 15, x1: 125, y0: 19, y1: 70 };
/** The letterhead band above the window. */
const LETTERHEAD_BOTTOM = 19;

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function wordsOnPage1(pdf: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!,
    x0: Number(m[1]) / MM,
    y0: Number(m[2]) / MM,
    x1: Number(m[3]) / MM,
    y1: Number(m[4]) / MM,
  }));
}

// pdftotext's boxes carry the font's ascent and descent: shrink them to the glyphs' middle band.
const core = (w: Word): Word => ({ ...w, y0: w.y0 + (w.y1 - w.y0) * 0.3, y1: w.y1 - (w.y1 - w.y0) * 0.3 });
const inside = (w: Word, r: typeof ALWAYS_VISIBLE): boolean => w.x0 >= r.x0 && w.x1 <= r.x1 && w.y0 >= r.y0 && w.y1 <= r.y1;
const meets = (w: Word, r: typeof ALWAYS_VISIBLE): boolean => w.x0 < r.x1 && w.x1 > r.x0 && w.y0 < r.y1 && w.y1 > r.y0;
const overlap = (a: Word, b: Word): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

const location = {
  addressStreet1: '世纪大道1198号',
  addressCity: '上海市',
  addressState: '上海市',
  addressPostcode: '200122',
  addressCountry: 'China',
};
const manager = {
  id: 'm1',
  name: '陈静',
  email: { primaryEmail: 'chen.jing@bank.example.com' },
  phone: { primaryPhoneNumber: '021-0000-1001' },
  branch: { id: 'b1', name: '上海浦东支行', location },
};
// The demo's first platinum client (seeds/demo/20-companies.seed.yaml) and its manager E1001.
const company = {
  id: '3f2a1b4c-0000-4000-8000-000000000001',
  name: '华鑫药业股份有限公司',
  clientTier: 'PLATINUM',
  previousTier: 'SILVER',
  tierSetAt: '2026-01-15T02:00:00.000Z',
  depositBalance: { amountMicros: 884680000000000, currencyCode: 'CNY' },
  loanBalance: { amountMicros: 540420000000000, currencyCode: 'CNY' },
  feeIncome: { amountMicros: 16115000000000, currencyCode: 'CNY' },
  address: {
    addressStreet1: '闵行区虹梅南路1145号',
    addressCity: '上海市',
    addressState: '上海市',
    addressPostcode: '201100',
    addressCountry: 'China',
  },
  relationshipManager: manager,
};
const person = { id: 'p1', name: { firstName: '伟', lastName: '张' }, gender: 'MALE', jobTitle: '财务总监' };
const RECORDS: Record<string, Record<string, unknown>> = {
  'letters/greeting': company,
  'letters/greeting.en': company,
  'letters/tier-upgrade': company,
  'letters/complaint-feedback': {
    id: 'c1',
    name: '柜面等候时间过长',
    company,
    person,
    receivedAt: '2026-11-02T01:00:00.000Z',
    receivedVia: 'PHONE',
    resolution: '已增开贵宾窗口，并为您指定专属柜员。',
    responsibleManager: manager,
  },
  'letters/launch-invitation': {
    id: 'i1',
    company,
    person,
    invitedBy: manager,
    launchEvent: { id: 'e1', name: '2027年度财富管理产品推介会', eventDate: '2026-12-18T06:30:00.000Z', venue: '上海浦东香格里拉大酒店' },
  },
};

describe.skipIf(!printing.run)('printed letters in a window envelope', () => {
  let browser: Browser;
  let printer: PdfPrinter;
  let letters: PackLetters;
  let dir: string;
  beforeAll(async () => {
    letters = await lettersOf(REPO);
    browser = await launchBrowser();
    printer = await PdfPrinter.open(browser, 1);
    dir = await tempDir('visual-');
  }, 60_000);
  afterAll(async () => browser?.close());

  it('ships a letter for every record shape tested here', () => {
    const shipped = [...letters.set.documents.keys()].filter((id) => id.startsWith('letters/')).sort();
    expect(shipped).toEqual(Object.keys(RECORDS).sort());
  });

  it.each(Object.keys(RECORDS))(
    '%s: address in the window, nothing else under it, letterhead clear, TrueType fonts',
    async (id) => {
      const chosen = chooseTemplate(letters, id);
      if (!chosen.ok) throw new Error(chosen.problems.join('\n'));
      const out = chosen.template.render(RECORDS[id]!, { today: '2026-12-05' });
      expect(out.missing).toEqual([]);
      const pdf = join(dir, `${id.replace('/', '-')}.pdf`);
      writeFileSync(pdf, await printer.print(out.html));

      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter((l) => l.trim() !== '');
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts)
        expect(f, 'fonts are embedded CID TrueType subsets, never Type 3').toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes/);
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(
        new RegExp(`Title:\\s+${out.subject!.replace(/[()]/g, '.')}\\n`),
      );

      const words = wordsOnPage1(pdf).map(core);
      const address = words.filter((w) => inside(w, ALWAYS_VISIBLE));
      const addressText = address.map((w) => w.text).join('');
      expect(addressText).toContain('201100');
      expect(addressText).toContain('上海市闵行区虹梅南路1145号');
      expect(addressText).toContain('华鑫药业股份有限公司');
      // Nothing but the address where the window may slide to.
      expect(words.filter((w) => meets(w, EVER_VISIBLE) && !inside(w, ALWAYS_VISIBLE)).map((w) => w.text)).toEqual([]);
      // The letterhead (above 19 mm) overlaps no other text.
      const head = words.filter((w) => w.y1 <= LETTERHEAD_BOTTOM);
      expect(head.map((w) => w.text).join('')).toContain('鸿远商业银行');
      for (const h of head)
        for (const w of words) if (w !== h && !head.includes(w)) expect(overlap(h, w), `${h.text} / ${w.text}`).toBe(false);

      if (id === 'letters/greeting') {
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'greeting')]);
        if (process.env.BANKPACK_UPDATE_REFERENCE) copyFileSync(join(dir, 'greeting.png'), REFERENCE);
        expect(existsSync(REFERENCE), 'docs/letters-greeting.png: run with BANKPACK_UPDATE_REFERENCE=1 and look at it').toBe(true);
      }
    },
    60_000,
  );
});
