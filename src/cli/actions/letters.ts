// `bankpack letters …` at work: calls one letters op and prints its result. Imported
// inside the command's actions only, so `bankpack --help` never loads the letters
// (Chromium's driver, pdf-lib, nodemailer).
import { join, resolve } from 'node:path';
import { parseRate, type RenderBatchResult } from '../../letters/index.ts';
import { listLetters, previewLetters, renderLetters, sendLetters, type LettersInput, type Workspace } from '../../ops/index.ts';
import { plural } from '../output.ts';
import { progressBar } from '../progress-bar.ts';
import { renderSummary, sendSummary } from './letters-report.ts';
import { printFailure } from './print-failure.ts';

export interface CommonLetterOptions {
  dir: string;
  template: string;
  where?: string;
  limit?: number;
  locale?: string;
  date?: string;
}

export interface RenderLetterOptions extends CommonLetterOptions {
  out: string;
  pdf?: boolean;
  campaign?: string;
}

export interface SendLetterOptions extends CommonLetterOptions {
  campaign?: string;
  dryRun?: boolean;
  rate: string;
  smtp?: string;
  sendLog?: string;
  resendUnknown?: boolean;
}

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const complain = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const CAMPAIGN = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,79}$/u;

const lettersInput = (opts: CommonLetterOptions, workspace: Workspace): LettersInput => ({
  dir: resolve(opts.dir),
  workspace,
  template: opts.template,
  ...(opts.locale !== undefined ? { locale: opts.locale } : {}),
  ...(opts.where !== undefined ? { where: opts.where } : {}),
  ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
  ...(opts.date !== undefined ? { date: opts.date } : {}),
});

export async function runRender(opts: RenderLetterOptions, workspace: Workspace | undefined): Promise<number> {
  if (!workspace) return 1;
  const outDir = resolve(opts.out);
  const rendered = await renderLetters({
    ...lettersInput(opts, workspace),
    outDir,
    ...(opts.pdf ? { pdf: 'always' as const } : {}),
    ...(opts.campaign ? { campaign: opts.campaign } : {}),
    progress: progressBar(opts.pdf ? 'letters printed' : 'letters rendered'),
  });
  if (!rendered.ok) return printFailure(rendered);
  for (const w of rendered.warnings) complain(w);
  for (const line of renderSummary(rendered.batch, rendered.template, outDir, rendered.reads)) say(line);
  for (const line of pageLines(rendered.batch)) say(line);
  return rendered.batch.stopped.length > 0 ? 1 : 0;
}

/** For the print room: the pages of the batch, and each letter longer than one page. */
export function pageLines(r: RenderBatchResult): string[] {
  if (r.pages === undefined) return [];
  const long = r.written.filter((w) => (w.pages ?? 0) > 1);
  const lines = [
    `  ${plural(r.pages, 'page')} in ${plural(r.written.length, 'letter')}; ${r.merged} opens with a cover sheet listing them`,
  ];
  for (const w of long) lines.push(`    ${w.pdf}: ${w.pages} pages`);
  return lines;
}

export async function runSend<O extends SendLetterOptions>(opts: O, connect: (opts: O) => Promise<Workspace | undefined>): Promise<number> {
  const rate = parseRate(opts.rate);
  if (!rate) {
    complain(`--rate must be a number of emails a second (5, 5/s) or a minute (120/min), got "${opts.rate}"`);
    return 2;
  }
  if (!opts.campaign && !opts.dryRun) {
    complain(
      'bankpack: letters send needs --campaign NAME (e.g. launch-2026-11): a re-run of the same campaign sends only what was not sent yet',
    );
    return 2;
  }
  const campaign = opts.campaign ?? 'dry-run';
  if (!CAMPAIGN.test(campaign)) {
    complain(`--campaign: "${campaign}" — use letters, digits, ".", "_" and "-" (at most 80)`);
    return 2;
  }
  const workspace = await connect(opts);
  if (!workspace) return 1;
  const sent = await sendLetters({
    ...lettersInput(opts, workspace),
    campaign,
    ...(opts.dryRun ? { dryRun: true } : {}),
    rate,
    smtp: { env: process.env, ...(opts.smtp ? { profile: opts.smtp } : {}) },
    sendLog: opts.sendLog ? resolve(opts.sendLog) : join(resolve(opts.dir), '.bankpack', 'send-log', `${campaign}.jsonl`),
    ...(opts.resendUnknown ? { resendUnknown: true } : {}),
    progress: progressBar(opts.dryRun ? 'recipients checked' : 'recipients'),
    onNote: say,
  });
  if (!sent.ok) return printFailure(sent);
  for (const w of sent.warnings) complain(w);
  for (const line of sendSummary(sent.report, sent.template, campaign, opts.dryRun === true)) say(line);
  return sent.trouble ? 1 : 0;
}

export async function runPreview(
  opts: { dir: string; port: number; limit: number; date?: string },
  workspace: Workspace | undefined,
): Promise<number> {
  if (!workspace) return 1;
  const server = await previewLetters({
    dir: resolve(opts.dir),
    workspace,
    limit: opts.limit,
    port: opts.port,
    ...(opts.date ? { date: opts.date } : {}),
  });
  say(`letter preview on ${server.url}  (templates re-read on each page load; Ctrl-C to stop)`);
  await new Promise<void>((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

export async function runList(dir: string): Promise<number> {
  const listed = await listLetters(dir);
  if (listed.length === 0) {
    complain('no templates in templates/letters or templates/emails');
    return 1;
  }
  for (const t of listed) {
    if (t.problem !== undefined) say(`${t.id.padEnd(34)} (cannot be used: ${t.problem})`);
    else
      say(
        `${t.id.padEnd(34)} ${t.object!.padEnd(18)} ${t.locale!.padEnd(6)} ${t.version}${t.errors ? `  ${t.errors} error(s)` : ''}  ${t.description ?? ''}`,
      );
  }
  return 0;
}
