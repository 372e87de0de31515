// What a `letters send` run reports: who got the email, who was skipped and why,
// and which emails have an unknown outcome.
import type { MissingValue } from '../helpers/registry.ts';

export interface RecipientRef {
  id: string;
  name: string;
  address?: string;
}

/** An email whose claim is SENDING: in progress elsewhere, or left so by a crash. */
export interface UnknownOutcome extends RecipientRef {
  claimedAt?: string;
  claimedBy?: string;
  /** Milliseconds since it was claimed, by this machine's clock. */
  ageMs?: number;
  /**
   * Claimed by another sender less than CLAIM_IN_PROGRESS_MS ago: most likely that
   * sender is still on it (two staff sending one campaign at once), so it is not
   * a problem of this run. Older claims are stale: the sender stopped.
   */
  inProgress?: boolean;
}

/** A claim younger than this is taken to be in progress elsewhere, not abandoned. */
export const CLAIM_IN_PROGRESS_MS = 10 * 60_000;

/** The unknown outcomes that need a person: claims too old to be in progress. */
export const staleUnknown = (r: SendReport): UnknownOutcome[] => r.unknown.filter((u) => u.inProgress !== true);

export interface SendReport {
  sent: RecipientRef[];
  /** Of `sent`: emails of unknown outcome sent again (--resend-unknown), with the same Message-ID. */
  resent: RecipientRef[];
  alreadySent: RecipientRef[];
  /** Claimed by another sender (another machine or run) while this run went: not sent here. */
  takenByOther: RecipientRef[];
  /** Claimed earlier, outcome unknown: not sent again unless --resend-unknown. */
  unknown: UnknownOutcome[];
  /** A dry run: what a real run would send. */
  wouldSend: RecipientRef[];
  noAddress: RecipientRef[];
  optedOut: RecipientRef[];
  stopped: Array<RecipientRef & { missing: MissingValue[] }>;
  failed: Array<RecipientRef & { error: string }>;
  /** Contact logs this run created in the CRM (its claims). */
  logged: number;
  /** Outcomes that could not be written to the CRM (their claims stay SENDING; the local send log has them). */
  logError?: string;
  /** Why the run stopped before the end. */
  aborted?: string;
  /** False when the pack has no contactLog ledger (only a dry run goes without one). */
  crmLogging: boolean;
}

export function emptyReport(): SendReport {
  return {
    sent: [],
    resent: [],
    alreadySent: [],
    takenByOther: [],
    unknown: [],
    wouldSend: [],
    noAddress: [],
    optedOut: [],
    stopped: [],
    failed: [],
    logged: 0,
    crmLogging: false,
  };
}
