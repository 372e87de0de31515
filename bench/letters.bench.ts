// Letters (issue 7): HTML letters per second for 10,000 recipients through the
// strict, checked renderer beside the bare Handlebars render of the same template
// (same partials, layout, helpers and data) in the same run — the overhead must stay
// within 2×; PDFs per second with one browser; recipients read per request.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { launchBrowser } from '../src/letters/browser.ts';
import { defaultRuntime, HELPERS, type RenderData } from '../src/letters/helpers/registry.ts';
import { PdfPrinter } from '../src/letters/pdf.ts';
import { LETTERS_PAGE_SIZE, readRecipients } from '../src/letters/recipients.ts';
import { chooseTemplate, packLetters, type PackLetters } from '../src/letters/setup.ts';
import type { CompiledTemplate } from '../src/letters/compile.ts';
import { pickLocalised } from '../src/letters/template-set.ts';
import { parseWhere } from '../src/letters/where.ts';
import { TwentyClient } from '../src/twenty/index.ts';
import { catalogueWithPack, createRecords } from '../test/letters/sandbox-pack.ts';
import { startSandbox } from 'twenty-sandbox';
import { validatePack } from '../src/validate/index.ts';
import type { BenchRow, Benchmark } from './types.ts';
import { recordsPort } from '../src/records/index.ts';

const ROOT = join(import.meta.dirname, '..');
const RECIPIENTS = 10_000;
const TIERS = ['PLATINUM', 'GOLD'];

function companies(n: number): Array<Record<string, unknown> & { id: string }> {
  return Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    name: `上海第${i}精密仪器有限公司`,
    clientTier: TIERS[i % 2],
    depositBalance: { amountMicros: 1_000_000 * (1000 + i * 37.77), currencyCode: 'CNY' },
    address: {
      addressStreet1: `闵行区虹梅南路${100 + i}号`,
      addressCity: '上海市',
      addressState: '上海市',
      addressPostcode: '201100',
      addressCountry: 'China',
    },
    relationshipManager: { id: randomUUID(), name: `客户经理${i % 40}`, phone: { primaryPhoneNumber: '13800000000' } },
    marketingOptOut: false,
  }));
}

/** The same template rendered by plain Handlebars: source text, helpers called directly, no checks. */
function bareRenderer(letters: PackLetters, t: CompiledTemplate): (record: Record<string, unknown>) => string {
  const env = Handlebars.create();
  const rt = defaultRuntime((key) => {
    const [o = '', f = ''] = key.split('.');
    return letters.catalogue.objects.get(o)?.fields.get(f)?.options;
  }, letters.catalogue.defaultLocale);
  for (const h of HELPERS) {
    env.registerHelper(h.name, (...args: unknown[]) => {
      const options = args.pop() as Handlebars.HelperOptions;
      return h.run(
        args,
        { ...options.hash, field: h.wantsSelectField ? `${t.prepared.object.nameSingular}.clientTier` : undefined },
        options.data as RenderData,
        rt,
      );
    });
  }
  const { meta } = t.prepared;
  for (const name of t.prepared.partials.keys()) env.registerPartial(name, pickLocalised(letters.set.partials, name, meta.locale)!.body);
  const body = env.compile(t.prepared.def.body);
  const layout = env.compile(t.prepared.layout!.def.body);
  return (record) => {
    const data = { locale: meta.locale, missing: [] };
    const settings = letters.catalogue.settings!;
    const context = {
      company: record,
      today: '2026-11-28',
      campaign: null,
      unsubscribe: { mailto: settings.email.unsubscribe.mailto },
      recipient: {},
      template: { id: meta.id },
      bank: settings.bank,
      email: { from: settings.email.from, replyTo: settings.email.replyTo },
      confidential: meta.confidential,
    };
    const html = body(context, { data });
    const subject = env.compile(meta.subject ?? '')(context, { data });
    return layout(
      { ...context, body: new Handlebars.SafeString(html), title: subject, subject, paper: meta.paper, lang: meta.locale },
      { data },
    );
  };
}

function perSecond(n: number, run: () => void): number {
  const start = performance.now();
  run();
  return (n * 1000) / (performance.now() - start);
}

const bench: Benchmark = {
  name: 'letters (render, PDF, recipients)',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    const letters = packLetters(await validatePack(ROOT));
    const chosen = chooseTemplate(letters, 'letters/greeting');
    if (!chosen.ok) throw new Error(chosen.problems.join('\n'));
    const t = chosen.template;
    const data = companies(RECIPIENTS);
    const bare = bareRenderer(letters, t);
    // Same output, so the comparison is fair.
    if (bare(data[0]!) !== t.render(data[0]!, { today: '2026-11-28' }).html) throw new Error('the bare render differs from the strict one');

    let ours = 0;
    let baseline = 0;
    for (let round = 0; round < 5; round++) {
      baseline = Math.max(
        baseline,
        perSecond(RECIPIENTS, () => data.forEach((r) => bare(r))),
      );
      ours = Math.max(
        ours,
        perSecond(RECIPIENTS, () => data.forEach((r) => t.render(r, { today: '2026-11-28' }))),
      );
    }
    const ratio = baseline / ours;
    rows.push({
      name: `HTML letters/s, greeting × ${RECIPIENTS} (strict, checked) vs bare Handlebars`,
      value: ours,
      unit: 'letters/s',
      baseline,
      baselineName: 'bare Handlebars',
      ratio,
      target: 'time ratio <= 2',
      ok: ratio <= 2,
    });

    const browser = await launchBrowser();
    try {
      const printer = await PdfPrinter.open(browser);
      const html = data.slice(0, 24).map((r) => t.render(r, { today: '2026-11-28' }).html);
      await printer.print(html[0]!); // fonts loaded once
      const start = performance.now();
      const inFlight = new Set<Promise<unknown>>();
      for (const h of html) {
        const p: Promise<unknown> = printer.print(h).finally(() => inFlight.delete(p));
        inFlight.add(p);
        if (inFlight.size >= printer.parallel) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
      rows.push({
        name: `PDFs/s, one Chromium, ${printer.parallel} pages (${html.length} letters)`,
        value: (html.length * 1000) / (performance.now() - start),
        unit: 'PDFs/s',
      });
    } finally {
      await browser.close();
    }

    const { pack } = await validatePack(ROOT);
    const sandbox = await startSandbox({ port: 0, standardObjects: catalogueWithPack(pack) });
    try {
      const client = new TwentyClient({ url: sandbox.url, apiKey: sandbox.apiKey, pacing: { perMinute: 0, burst: 1 } });
      const n = 1000;
      await createRecords(
        client,
        { nameSingular: 'company', namePlural: 'companies' },
        Array.from({ length: n }, (_, i) => ({ name: `公司${i}`, clientTier: 'PLATINUM' })),
      );
      const filter = parseWhere('clientTier=PLATINUM', t.prepared.object, letters.catalogue);
      const before = client.counter.snapshot().readsByKind['records:company'] ?? 0;
      let read = 0;
      for await (const page of readRecipients(
        recordsPort(client),
        letters.catalogue,
        t.prepared,
        filter.ok && filter.filter ? { filter: filter.filter } : {},
      ))
        read += page.length;
      const requests = (client.counter.snapshot().readsByKind['records:company'] ?? 0) - before;
      const perRequest = read / requests;
      rows.push({
        name: `recipients read per request (${read} platinum companies)`,
        value: perRequest,
        unit: 'records/request',
        baseline: LETTERS_PAGE_SIZE,
        baselineName: "Twenty's page maximum",
        ratio: perRequest / LETTERS_PAGE_SIZE,
        target: `${LETTERS_PAGE_SIZE} per full page`,
        ok: requests <= Math.ceil(read / LETTERS_PAGE_SIZE) + 1,
      });
    } finally {
      await sandbox.close();
    }
    return rows;
  },
};

export default bench;
