// One batch of at most 60 emails, in three records-API requests: the recipients'
// opt-out flags read again (consent is checked when the email is claimed, not only
// when the list was read), the claims created (the lock), and the outcomes written.
// Between the claim and the outcome each message goes to SMTP, its attempt flushed
// to the local send log first.
import type { Catalogue } from '../catalogue.ts';
import type { PreparedTemplate } from '../prepare.ts';
import type { Progress } from '../progress.ts';
import type { Recipient } from '../recipients.ts';
import type { ContactLogPlan } from './contact-log.ts';
import { unsubscribeHeaders, type UnsubscribeAddresses } from './headers.ts';
import { claimId, claimRecord, outcomeRecord, TAKEN_FIELDS } from './ledger.ts';
import { isRefusal, smtpReplyOf, type Mailer } from './mailer.ts';
import type { Pacer } from './rate.ts';
import { optedOut } from './recipient-parts.ts';
import type { Fields, LettersRecords, ObjectRef, RecordInput } from '../records-port.ts';
import type { SendLog } from './send-log.ts';
import type { RecipientRef, SendReport } from './send-report.ts';

export interface Candidate {
  ref: RecipientRef & { address: string };
  key: string;
  record: Recipient;
  subject: string;
  html: string;
  /** The attempt to claim (0 the first time). */
  attempt: number;
  resend: boolean;
  toName?: string;
  unsubscribe: UnsubscribeAddresses;
}

export interface BatchContext {
  records: LettersRecords;
  plan: ContactLogPlan;
  catalogue: Catalogue;
  recipientObject: ObjectRef;
  optOutPaths: string[][];
  campaign: string;
  template: PreparedTemplate;
  token: string;
  mailer: Mailer;
  pace?: Pacer;
  log: SendLog;
  report: SendReport;
  now: () => Date;
  progress?: Progress;
  /** Outcomes to write with this batch's (repairs found while reading the recipients). */
  pendingOutcomes: RecordInput[];
}

/** Sends one batch; returns false when the run must stop (the reason is in `report.aborted`). */
export async function sendBatch(ctx: BatchContext, batch: readonly Candidate[]): Promise<boolean> {
  const { report } = ctx;
  let fresh: Candidate[];
  let claimed: Set<string>;
  try {
    fresh = await checkConsent(ctx, batch);
    const claims = fresh.map((c) =>
      claimRecord(ctx.plan, {
        key: c.key,
        recipient: c.record,
        channel: 'EMAIL',
        campaign: ctx.campaign,
        template: ctx.template,
        title: c.subject,
        at: ctx.now(),
        attempt: c.attempt,
        messageId: ctx.mailer.messageIdFor(c.key),
        token: ctx.token,
      }),
    );
    const result =
      fresh.length > 0
        ? await ctx.records.claim(ctx.plan.object, claims, { field: 'claimedBy', value: ctx.token }, TAKEN_FIELDS)
        : { claimed: [], taken: [] };
    claimed = new Set(result.claimed);
    report.logged += claimed.size;
    const takenIds = new Set(result.taken.map((r) => r.id));
    for (const [i, c] of fresh.entries()) if (takenIds.has(claims[i]!.id)) report.takenByOther.push(c.ref);
    fresh = fresh.filter((_, i) => claimed.has(claims[i]!.id));
  } catch (e) {
    report.aborted = `Twenty could not be asked or could not record the claims, so nothing more was sent: ${e instanceof Error ? e.message : String(e)}`;
    return false;
  }

  const outcomes: RecordInput[] = ctx.pendingOutcomes.splice(0);
  let stop: string | undefined;
  for (const c of fresh) {
    const id = claimId(c.key, c.attempt);
    if (stop) {
      outcomes.push(outcomeRecord(id, 'RELEASED', ctx.now()));
      continue;
    }
    await ctx.pace?.wait();
    ctx.log.recordAttempt(c.key, id);
    try {
      const { messageId, reply } = await ctx.mailer.send({
        to: c.ref.address,
        ...(c.toName ? { toName: c.toName } : {}),
        subject: c.subject,
        html: c.html,
        key: c.key,
        messageId: ctx.mailer.messageIdFor(c.key),
        headers: unsubscribeHeaders(c.unsubscribe),
      });
      const at = ctx.now();
      ctx.log.recordSent(
        {
          key: c.key,
          campaign: ctx.campaign,
          recipientId: c.record.id,
          address: c.ref.address,
          template: ctx.template.meta.id,
          version: ctx.template.version,
          messageId,
        },
        at,
      );
      outcomes.push(outcomeRecord(id, 'SENT', at, reply));
      report.sent.push(c.ref);
      if (c.resend) report.resent.push(c.ref);
    } catch (e) {
      const reply = smtpReplyOf(e);
      if (isRefusal(e)) {
        outcomes.push(outcomeRecord(id, 'FAILED', ctx.now(), reply));
        report.failed.push({ ...c.ref, error: reply });
        continue;
      }
      // The connection failed: before the server had the message (nothing sent), or while it held it (unknown).
      if (neverConnected(e)) outcomes.push(outcomeRecord(id, 'RELEASED', ctx.now()));
      else report.unknown.push({ ...c.ref, claimedBy: ctx.token, ageMs: 0 }); // left SENDING
      report.failed.push({ ...c.ref, error: reply });
      stop = `the SMTP server could not be reached or dropped the connection: ${reply}`;
    }
  }
  try {
    if (outcomes.length > 0) await ctx.records.upsert(ctx.plan.object, outcomes);
  } catch (e) {
    report.logError = e instanceof Error ? e.message : String(e);
    stop ??= `Twenty could not record what was sent: ${report.logError}`;
  }
  if (stop) report.aborted = stop;
  return stop === undefined;
}

/** nodemailer's failure to open the connection at all (`command: 'CONN'`, a refused or unresolved host): nothing was sent. */
function neverConnected(e: unknown): boolean {
  const { code, command, syscall } = e as { code?: unknown; command?: unknown; syscall?: unknown };
  return command === 'CONN' || syscall === 'connect' || code === 'ECONNECTION' || code === 'EDNS';
}

/** Reads the batch's opt-out flags again; drops (and reports) who opted out or was deleted since the list was read. */
async function checkConsent(ctx: BatchContext, batch: readonly Candidate[]): Promise<Candidate[]> {
  if (ctx.optOutPaths.length === 0 || batch.length === 0) return [...batch];
  const fields: Fields = ['id', ...ctx.optOutPaths.map((p) => (p.length === 1 ? p[0]! : { [p[0]!]: [p[1]!] }))];
  const rows = await ctx.records.readAll(ctx.recipientObject, fields, { id: { in: batch.map((c) => c.record.id) } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const keep: Candidate[] = [];
  for (const c of batch) {
    const row = byId.get(c.record.id);
    if (!row) ctx.report.failed.push({ ...c.ref, error: 'the record was deleted during the send' });
    else if (optedOut(row, ctx.optOutPaths)) ctx.report.optedOut.push(c.ref);
    else keep.push(c);
  }
  return keep;
}
