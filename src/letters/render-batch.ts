// `letters render`: one print-ready HTML per recipient and, with PDFs on, one PDF
// per recipient plus a merged PDF, through one browser. A letter missing a value is
// not written: it is listed with the variable and where the template uses it.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalogue } from './catalogue.ts';
import type { CompiledTemplate, RunVariables } from './compile.ts';
import { letterFileStem } from './file-names.ts';
import type { MissingValue } from './helpers/registry.ts';
import { coverSheetHtml } from './cover-sheet.ts';
import { mergePdfs, pageCount, type PdfPrinter } from './pdf.ts';
import type { Progress } from './progress.ts';
import { LETTERS_PAGE_SIZE, readLists, readRecipients, recipientName, type RecipientQuery } from './recipients.ts';
import type { LettersRecords } from './records-port.ts';
import { contactLogRecord, loggedKeys, planContactLog, type ContactLogPlan } from './send/contact-log.ts';
import { sendKey } from './send/send-log.ts';

export interface RenderBatchOptions {
  template: CompiledTemplate;
  catalogue: Catalogue;
  records: LettersRecords;
  query: RecipientQuery;
  outDir: string;
  vars: RunVariables;
  /** Print PDFs with this printer (its browser is the caller's). */
  printer?: PdfPrinter;
  progress?: Progress;
  /** Log each letter written as sent by post (channel LETTER) in this campaign, once per recipient. */
  campaign?: string;
}

export interface LetterOutcome {
  id: string;
  name: string;
  /** Paths relative to the output folder. */
  html?: string;
  pdf?: string;
  /** Pages of its PDF. */
  pages?: number;
  missing?: MissingValue[];
}

export interface RenderBatchResult {
  written: LetterOutcome[];
  /** Letters not written because a value was missing. */
  stopped: LetterOutcome[];
  /** The merged PDF (a cover sheet listing the letters, then every letter), relative to the output folder. */
  merged?: string;
  /** Pages of all letters' PDFs, the cover sheet not counted. */
  pages?: number;
  /** With a campaign: contact logs written now (letters logged by an earlier run are not logged again). */
  logged?: number;
}

export const MERGED_PDF = 'all-letters.pdf';

export async function renderBatch(o: RenderBatchOptions): Promise<RenderBatchResult> {
  await mkdir(o.outDir, { recursive: true });
  const object = o.template.prepared.object;
  const lists = await readLists(o.records, o.catalogue, o.template.prepared);
  const vars: RunVariables = { ...o.vars, lists };
  const result: RenderBatchResult = { written: [], stopped: [] };
  const pdfs: Array<Uint8Array | undefined> = [];
  const inFlight = new Set<Promise<void>>();
  const plan = o.campaign ? planContactLog(o.catalogue, o.template.prepared) : undefined;
  const toLog: Array<{ key: string; record: Record<string, unknown> & { id: string } }> = [];
  const query: RecipientQuery = {
    ...o.query,
    extraPaths: [...(o.query.extraPaths ?? []), [object.labelIdentifier], ...(plan?.extraPaths ?? [])],
  };
  let index = 0;

  for await (const page of readRecipients(o.records, o.catalogue, o.template.prepared, query)) {
    for (const record of page) {
      const name = recipientName(o.catalogue, object.nameSingular, record);
      const letter = o.template.render(record, vars, { name });
      if (letter.missing.length > 0) {
        result.stopped.push({ id: record.id, name, missing: letter.missing });
        o.progress?.tick(name);
        continue;
      }
      const stem = letterFileStem(++index, name, record.id);
      await writeFile(join(o.outDir, `${stem}.html`), letter.html);
      const outcome: LetterOutcome = { id: record.id, name, html: `${stem}.html` };
      result.written.push(outcome);
      if (plan && o.campaign) {
        const { meta, version } = o.template.prepared;
        const key = sendKey(o.campaign, record.id, meta.id, version);
        toLog.push({
          key,
          record: contactLogRecord(plan, {
            key,
            recipient: record,
            channel: 'LETTER',
            campaign: o.campaign,
            template: o.template.prepared,
            title: letter.subject ?? meta.id,
            at: new Date(),
          }),
        });
      }
      if (o.printer) {
        const slot = pdfs.length;
        pdfs.push(undefined);
        outcome.pdf = `${stem}.pdf`;
        const job = o.printer.print(letter.html).then(async (bytes) => {
          pdfs[slot] = bytes;
          outcome.pages = await pageCount(bytes);
          await writeFile(join(o.outDir, `${stem}.pdf`), bytes);
          o.progress?.tick(name);
        });
        const tracked: Promise<void> = job.finally(() => inFlight.delete(tracked));
        inFlight.add(tracked);
        if (inFlight.size >= o.printer.parallel) await Promise.race(inFlight);
      } else o.progress?.tick(name);
    }
  }
  await Promise.all(inFlight);
  if (o.printer && pdfs.length > 0) {
    const { meta, version } = o.template.prepared;
    const title = meta.id.replace(/^[^/]+\//, '');
    const lines = result.written.map((w, i) => ({ index: i + 1, name: w.name, file: w.pdf ?? '', pages: w.pages ?? 0 }));
    result.pages = lines.reduce((n, l) => n + l.pages, 0);
    const cover = await o.printer.print(coverSheetHtml({ title, templateId: meta.id, version, date: o.vars.today, letters: lines }));
    const letters = pdfs.filter((p): p is Uint8Array => p !== undefined);
    await writeFile(
      join(o.outDir, MERGED_PDF),
      await mergePdfs([cover, ...letters], `${title} — ${o.vars.today} — ${lines.length} letters`),
    );
    result.merged = MERGED_PDF;
  }
  if (plan && o.campaign) result.logged = await logLetters(o.records, plan, o.campaign, toLog);
  await writeFile(
    join(o.outDir, 'summary.json'),
    `${JSON.stringify({ template: o.template.prepared.meta.id, version: o.template.prepared.version, ...result }, null, 2)}\n`,
  );
  return result;
}

/** Writes the contact logs of the letters not yet logged in this campaign; returns how many were written. */
async function logLetters(
  records: LettersRecords,
  plan: ContactLogPlan,
  campaign: string,
  letters: Array<{ key: string; record: Record<string, unknown> & { id: string } }>,
): Promise<number> {
  const known = await loggedKeys(records, plan, campaign, LETTERS_PAGE_SIZE);
  const fresh = letters.filter((l) => !known.has(l.key)).map((l) => l.record);
  await records.create(plan.object, fresh);
  return fresh.length;
}
