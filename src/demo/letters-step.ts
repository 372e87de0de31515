// The demo's letters and emails, through the ops `bankpack letters render` and `letters
// send` call: the greeting letter for every platinum client (HTML, and PDF when Chromium
// is installed), logged as posted letters; the launch invitation emailed to every invited
// client through the local SMTP catcher, logged as contactLog records. Both are keyed by
// campaign, so a second run logs and sends nothing again.
import { rm } from 'node:fs/promises';
import { renderLetters, sendLetters, type OpFailure, type PackInput, type Workspace } from '../ops/index.ts';
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

/** The pack, the workspace and the letters' date: what both letter steps share. */
export interface LettersContext {
  pack: PackInput;
  workspace: Workspace;
  today: string;
}

const thrown = (f: OpFailure): Error => new Error([f.message, ...f.details].join('; '));

export async function renderGreetings(ctx: LettersContext, dir: string, wantPdf: boolean): Promise<LettersResult> {
  await rm(dir, { recursive: true, force: true }); // this batch's folder only: stale letters of an earlier workspace go
  const r = await renderLetters({
    ...ctx.pack,
    workspace: ctx.workspace,
    template: GREETING.template,
    where: GREETING.where,
    date: ctx.today,
    outDir: dir,
    campaign: GREETING.campaign,
    ...(wantPdf ? { pdf: 'when-installed' as const } : {}),
  });
  if (!r.ok) throw thrown(r);
  const { batch } = r;
  const pdfNote = wantPdf ? r.pdfNote : 'PDFs off (--no-pdf)';
  return {
    dir,
    html: batch.written.length,
    pdf: batch.written.filter((w) => w.pdf).length,
    ...(batch.merged ? { merged: batch.merged } : {}),
    stopped: batch.stopped.map((s) => `${s.name}: ${(s.missing ?? []).map((m) => m.variable).join(', ')}`),
    logged: batch.logged ?? 0,
    ...(pdfNote ? { pdfNote } : {}),
    pdfFailed: r.pdfFailed === true,
  };
}

export async function sendInvitations(ctx: LettersContext, catcher: SmtpCatcher, sendLogPath: string): Promise<SendResult> {
  const r = await sendLetters({
    ...ctx.pack,
    workspace: ctx.workspace,
    template: INVITATION.template,
    where: INVITATION.where,
    date: ctx.today,
    campaign: INVITATION.campaign,
    smtp: { settings: { host: catcher.host, port: catcher.port, tls: 'none', from: DEMO_SENDER } },
    sendLog: sendLogPath,
  });
  if (!r.ok) throw thrown(r);
  const { report } = r;
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
