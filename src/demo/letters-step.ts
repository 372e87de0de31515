// The demo's letters and emails, as `bankpack letters render` and `letters send` do
// them: the greeting letter for every platinum client (HTML, and PDF when Chromium is
// installed), logged as posted letters; the launch invitation emailed to every invited
// client through the local SMTP catcher, logged as contactLog records. Both are keyed by
// campaign, so a second run logs and sends nothing again.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { chromiumPath, launchBrowser } from '../letters/browser.ts';
import { PdfPrinter } from '../letters/pdf.ts';
import { renderBatch } from '../letters/render-batch.ts';
import { smtpMailer } from '../letters/send/mailer.ts';
import { runSend, type SendReport } from '../letters/send/run-send.ts';
import { SendLog } from '../letters/send/send-log.ts';
import { chooseTemplate, type PackLetters } from '../letters/setup.ts';
import { parseWhere, type Filter } from '../letters/where.ts';
import type { CompiledTemplate } from '../letters/compile.ts';
import { recordsPort } from '../records/index.ts';
import type { TwentyClient } from '../twenty/client.ts';
import type { SmtpCatcher } from './catcher.ts';
import { DEMO_SENDER, GREETING, INVITATION } from './options.ts';

export interface LettersResult {
  dir: string;
  html: number;
  pdf: number;
  /** The merged PDF for printing, when PDFs were made. */
  merged?: string;
  /** Letters not rendered for a missing value: `name: variable`. */
  stopped: string[];
  /** Posted letters logged as contactLog records in this run. */
  logged: number;
  /** Why there are no PDFs, when there are none. */
  pdfNote?: string;
  pdfFailed?: boolean;
}

export interface SendResult {
  sent: number;
  alreadySent: number;
  noAddress: number;
  optedOut: number;
  stopped: number;
  failed: string[];
  logged: number;
  problem?: string;
}

function templateAndFilter(letters: PackLetters, name: string, where: string): { template: CompiledTemplate; filter: Filter | undefined } {
  const chosen = chooseTemplate(letters, name);
  if (!chosen.ok) throw new Error(`template ${name} cannot be used: ${chosen.problems.join('; ')}`);
  const parsed = parseWhere(where, chosen.template.prepared.object, letters.catalogue);
  if (!parsed.ok) throw new Error(`--where ${where}: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return { template: chosen.template, filter: parsed.filter };
}

export async function renderGreetings(client: TwentyClient, letters: PackLetters, dir: string, today: string, wantPdf: boolean): Promise<LettersResult> {
  const { template, filter } = templateAndFilter(letters, GREETING.template, GREETING.where);
  await rm(dir, { recursive: true, force: true }); // this batch's folder only: stale letters of an earlier workspace go
  const chromium = chromiumPath();
  let pdfNote: string | undefined;
  let pdfFailed = false;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  if (!wantPdf) pdfNote = 'PDFs off (--no-pdf)';
  else if (!existsSync(chromium)) pdfNote = `no Chromium at ${chromium}: HTML only (apt-get install chromium fonts-noto-cjk, or set BANKPACK_CHROMIUM)`;
  else {
    try {
      browser = await launchBrowser();
    } catch (e) {
      pdfNote = `HTML only: ${e instanceof Error ? e.message : String(e)}`;
      pdfFailed = true;
    }
  }
  try {
    const printer = browser ? await PdfPrinter.open(browser) : undefined;
    const result = await renderBatch({
      template,
      catalogue: letters.catalogue,
      transport: client,
      query: filter ? { filter } : {},
      outDir: dir,
      vars: { today },
      campaign: GREETING.campaign,
      ...(printer ? { printer } : {}),
    });
    return {
      dir,
      html: result.written.length,
      pdf: result.written.filter((w) => w.pdf).length,
      ...(result.merged ? { merged: result.merged } : {}),
      stopped: result.stopped.map((s) => `${s.name}: ${(s.missing ?? []).map((m) => m.variable).join(', ')}`),
      logged: result.logged ?? 0,
      ...(pdfNote ? { pdfNote } : {}),
      pdfFailed,
    };
  } finally {
    await browser?.close();
  }
}

export async function sendInvitations(client: TwentyClient, letters: PackLetters, catcher: SmtpCatcher, sendLogPath: string, today: string): Promise<SendResult> {
  const { template, filter } = templateAndFilter(letters, INVITATION.template, INVITATION.where);
  const log = SendLog.open(sendLogPath);
  const mailer = await smtpMailer({ host: catcher.host, port: catcher.port, tls: 'none', from: DEMO_SENDER });
  let report: SendReport;
  try {
    report = await runSend({
      template,
      catalogue: letters.catalogue,
      transport: client,
      port: recordsPort(client),
      query: filter ? { filter } : {},
      campaign: INVITATION.campaign,
      vars: { today, campaign: INVITATION.campaign },
      log,
      mailer,
    });
  } finally {
    mailer.close();
    log.close();
  }
  const problem = report.aborted ?? report.logError;
  return {
    sent: report.sent.length,
    alreadySent: report.alreadySent.length,
    noAddress: report.noAddress.length,
    optedOut: report.optedOut.length,
    stopped: report.stopped.length,
    failed: report.failed.map((f) => `${f.name}: ${f.error}`),
    logged: report.logged,
    ...(problem ? { problem } : {}),
  };
}
