// The CRM as the ledger of a campaign's emails. Each attempt to send an email is a
// contactLog created *before* the message goes to SMTP, with an id derived from the
// send key and the attempt number: that create is the lock (a create of an existing
// id fails atomically in Twenty), so two machines racing for one email create the
// same id and only one wins. Statuses: SENDING (claimed; left so by a crash, the
// outcome is unknown), SENT (the server's 250), FAILED (refused, with its reply),
// RELEASED (claimed, never handed to SMTP). A later attempt (a refused email sent
// again, or --resend-unknown) claims the next id, so it is a lock too.
import { contactLogId, contactLogRecord, type ContactLogInput, type ContactLogPlan } from './contact-log.ts';
import type { Fields, LettersRecords, RecordInput, Row } from '../records-port.ts';

export type SendStatus = 'SENDING' | 'SENT' | 'FAILED' | 'RELEASED';
/** The contactLog fields the ledger needs (objects/contact-log.object.yaml). */
export const LEDGER_FIELDS = ['sendKey', 'campaign', 'sendStatus', 'messageId', 'smtpReply', 'claimedAt', 'claimedBy'] as const;
/** Attempts looked at per email: far more than any campaign needs. */
const MAX_ATTEMPTS = 50;

/** Attempt 0 is the id contact logs always had (uuid v5 of the send key). */
export function claimId(key: string, attempt: number): string {
  return contactLogId(attempt === 0 ? key : `${key}#${attempt}`);
}

export interface LedgerRow {
  id: string;
  key: string;
  attempt: number;
  status?: string;
  claimedAt?: string;
  claimedBy?: string;
}

export type KeyState =
  | { kind: 'sent'; row: LedgerRow }
  /** The latest claim is SENDING: another sender is on it, or one crashed while on it. */
  | { kind: 'unknown'; row: LedgerRow }
  /** Nothing claimed, or the latest attempt was refused or released: claim `attempt`. */
  | { kind: 'open'; attempt: number };

/** What the ledger's fields are missing from the pack's contactLog; empty when it can be used. */
export function missingLedgerFields(plan: ContactLogPlan | undefined): string[] {
  if (!plan) return ['the contactLog object'];
  return LEDGER_FIELDS.filter((f) => !plan.object.fields.has(f)).map((f) => `contactLog.${f}`);
}

function toLedgerRow(row: Row): LedgerRow | undefined {
  const key = row.sendKey;
  if (typeof key !== 'string' || key === '') return undefined;
  let attempt = 0;
  for (let n = 0; n < MAX_ATTEMPTS; n++) {
    if (claimId(key, n) === row.id) {
      attempt = n;
      break;
    }
  }
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const status = text(row.sendStatus);
  const claimedAt = text(row.claimedAt);
  const claimedBy = text(row.claimedBy);
  return {
    id: row.id,
    key,
    attempt,
    ...(status ? { status } : {}),
    ...(claimedAt ? { claimedAt } : {}),
    ...(claimedBy ? { claimedBy } : {}),
  };
}

/** Each send key's state from its contact logs. A log without a status was written after the send (older runs, letters): sent. */
export function keyStates(rows: readonly Row[]): Map<string, KeyState> {
  const byKey = new Map<string, LedgerRow[]>();
  for (const raw of rows) {
    const row = toLedgerRow(raw);
    if (!row) continue;
    const list = byKey.get(row.key);
    if (list) list.push(row);
    else byKey.set(row.key, [row]);
  }
  const states = new Map<string, KeyState>();
  for (const [key, list] of byKey) {
    const sent = list.find((r) => r.status === undefined || r.status === 'SENT');
    if (sent) {
      states.set(key, { kind: 'sent', row: sent });
      continue;
    }
    const latest = list.reduce((a, b) => (b.attempt > a.attempt ? b : a));
    states.set(key, latest.status === 'SENDING' ? { kind: 'unknown', row: latest } : { kind: 'open', attempt: latest.attempt + 1 });
  }
  return states;
}

/** The campaign's contact logs, read once at the start (one request per 60). */
export async function readLedger(records: LettersRecords, plan: ContactLogPlan, campaign: string): Promise<Map<string, KeyState>> {
  return keyStates(await records.readAll(plan.object, ['id', ...LEDGER_FIELDS], { campaign: { eq: campaign } }));
}

export interface ClaimInput extends ContactLogInput {
  attempt: number;
  messageId: string;
  /** This run's token (claimedBy). */
  token: string;
}

/** The contactLog that claims one email: SENDING, with the Message-ID it will carry. */
export function claimRecord(plan: ContactLogPlan, input: ClaimInput): RecordInput {
  return {
    ...contactLogRecord(plan, input),
    id: claimId(input.key, input.attempt),
    sendStatus: 'SENDING',
    messageId: input.messageId,
    claimedAt: input.at.toISOString(),
    claimedBy: input.token,
  };
}

/** Fields read back for a claim another sender holds. */
export const TAKEN_FIELDS: Fields = ['sendKey', 'sendStatus', 'claimedAt', 'claimedBy'];

/** The outcome of one message, as written onto its claim. */
export function outcomeRecord(id: string, status: Exclude<SendStatus, 'SENDING'>, at: Date, reply?: string): RecordInput {
  return {
    id,
    sendStatus: status,
    ...(status === 'SENT' ? { contactedAt: at.toISOString() } : {}),
    ...(reply !== undefined ? { smtpReply: reply.slice(0, 500) } : {}),
  };
}
