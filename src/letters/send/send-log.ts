// The local send log: one JSON line per event, appended and flushed to disk before
// the run moves on. A cache and an audit trail beside the CRM's ledger (contactLog
// claims), never the only truth: it remembers what was sent from this machine, and
// which of its own claims never reached the SMTP server (no `attempt` line), so a
// re-run here may send those without asking. Keyed by the send key: (campaign,
// recipient, template version).
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SentEntry {
  event: 'sent';
  key: string;
  campaign: string;
  recipientId: string;
  address: string;
  template: string;
  version: string;
  messageId: string;
  at: string;
}

export interface LoggedEntry {
  event: 'logged';
  key: string;
  contactLogId: string;
  at: string;
}

/** A run started, with the token it writes into its claims' `claimedBy`. */
export interface RunEntry {
  event: 'run';
  token: string;
  at: string;
}

/** Written (and flushed) just before a message goes to the SMTP server. */
export interface AttemptEntry {
  event: 'attempt';
  key: string;
  claimId: string;
  at: string;
}

type Entry = SentEntry | LoggedEntry | RunEntry | AttemptEntry;

/** sha256 of campaign, recipient and template version: the same email to the same person in the same campaign has one key. */
export function sendKey(campaign: string, recipientId: string, templateId: string, version: string): string {
  return createHash('sha256').update(`${campaign}\0${recipientId}\0${templateId}@${version}`).digest('hex').slice(0, 32);
}

export class SendLog {
  private readonly sent = new Map<string, SentEntry>();
  private readonly logged = new Set<string>();
  private readonly runs = new Set<string>();
  private readonly attempts = new Set<string>();
  private fd: number | undefined;

  private constructor(readonly path: string) {}

  /** Reads the log (a half-written last line from a crash is ignored) and opens it for appending. */
  static open(path: string): SendLog {
    const log = new SendLog(path);
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      mkdirSync(dirname(path), { recursive: true });
    }
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let entry: Entry;
      try {
        entry = JSON.parse(line) as Entry;
      } catch {
        continue;
      }
      if (entry.event === 'sent') log.sent.set(entry.key, entry);
      else if (entry.event === 'logged') log.logged.add(entry.key);
      else if (entry.event === 'run') log.runs.add(entry.token);
      else if (entry.event === 'attempt') log.attempts.add(entry.claimId);
    }
    log.fd = openSync(path, 'a');
    // A crash can leave a line without its newline: start on a fresh line.
    if (text !== '' && !text.endsWith('\n')) writeSync(log.fd, '\n');
    return log;
  }

  wasSent(key: string): boolean {
    return this.sent.has(key);
  }

  wasLogged(key: string): boolean {
    return this.logged.has(key);
  }

  /** Whether a run that wrote this log claimed with this token. */
  wasOurRun(token: string): boolean {
    return this.runs.has(token);
  }

  /** Whether the message of this claim may have reached the SMTP server from this machine. */
  wasAttempted(claimId: string): boolean {
    return this.attempts.has(claimId);
  }

  recordRun(token: string, at = new Date()): void {
    this.append({ event: 'run', token, at: at.toISOString() });
    this.runs.add(token);
  }

  recordAttempt(key: string, claimId: string, at = new Date()): void {
    this.append({ event: 'attempt', key, claimId, at: at.toISOString() });
    this.attempts.add(claimId);
  }

  get sentCount(): number {
    return this.sent.size;
  }

  recordSent(entry: Omit<SentEntry, 'event' | 'at'>, at = new Date()): void {
    const full: SentEntry = { event: 'sent', ...entry, at: at.toISOString() };
    this.append(full);
    this.sent.set(full.key, full);
  }

  recordLogged(key: string, contactLogId: string, at = new Date()): void {
    this.append({ event: 'logged', key, contactLogId, at: at.toISOString() });
    this.logged.add(key);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private append(entry: Entry): void {
    if (this.fd === undefined) throw new Error(`send log ${this.path} is closed`);
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(this.fd);
  }
}
