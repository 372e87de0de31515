// `bankpack letters send`.
import { join, resolve } from 'node:path';
import type { ConnectionCliOptions } from '../deploy/cli-support.ts';
import { formatConfigProblem } from '../config/problem.ts';
import { complain, prepareRun, say, type Connect } from './cli-common.ts';
import { progressBar } from './progress.ts';
import { validatePack } from '../pack/index.ts';
import { sendSummary } from './report.ts';
import { unsubscribeProblems, type UnsubscribeAddresses } from './send/headers.ts';
import { smtpMailer, type Mailer } from './send/mailer.ts';
import type { SendRecordsPort } from './send/records-port.ts';
import { pacer, parseRate } from './send/rate.ts';
import { runSend } from './send/run-send.ts';
import { staleUnknown } from './send/send-report.ts';
import { SendLog } from './send/send-log.ts';
import { describeSmtp, resolveSmtp } from './send/smtp-settings.ts';

export interface SendCliOptions extends ConnectionCliOptions {
  template: string;
  where?: string;
  limit?: number;
  locale?: string;
  date?: string;
  campaign?: string;
  dryRun?: boolean;
  rate: string;
  smtp?: string;
  sendLog?: string;
  resendUnknown?: boolean;
}

/** The records API for the ledger, bound to the connected client (the command wires src/records' recordsPort). */
export type PortFor = (client: NonNullable<Awaited<ReturnType<Connect>>>['client']) => SendRecordsPort;

const CAMPAIGN = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,79}$/u;

export async function runSendCommand(opts: SendCliOptions, connect: Connect, portFor: PortFor): Promise<number> {
  const rate = parseRate(opts.rate);
  if (!rate) {
    complain(`--rate must be a number of emails a second (5, 5/s) or a minute (120/min), got "${opts.rate}"`);
    return 2;
  }
  if (!opts.campaign && !opts.dryRun) {
    complain('bankpack: letters send needs --campaign NAME (e.g. launch-2026-11): a re-run of the same campaign sends only what was not sent yet');
    return 2;
  }
  const campaign = opts.campaign ?? 'dry-run';
  if (!CAMPAIGN.test(campaign)) {
    complain(`--campaign: "${campaign}" — use letters, digits, ".", "_" and "-" (at most 80)`);
    return 2;
  }
  const run = await prepareRun(opts);
  if (!run) return 1;
  const prepared = run.template.prepared;
  if (prepared.meta.channel !== 'email') {
    complain(`bankpack: ${prepared.meta.id} is a letter, not an email: print it with \`bankpack letters render --pdf\``);
    return 2;
  }
  const smtp = await resolveSmtp({ env: process.env, packDir: resolve(opts.dir), ...(opts.smtp ? { profile: opts.smtp } : {}) });
  if (!smtp.ok && !opts.dryRun) {
    for (const p of smtp.problems) complain(`bankpack: ${formatConfigProblem(p)}`);
    return 1;
  }
  const unsubscribe = await unsubscribeAddresses(opts.dir, smtp.ok ? smtp.settings : undefined);
  const unsubscribeTrouble = unsubscribeProblems(unsubscribe);
  if (unsubscribeTrouble.length > 0 && !opts.dryRun) {
    for (const p of unsubscribeTrouble) complain(`bankpack: ${p}`);
    complain('bankpack: mail providers expect List-Unsubscribe with both (RFC 2369, RFC 8058); nothing was sent');
    return 1;
  }
  const connected = await connect(opts);
  if (!connected) return 1;
  const { client } = connected;

  const logPath = opts.sendLog ? resolve(opts.sendLog) : join(resolve(opts.dir), '.bankpack', 'send-log', `${campaign}.jsonl`);
  const log = SendLog.open(logPath);
  let mailer: Mailer | undefined;
  try {
    if (!opts.dryRun && smtp.ok) {
      say(`sending through ${describeSmtp(smtp.settings)}, at most ${rate.perSecond}/s; send log ${logPath}`);
      mailer = await smtpMailer(smtp.settings);
    }
    const progress = progressBar(opts.dryRun ? 'recipients checked' : 'recipients');
    if (opts.limit !== undefined) progress.setTotal(opts.limit);
    const report = await runSend({
      template: run.template,
      catalogue: run.letters.catalogue,
      transport: client,
      port: portFor(client),
      query: { ...(run.filter ? { filter: run.filter } : {}), ...(opts.limit !== undefined ? { limit: opts.limit } : {}) },
      campaign,
      vars: { today: run.today, campaign },
      log,
      ...(mailer ? { mailer } : {}),
      pace: pacer(rate),
      unsubscribe,
      ...(opts.resendUnknown ? { resendUnknown: true } : {}),
      progress,
    });
    progress.done();
    for (const line of sendSummary(report, { id: prepared.meta.id, version: prepared.version }, campaign, opts.dryRun === true)) say(line);
    const trouble = report.failed.length > 0 || report.stopped.length > 0 || staleUnknown(report).length > 0 || report.aborted !== undefined || report.logError !== undefined;
    return trouble ? 1 : 0;
  } finally {
    mailer?.close();
    log.close();
  }
}

/**
 * The List-Unsubscribe addresses: `email.unsubscribe` of settings/bank.yaml, unless
 * BANKPACK_UNSUBSCRIBE_URL / _MAILTO or the SMTP profile's unsubscribeUrl /
 * unsubscribeMailto give another (a test relay, a second brand).
 */
async function unsubscribeAddresses(dir: string, smtp: { unsubscribeUrl?: string; unsubscribeMailto?: string } | undefined): Promise<UnsubscribeAddresses> {
  const { pack } = await validatePack(resolve(dir));
  const fromPack = pack.settings?.email.unsubscribe;
  const url = smtp?.unsubscribeUrl ?? fromPack?.url;
  const mailto = (smtp?.unsubscribeMailto ?? fromPack?.mailto)?.replace(/^mailto:/i, '');
  return { ...(url ? { url } : {}), ...(mailto ? { mailto } : {}) };
}
