// `letters send`: each recipient's email rendered and sent over SMTP at a bounded
// rate, exactly once across machines. The CRM is the ledger (ledger.ts): before a
// message goes out, its contactLog is created as a claim, and a claim that exists
// already means another sender has the email. Recipients without an address, who
// opted out (checked again when the email is claimed), or whose email has an
// unknown outcome (a claim left SENDING by a crash) are skipped and listed.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Catalogue } from '../catalogue.ts';
import type { CompiledTemplate, RunVariables } from '../compile.ts';
import type { Progress } from '../progress.ts';
import { readLists, readRecipients, recipientName, type RecipientQuery } from '../recipients.ts';
import type { LettersRecords, RecordInput } from '../records-port.ts';
import { planContactLog } from './contact-log.ts';
import type { UnsubscribeAddresses } from './headers.ts';
import { claimId, keyStates, missingLedgerFields, outcomeRecord, readLedger, type KeyState } from './ledger.ts';
import type { Mailer } from './mailer.ts';
import type { Pacer } from './rate.ts';
import { addresseeName, addresseeOf, optedOut, optOutPathsOf, valueAt } from './recipient-parts.ts';
import { sendBatch, type BatchContext, type Candidate } from './send-batch.ts';
import { sendKey, type SendLog } from './send-log.ts';
import { CLAIM_IN_PROGRESS_MS, emptyReport, type RecipientRef, type SendReport } from './send-report.ts';

export type { RecipientRef, SendReport, UnknownOutcome } from './send-report.ts';

export interface SendRunOptions {
  template: CompiledTemplate;
  catalogue: Catalogue;
  /** The records API: recipients, lists and the ledger (src/records' recordsPort(transport)). */
  records: LettersRecords;
  query: RecipientQuery;
  campaign: string;
  vars: RunVariables;
  log: SendLog;
  /** Absent on a dry run. */
  mailer?: Mailer;
  pace?: Pacer;
  /** List-Unsubscribe and the footer; `{id}` and `{email}` in the URL are replaced per recipient. */
  unsubscribe?: UnsubscribeAddresses;
  /** Send again the emails whose outcome is unknown (same Message-ID). */
  resendUnknown?: boolean;
  /** This run's token in `claimedBy` (default: host, pid and a random part). */
  token?: string;
  progress?: Progress;
  now?: () => Date;
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

export async function runSend(o: SendRunOptions): Promise<SendReport> {
  const prepared = o.template.prepared;
  const { object, toPath } = prepared;
  const report = emptyReport();
  if (!toPath) throw new Error(`${prepared.meta.id} is not an email template`);
  const mailer = o.mailer;
  const now = o.now ?? (() => new Date());
  const plan = planContactLog(o.catalogue, prepared);
  const missing = missingLedgerFields(plan);
  if (mailer && missing.length > 0) {
    throw new Error(
      `the CRM cannot be the ledger of this send: the pack lacks ${missing.join(', ')} (add them, run \`bankpack deploy\`, then send)`,
    );
  }
  report.crmLogging = missing.length === 0;
  const token = o.token ?? `${hostname()} pid ${process.pid} ${randomUUID().slice(0, 8)}`;
  const states = plan && missing.length === 0 ? await readLedger(o.records, plan, o.campaign) : keyStates([]);
  if (mailer) o.log.recordRun(token);
  const optOutPaths = optOutPathsOf(o.catalogue, object.nameSingular);
  const addressee = addresseeOf(o.catalogue, object.nameSingular, toPath);
  const lists = await readLists(o.records, o.catalogue, prepared);
  const extraPaths = [[object.labelIdentifier], ...optOutPaths, ...(plan?.extraPaths ?? []), addressee.namePath, [...addressee.hops, 'id']];
  const query: RecipientQuery = {
    ...o.query,
    extraPaths: [...(o.query.extraPaths ?? []), ...extraPaths.filter((p) => p.length > 1 || p[0] !== 'id')],
  };

  const ctx: BatchContext | undefined =
    mailer && plan
      ? {
          records: o.records,
          plan,
          catalogue: o.catalogue,
          recipientObject: object,
          optOutPaths,
          campaign: o.campaign,
          template: prepared,
          token,
          mailer,
          log: o.log,
          report,
          now,
          pendingOutcomes: [],
          ...(o.pace ? { pace: o.pace } : {}),
          ...(o.progress ? { progress: o.progress } : {}),
        }
      : undefined;
  let batch: Candidate[] = [];
  const flush = async (): Promise<boolean> => {
    if (!ctx || (batch.length === 0 && ctx.pendingOutcomes.length === 0)) return true;
    const go = await sendBatch(ctx, batch);
    batch = [];
    return go;
  };

  outer: for await (const page of readRecipients(o.records, o.catalogue, prepared, query)) {
    for (const record of page) {
      const ref: RecipientRef = { id: record.id, name: recipientName(o.catalogue, object.nameSingular, record) };
      const key = sendKey(o.campaign, record.id, prepared.meta.id, prepared.version);
      const address = valueAt(record, toPath);
      if (typeof address === 'string' && address.trim() !== '') ref.address = address.trim();
      o.progress?.tick(ref.name);
      const decision = decide(states.get(key), key, o, ctx, now());
      if (decision.kind === 'skip') {
        if (decision.as === 'sent') report.alreadySent.push(ref);
        else report.unknown.push({ ...ref, ...decision.claim });
        continue;
      }
      if (optedOut(record, optOutPaths)) {
        report.optedOut.push(ref);
        continue;
      }
      if (!ref.address || !ADDRESS.test(ref.address)) {
        report.noAddress.push(ref);
        continue;
      }
      const unsubscribe = unsubscribeFor(o.unsubscribe, record.id, ref.address);
      const toName = addresseeName(o.catalogue, addressee, record);
      const letter = o.template.render(record, { ...o.vars, lists, unsubscribe }, { name: ref.name, email: ref.address });
      if (letter.missing.length > 0) {
        report.stopped.push({ ...ref, missing: letter.missing });
        continue;
      }
      if (!mailer) {
        report.wouldSend.push(ref);
        continue;
      }
      batch.push({
        ref: { ...ref, address: ref.address },
        key,
        record,
        subject: letter.subject ?? '',
        html: letter.html,
        attempt: decision.attempt,
        resend: decision.resend,
        ...(toName ? { toName } : {}),
        unsubscribe,
      });
      if (batch.length >= o.records.createLimit && !(await flush())) break outer;
    }
  }
  await flush();
  return report;
}

type Decision =
  | { kind: 'send'; attempt: number; resend: boolean }
  | { kind: 'skip'; as: 'sent' }
  | { kind: 'skip'; as: 'unknown'; claim: { claimedAt?: string; claimedBy?: string; ageMs?: number; inProgress?: boolean } };

/**
 * What to do with one email, from its ledger state and this machine's send log. A
 * SENDING claim is sent again only when this machine's log proves the message never
 * reached SMTP (our run's claim, no attempt line) or with --resend-unknown; one the
 * log saw accepted is written SENT (a repair) and skipped.
 */
function decide(state: KeyState | undefined, key: string, o: SendRunOptions, ctx: BatchContext | undefined, at: Date): Decision {
  if (!state) return o.log.wasSent(key) ? { kind: 'skip', as: 'sent' } : { kind: 'send', attempt: 0, resend: false };
  if (state.kind === 'sent') return { kind: 'skip', as: 'sent' };
  if (state.kind === 'open') return { kind: 'send', attempt: state.attempt, resend: false };
  const row = state.row;
  if (o.log.wasSent(key)) {
    ctx?.pendingOutcomes.push(outcomeRecord(row.id, 'SENT', at) as RecordInput);
    return { kind: 'skip', as: 'sent' };
  }
  const ours = row.claimedBy !== undefined && o.log.wasOurRun(row.claimedBy) && !o.log.wasAttempted(claimId(key, row.attempt));
  if (ours) {
    ctx?.pendingOutcomes.push(outcomeRecord(row.id, 'RELEASED', at));
    return { kind: 'send', attempt: row.attempt + 1, resend: false };
  }
  if (o.resendUnknown) return { kind: 'send', attempt: row.attempt + 1, resend: true };
  const claimedAt = row.claimedAt ? Date.parse(row.claimedAt) : NaN;
  const ageMs = Number.isNaN(claimedAt) ? undefined : at.getTime() - claimedAt;
  return {
    kind: 'skip',
    as: 'unknown',
    claim: {
      ...(row.claimedAt ? { claimedAt: row.claimedAt } : {}),
      ...(row.claimedBy ? { claimedBy: row.claimedBy } : {}),
      ...(ageMs !== undefined ? { ageMs, inProgress: ageMs < CLAIM_IN_PROGRESS_MS } : {}),
    },
  };
}

function unsubscribeFor(u: UnsubscribeAddresses | undefined, id: string, email: string): UnsubscribeAddresses {
  const url = u?.url?.replace(/\{id\}/g, encodeURIComponent(id)).replace(/\{email\}/g, encodeURIComponent(email));
  return { ...(url ? { url } : {}), ...(u?.mailto ? { mailto: u.mailto } : {}) };
}
