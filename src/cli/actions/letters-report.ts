// The summaries `letters render` and `letters send` print at the end of a run: the
// command's words, so they live with the command, not in the letters feature.
import {
  describeMissing,
  staleUnknown,
  type MissingValue,
  type RecipientRef,
  type RenderBatchResult,
  type SendReport,
  type UnknownOutcome,
} from '../../letters/index.ts';
import { plural } from '../output.ts';

const who = (r: RecipientRef): string => `${r.name} (${r.id.slice(0, 8)})${r.address ? ` <${r.address}>` : ''}`;

function stoppedLines(stopped: ReadonlyArray<RecipientRef & { missing?: MissingValue[] }>): string[] {
  return stopped.flatMap((s) => [`    ${who(s)}:`, ...(s.missing ?? []).map((m) => `      ${describeMissing(m)}`)]);
}

export function renderSummary(r: RenderBatchResult, t: { id: string; version: string }, outDir: string, reads: number): string[] {
  const total = r.written.length + r.stopped.length;
  const lines = [`${plural(r.written.length, 'letter')} of ${total} rendered from ${t.id} (version ${t.version}) into ${outDir}`];
  if (r.merged) lines.push(`  ${plural(r.written.length, 'PDF')}, and all of them in one file: ${r.merged}`);
  if (r.stopped.length > 0) {
    lines.push(
      `  ${plural(r.stopped.length, 'letter')} not rendered, a value is missing (give it in the CRM, or a fallback in the template):`,
    );
    lines.push(...stoppedLines(r.stopped));
  }
  if (r.logged !== undefined) lines.push(`  ${plural(r.logged, 'contact log')} (channel LETTER) written to the CRM`);
  lines.push(`  recipients read in ${plural(reads, 'request')}`);
  return lines;
}

/** "3 min", "2 h 5 min", "4 d": how long ago an email of unknown outcome was claimed. */
export function age(ms: number): string {
  const min = Math.floor(ms / 60_000);
  if (min < 1) return 'under a minute';
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ${min % 60} min`;
  return `${Math.floor(h / 24)} d`;
}

const unknownLine = (u: UnknownOutcome): string =>
  `    ${who(u)}: claimed ${u.ageMs !== undefined ? `${age(u.ageMs)} ago` : u.claimedAt ? `at ${u.claimedAt}` : 'earlier'}${u.claimedBy ? ` by ${u.claimedBy}` : ''}`;

export function sendSummary(r: SendReport, t: { id: string; version: string }, campaign: string, dryRun: boolean): string[] {
  const lines: string[] = [];
  if (dryRun)
    lines.push(
      `dry run: ${plural(r.wouldSend.length, 'email')} would be sent from ${t.id} (version ${t.version}), campaign ${campaign}; nothing was sent or logged`,
    );
  else lines.push(`${plural(r.sent.length, 'email')} sent from ${t.id} (version ${t.version}), campaign ${campaign}`);
  if (r.resent.length > 0)
    lines.push(`  of which ${plural(r.resent.length, 'email')} of unknown outcome sent again, with the same Message-ID (--resend-unknown)`);
  if (r.alreadySent.length > 0)
    lines.push(`  ${plural(r.alreadySent.length, 'recipient')} already had this email in this campaign: not sent again`);
  if (r.takenByOther.length > 0)
    lines.push(`  ${plural(r.takenByOther.length, 'email')} claimed by another sender of this campaign meanwhile: not sent here`);
  const list = (title: string, refs: readonly RecipientRef[]): void => {
    if (refs.length === 0) return;
    lines.push(`  ${title}:`);
    for (const ref of refs) lines.push(`    ${who(ref)}`);
  };
  list(`${plural(r.noAddress.length, 'recipient')} skipped, no valid email address`, r.noAddress);
  list(`${plural(r.optedOut.length, 'recipient')} skipped, opted out of marketing`, r.optedOut);
  const inProgress = r.unknown.filter((u) => u.inProgress === true);
  if (inProgress.length > 0) {
    lines.push(
      `  ${plural(inProgress.length, 'email')} claimed by another sender minutes ago, not yet confirmed: most likely still being sent there, not sent here:`,
    );
    lines.push(...inProgress.map(unknownLine));
    lines.push('    run again once that send has ended to see their outcome');
  }
  const stale = staleUnknown(r);
  if (stale.length > 0) {
    lines.push(
      `  ${plural(stale.length, 'email')} of unknown outcome (claimed, then the sender stopped: the server may or may not have it), not sent again:`,
    );
    lines.push(...stale.map(unknownLine));
    lines.push('    when no other send of this campaign is running, `--resend-unknown` sends them again with the same Message-ID');
  }
  if (r.stopped.length > 0) {
    lines.push(`  ${plural(r.stopped.length, 'email')} not sent, a value is missing:`);
    lines.push(...stoppedLines(r.stopped));
  }
  if (r.failed.length > 0) {
    lines.push(`  ${plural(r.failed.length, 'email')} refused or failed (run again to retry the refused ones):`);
    for (const f of r.failed) lines.push(`    ${who(f)}: ${f.error}`);
  }
  if (r.aborted) lines.push(`  stopped early: ${r.aborted}. Run the same command again to send the rest.`);
  if (!dryRun) {
    if (!r.crmLogging) lines.push('  the pack has no contactLog ledger: nothing was logged in the CRM');
    else lines.push(`  ${plural(r.logged, 'contact log')} written to the CRM`);
    if (r.logError)
      lines.push(
        `  writing the outcomes to the CRM failed: ${r.logError}. They are in the local send log; run again from this machine to write them.`,
      );
  }
  return lines;
}
