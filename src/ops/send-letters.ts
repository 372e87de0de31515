// The sendLetters op: an email template sent to each recipient over SMTP, once per
// campaign (the CRM's contactLog records are the ledger, a local send log beside it),
// with List-Unsubscribe from the SMTP settings or settings/bank.yaml. A dry run renders
// and checks everything and sends and logs nothing.
import { formatConfigProblem, describeSmtp, resolveSmtp } from '../config/index.ts';
import type { LettersProgress, Mailer, Rate, SendReport, SmtpSettings, UnsubscribeAddresses } from '../letters/index.ts';
import type { ValidPack } from '../pack/index.ts';
import { recordsPort } from '../records/index.ts';
import { chooseLetters, lettersModule, recipientQuery, type LettersInput } from './letters.ts';
import { failure, workspaceFailure, type OpFailure, type Progress } from './types.ts';

export interface SendLettersInput extends LettersInput {
  campaign: string;
  dryRun?: boolean;
  /** At most this many emails a second; absent, as fast as the server takes them. */
  rate?: Rate;
  /** SMTP settings as given (the demo's catcher), or resolved from the environment and a bankpack.config.yaml profile. */
  smtp: { settings: SmtpSettings } | { env: NodeJS.ProcessEnv; profile?: string };
  /** The local send log (JSON lines). */
  sendLog: string;
  /** Send again the emails of unknown outcome, with the same Message-ID. */
  resendUnknown?: boolean;
  /** One tick per recipient. */
  progress?: LettersProgress;
  /** Notes before the send starts (which server, which log). */
  onNote?: Progress;
}

export interface LettersSent {
  ok: true;
  report: SendReport;
  template: { id: string; version: string };
  warnings: string[];
  /** A failed or stopped email, one of unknown outcome, or a send cut short: the exit code is 1. */
  trouble: boolean;
}

export async function sendLetters(input: SendLettersInput): Promise<LettersSent | OpFailure> {
  const chosen = await chooseLetters(input);
  if (!chosen.ok) return chosen;
  const prepared = chosen.template.prepared;
  if (prepared.meta.channel !== 'email')
    return failure('usage', `${prepared.meta.id} is a letter, not an email: print it with \`bankpack letters render --pdf\``);
  const { pacer, runSend, SendLog, smtpMailer, staleUnknown, unsubscribeProblems } = await lettersModule();
  const smtp =
    'settings' in input.smtp
      ? { ok: true as const, settings: input.smtp.settings }
      : await resolveSmtp({
          env: input.smtp.env,
          packDir: chosen.pack.root,
          ...(input.smtp.profile ? { profile: input.smtp.profile } : {}),
        });
  if (!smtp.ok && !input.dryRun)
    return failure(
      'letters',
      'no SMTP server to send through; nothing was sent',
      smtp.problems.map((p) => `bankpack: ${formatConfigProblem(p)}`),
    );
  const unsubscribe = unsubscribeAddresses(chosen.pack, smtp.ok ? smtp.settings : undefined);
  const unsubscribeTrouble = unsubscribeProblems(unsubscribe);
  if (unsubscribeTrouble.length > 0 && !input.dryRun) {
    return failure(
      'letters',
      'mail providers expect List-Unsubscribe with both (RFC 2369, RFC 8058); nothing was sent',
      unsubscribeTrouble.map((p) => `bankpack: ${p}`),
    );
  }
  const { client } = input.workspace;
  const log = SendLog.open(input.sendLog);
  let mailer: Mailer | undefined;
  try {
    if (!input.dryRun && smtp.ok) {
      input.onNote?.(
        `sending through ${describeSmtp(smtp.settings)}${input.rate ? `, at most ${input.rate.perSecond}/s` : ''}; send log ${input.sendLog}`,
      );
      mailer = await smtpMailer(smtp.settings);
    }
    input.progress?.setTotal(input.limit);
    const report = await runSend({
      template: chosen.template,
      catalogue: chosen.letters.catalogue,
      records: recordsPort(client),
      query: recipientQuery(chosen, input.limit),
      campaign: input.campaign,
      vars: { today: chosen.today, campaign: input.campaign },
      log,
      ...(mailer ? { mailer } : {}),
      ...(input.rate ? { pace: pacer(input.rate) } : {}),
      unsubscribe,
      ...(input.resendUnknown ? { resendUnknown: true } : {}),
      ...(input.progress ? { progress: input.progress } : {}),
    });
    input.progress?.done();
    const trouble =
      report.failed.length > 0 ||
      report.stopped.length > 0 ||
      staleUnknown(report).length > 0 ||
      report.aborted !== undefined ||
      report.logError !== undefined;
    return { ok: true, report, template: { id: prepared.meta.id, version: prepared.version }, warnings: chosen.warnings, trouble };
  } catch (e) {
    return workspaceFailure(e);
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
function unsubscribeAddresses(
  pack: ValidPack,
  smtp: Pick<SmtpSettings, 'unsubscribeUrl' | 'unsubscribeMailto'> | undefined,
): UnsubscribeAddresses {
  const fromPack = pack.settings?.email.unsubscribe;
  const url = smtp?.unsubscribeUrl ?? fromPack?.url;
  const mailto = (smtp?.unsubscribeMailto ?? fromPack?.mailto)?.replace(/^mailto:/i, '');
  return { ...(url ? { url } : {}), ...(mailto ? { mailto } : {}) };
}
