// The summary `bankpack demo` prints at the end: what was created, what each job
// decided, where the letters and emails are, what failed, and the same commands for a
// real Twenty workspace. `--json` prints the DemoSummary itself.
import { dirname, relative } from 'node:path';
import { countAll, describeCounts } from './deploy-step.ts';
import type { DemoSummary } from './run.ts';
import { describeJob } from './jobs-step.ts';

const RUN_ON_TWENTY = [
  'On a real Twenty workspace (2.x), the same steps are separate commands:',
  '  export TWENTY_URL=https://crm.bank.example',
  '  export TWENTY_API_KEY=…                 # Settings → APIs & Webhooks; never printed or logged',
  '  npx bankpack plan                       # what deploy would change (--detailed-exitcode for CI)',
  '  npx bankpack deploy                     # objects, fields, relations, views, reference data',
  '  TWENTY_USER_TOKEN=… npx bankpack deploy # and the workflows: Twenty lets only a signed-in user edit them',
  '  npx bankpack seed --demo                # optional: this demo data',
  '  npx bankpack job assign-leads --dry-run # also compute-tiers, sample-surveys, score-assessments, award-bounties',
  '  npx bankpack letters render --template greeting --where clientTier=PLATINUM --out out/letters --pdf',
  '  SMTP_HOST=… SMTP_FROM=… npx bankpack letters send --template emails/launch-invitation --where status=INVITED --campaign launch-2026-12',
  'Several workspaces: --profile NAME (bankpack.config.yaml). See README.md.',
];

export function renderDemoSummary(s: DemoSummary, cwd: string = process.cwd()): string {
  const rel = (p: string): string => relative(cwd, p) || '.';
  const lines: string[] = [];
  lines.push(
    `bankpack demo: ${s.ok ? 'done' : `${s.steps.filter((x) => x.status !== 'ok').length} step(s) failed or skipped`} in ${(s.ms / 1000).toFixed(1)} s, on the embedded Twenty sandbox.`,
    '',
  );

  if (s.app)
    lines.push(
      `App: installed through Twenty's syncApplication (${s.app.created} created, ${s.app.updated} updated, ${s.app.deleted} deleted, ${s.app.requests} requests); the deploy below carries what an app cannot.`,
    );
  if (s.deploy) {
    const d = s.deploy;
    const planned = `${describeCounts(d.created, true)} to create${countAll(d.updated, true) > 0 ? `, ${describeCounts(d.updated, true)} to update` : ''}`;
    if (d.total === 0 && !d.failure) lines.push(`Deploy: no changes, the workspace already matches the pack (${d.unchanged} unchanged).`);
    else if (d.applied === d.total && !d.failure && !d.workflowFailure)
      lines.push(`Deploy: ${planned.replace(/ to create/, ' created').replace(/ to update/, ' updated')} (${d.total} changes).`);
    else lines.push(`Deploy: ${d.applied} of ${d.total} changes applied (the plan: ${planned}); see below.`);
  }
  if (s.demoData) {
    const d = s.demoData;
    const objects = Object.entries(d.byObject)
      .sort((a, b) => b[1] - a[1])
      .map(([o, n]) => `${o} ${n}`)
      .join(', ');
    lines.push(
      d.created > 0
        ? `Demo data: ${d.created} records created (${objects}).`
        : `Demo data: nothing new, ${d.unchanged + d.kept} records already there${d.kept > 0 ? ` (${d.kept} since changed by the jobs, kept)` : ''}.`,
    );
  }
  if (s.jobs.length > 0) {
    lines.push(`Jobs, as of ${beijingTime(s.at)}, the demo data's week (reports in ${rel(dirname(s.jobs[0]!.report))}/):`);
    for (const j of s.jobs) lines.push(`  ${j.job.padEnd(18)} ${describeJob(j)}`);
  }
  if (s.letters) {
    const l = s.letters;
    const pdf = l.pdf > 0 ? ` and ${l.pdf} PDF, all of them in ${l.merged} to print` : '';
    lines.push(
      `Letters: ${l.html} greeting letter(s) to platinum clients in ${rel(l.dir)}/ (HTML${pdf}); ${l.logged} logged as posted in this run.${l.pdfNote ? ` PDF: ${l.pdfNote}.` : ''}`,
    );
  }
  if (s.emails) {
    const e = s.emails;
    lines.push(
      `Emails: ${e.sent} launch invitation(s) sent, ${e.caught} caught by the local SMTP catcher (${rel(e.dir)}/*.eml), ${e.logged} contactLog record(s) written${e.alreadySent > 0 ? `; ${e.alreadySent} already sent in an earlier run, not sent again` : ''}.`,
    );
  }
  if (s.sandbox)
    lines.push(
      `Sandbox: ${s.sandbox.requests} requests, ${s.sandbox.writes} of them writes${s.sandbox.writes === 0 ? ': nothing changed in the workspace' : ''}.`,
    );
  const bad = s.steps.filter((x) => x.status !== 'ok');
  if (bad.length > 0) {
    lines.push('', 'What did not work:');
    for (const b of bad)
      lines.push(`  ${b.status === 'failed' ? '✗' : '–'} ${b.name}: ${b.status === 'skipped' ? `skipped, ${b.detail}` : b.detail}`);
  }
  lines.push(
    '',
    `The workspace is kept in ${rel(s.workspace.file)}: run \`npm start\` again (nothing changes), \`npm start -- --fresh\` to begin anew,`,
  );
  lines.push(`or browse it with \`npx bankpack sandbox --state ${rel(s.workspace.file)}\`.`, '');
  lines.push(...RUN_ON_TWENTY);
  return `${lines.join('\n')}\n`;
}

/** `2026-11-30 09:00 Beijing time`. */
function beijingTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
  return `${parts.replace(',', '')} Beijing time`;
}
