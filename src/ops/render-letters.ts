// The renderLetters op: one print-ready HTML per recipient (and with PDFs one PDF each
// plus a merged PDF with a cover sheet), optionally logged as posted letters of a
// campaign. A letter missing a value is not written; it comes back in `batch.stopped`.
import type { Browser, LettersProgress, RenderBatchResult } from '../letters/index.ts';
import { recordsPort } from '../records/index.ts';
import { chooseLetters, lettersModule, recipientQuery, type LettersInput } from './letters.ts';
import { failure, workspaceFailure, type OpFailure } from './types.ts';

export interface RenderLettersInput extends LettersInput {
  outDir: string;
  /**
   * PDFs: 'always' fails the op when Chromium cannot start; 'when-installed' (the demo)
   * renders HTML only and says why; absent, HTML only.
   */
  pdf?: 'always' | 'when-installed';
  /** Log each letter as sent by post in this campaign (once per recipient). */
  campaign?: string;
  /** One tick per recipient. */
  progress?: LettersProgress;
}

export interface LettersRendered {
  ok: true;
  batch: RenderBatchResult;
  template: { id: string; version: string; object: string };
  outDir: string;
  /** Requests that read the recipients. */
  reads: number;
  warnings: string[];
  /** Why there are no PDFs though they were asked for ('when-installed'). */
  pdfNote?: string;
  /** Chromium is there but did not start. */
  pdfFailed?: boolean;
}

export async function renderLetters(input: RenderLettersInput): Promise<LettersRendered | OpFailure> {
  const chosen = await chooseLetters(input);
  if (!chosen.ok) return chosen;
  const { chromiumPath, launchBrowser, PdfPrinter, renderBatch } = await lettersModule();
  const { client } = input.workspace;
  let browser: Browser | undefined;
  let pdfNote: string | undefined;
  let pdfFailed = false;
  if (input.pdf === 'always') {
    try {
      browser = await launchBrowser();
    } catch (e) {
      return failure('letters', e instanceof Error ? e.message : String(e));
    }
  } else if (input.pdf === 'when-installed') {
    const { existsSync } = await import('node:fs');
    const chromium = chromiumPath();
    if (!existsSync(chromium))
      pdfNote = `no Chromium at ${chromium}: HTML only (apt-get install chromium fonts-noto-cjk, or set BANKPACK_CHROMIUM)`;
    else {
      try {
        browser = await launchBrowser();
      } catch (e) {
        pdfNote = `HTML only: ${e instanceof Error ? e.message : String(e)}`;
        pdfFailed = true;
      }
    }
  }
  try {
    const printer = browser ? await PdfPrinter.open(browser) : undefined;
    input.progress?.setTotal(input.limit);
    const batch = await renderBatch({
      template: chosen.template,
      catalogue: chosen.letters.catalogue,
      records: recordsPort(client),
      query: recipientQuery(chosen, input.limit),
      outDir: input.outDir,
      vars: { today: chosen.today },
      ...(printer ? { printer } : {}),
      ...(input.campaign ? { campaign: input.campaign } : {}),
      ...(input.progress ? { progress: input.progress } : {}),
    });
    input.progress?.done();
    const { prepared } = chosen.template;
    const object = prepared.object.nameSingular;
    return {
      ok: true,
      batch,
      template: { id: prepared.meta.id, version: prepared.version, object },
      outDir: input.outDir,
      reads: client.counter.snapshot().readsByKind[`records:${object}`] ?? 0,
      warnings: chosen.warnings,
      ...(pdfNote ? { pdfNote } : {}),
      ...(pdfFailed ? { pdfFailed } : {}),
    };
  } catch (e) {
    return workspaceFailure(e);
  } finally {
    await browser?.close();
  }
}
