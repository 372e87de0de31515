// `bankpack letters render` and `letters list`.
import { resolve } from 'node:path';
import type { ConnectionCliOptions } from '../deploy/cli-support.ts';
import { launchBrowser } from './browser.ts';
import { complain, prepareRun, say, type Connect } from './cli-common.ts';
import { PdfPrinter } from './pdf.ts';
import { prepareTemplate } from './prepare.ts';
import { progressBar } from './progress.ts';
import { renderBatch, type RenderBatchResult } from './render-batch.ts';
import { plural } from '../cli/output.ts';
import { renderSummary } from './report.ts';
import { loadPackLetters } from './setup.ts';

export interface RenderCliOptions extends ConnectionCliOptions {
  template: string;
  where?: string;
  limit?: number;
  locale?: string;
  date?: string;
  out: string;
  pdf?: boolean;
  campaign?: string;
}

export async function runRender(opts: RenderCliOptions, connect: Connect): Promise<number> {
  const run = await prepareRun(opts);
  if (!run) return 1;
  const connected = await connect(opts);
  if (!connected) return 1;
  const { client } = connected;
  const outDir = resolve(opts.out);
  const browser = opts.pdf ? await launchBrowser() : undefined;
  try {
    const printer = browser ? await PdfPrinter.open(browser) : undefined;
    const progress = progressBar(opts.pdf ? 'letters printed' : 'letters rendered');
    if (opts.limit !== undefined) progress.setTotal(opts.limit);
    const result = await renderBatch({
      template: run.template,
      catalogue: run.letters.catalogue,
      transport: client,
      query: { ...(run.filter ? { filter: run.filter } : {}), ...(opts.limit !== undefined ? { limit: opts.limit } : {}) },
      outDir,
      vars: { today: run.today },
      ...(printer ? { printer } : {}),
      ...(opts.campaign ? { campaign: opts.campaign } : {}),
      progress,
    });
    progress.done();
    const object = run.template.prepared.object.nameSingular;
    const reads = client.counter.snapshot().readsByKind[`records:${object}`] ?? 0;
    for (const line of renderSummary(result, { id: run.template.prepared.meta.id, version: run.template.prepared.version }, outDir, reads)) say(line);
    for (const line of pageLines(result)) say(line);
    return result.stopped.length > 0 ? 1 : 0;
  } finally {
    await browser?.close();
  }
}

/** For the print room: the pages of the batch, and each letter longer than one page. */
export function pageLines(r: RenderBatchResult): string[] {
  if (r.pages === undefined) return [];
  const long = r.written.filter((w) => (w.pages ?? 0) > 1);
  const lines = [`  ${plural(r.pages, 'page')} in ${plural(r.written.length, 'letter')}; ${r.merged} opens with a cover sheet listing them`];
  for (const w of long) lines.push(`    ${w.pdf}: ${w.pages} pages`);
  return lines;
}

export async function runList(dir: string): Promise<number> {
  const letters = await loadPackLetters(dir);
  if (letters.set.documents.size === 0) {
    complain('no templates in templates/letters or templates/emails');
    return 1;
  }
  for (const [id, def] of [...letters.set.documents].sort(([a], [b]) => a.localeCompare(b))) {
    const prepared = prepareTemplate(def, letters.set, letters.catalogue);
    if ('paths' in prepared) {
      const errors = prepared.problems.filter((p) => p.severity === 'error').length;
      say(`${id.padEnd(34)} ${prepared.meta.object.padEnd(18)} ${prepared.meta.locale.padEnd(6)} ${prepared.version}${errors ? `  ${errors} error(s)` : ''}  ${prepared.meta.description ?? ''}`);
    } else say(`${id.padEnd(34)} (cannot be used: ${prepared.problems[0]?.message ?? 'see bankpack validate'})`);
  }
  return 0;
}
