// `bankpack demo` (npm start): the whole mechanism end to end on the embedded Twenty
// sandbox — validate, deploy, demo data, the five jobs, letters, emails — one step per
// progress line, then a summary. The sandbox keeps its workspace under <state>/demo, so
// a second run finds everything in place and changes nothing.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { formatProblem, type PackFile, type Problem, type ValidPack } from '../pack/index.ts';
import { validatePack } from '../validate/index.ts';
import { TwentyClient } from '../twenty/index.ts';
import type { ObjectSeedCounts } from '../deploy/index.ts';
import { todayIn } from '../letters/index.ts';
import { seed, type Workspace } from '../ops/index.ts';
import { startSmtpCatcher, type SmtpCatcher } from './catcher.ts';
import { describeAppStep, installAsApp, type AppStepResult } from './app-step.ts';
import { countAll, deployPack, describeCounts, type DeployResult } from './deploy-step.ts';
import { describeJob, JOB_NAMES, runDemoJob, type JobResult } from './jobs-step.ts';
import { renderGreetings, sendInvitations, type LettersResult, type SendResult } from './letters-step.ts';
import { demoPaths, INVITATION, type DemoOptions } from './options.ts';
import { startDemoSandbox, type DemoSandbox, type SandboxStarter } from './sandbox.ts';
import { countWorkflowRuns, describeWorkflowRuns, type WorkflowRunCount } from './workflows-step.ts';
import { Steps, type StepResult } from './steps.ts';

export interface DemoSummary {
  ok: boolean;
  ms: number;
  /** The moment the jobs ran at (ISO). */
  at: string;
  state: string;
  workspace: { file: string; reused: boolean };
  /** What this run sent to the sandbox: a second run sends reads only. */
  sandbox?: { requests: number; writes: number };
  pack?: { objects: number; fields: number; views: number; workflows: number; templates: number; seeds: number };
  /** With --as-app: what syncApplication did. */
  app?: AppStepResult;
  deploy?: DeployResult;
  planFile: string;
  demoData?: { created: number; unchanged: number; kept: number; byObject: Record<string, number>; problems: string[] };
  jobs: JobResult[];
  /** Workflow runs started during this demo (by the demo data and the jobs), per workflow. */
  workflowRuns?: WorkflowRunCount[];
  letters?: LettersResult;
  emails?: SendResult & { caught: number; dir: string; recipients: string[] };
  steps: StepResult[];
}

/** A path as the person who typed the command sees it. */
const shown = (p: string): string => relative(process.cwd(), p) || '.';

const QUIET_CLIENT = { pacing: { perMinute: 0, burst: 1 } } as const;

/** The steps after the sandbox starts, in order: listed as skipped when it could not. */
const LATER_STEPS = [
  'deploy the pack',
  'deploy the workflows',
  'load the demo data',
  ...JOB_NAMES.map((n) => `job ${n}`),
  'workflow runs',
  'render the greeting letters',
  'send the invitation emails',
];

export interface DemoHooks {
  /** Starts the sandbox (tests wrap it to read its request log). */
  startSandbox?: SandboxStarter;
}

export async function runDemo(o: DemoOptions, progress: (line: string) => void, hooks: DemoHooks = {}): Promise<DemoSummary> {
  const started = Date.now();
  const paths = demoPaths(o);
  const steps = new Steps(progress);
  const summary: DemoSummary = {
    ok: false,
    ms: 0,
    at: new Date(o.now).toISOString(),
    state: paths.root,
    workspace: { file: paths.workspace, reused: false },
    planFile: paths.plan,
    jobs: [],
    steps: steps.results,
  };
  let sandbox: DemoSandbox | undefined;
  let catcher: SmtpCatcher | undefined;
  let files = new Map<string, PackFile>();
  try {
    const pack = await steps.run('validate the pack', [], async () => {
      const validated = await validatePack(o.dir);
      const { pack, problems } = validated;
      files = new Map(validated.files.map((f) => [f.path, f]));
      const errors = problems.filter((p) => p.severity === 'error');
      summary.pack = {
        objects: pack.objects.length,
        fields: pack.objects.reduce((n, x) => n + x.fields.length, pack.fields.length),
        views: pack.views.length,
        workflows: pack.workflows.length,
        templates: pack.templates.length,
        seeds: pack.seeds.length,
      };
      const what = `${summary.pack.objects} objects, ${summary.pack.fields} fields, ${summary.pack.views} views, ${summary.pack.workflows} workflows, ${summary.pack.templates} templates, ${summary.pack.seeds} seed files`;
      if (errors.length > 0 || !validated.valid)
        return {
          value: validated.valid,
          failed: true,
          detail: `${errors.length} error(s), first ${firstProblems(errors)} (run \`bankpack validate\`)`,
        };
      return { value: validated.valid, detail: `${what}; valid${problems.length > 0 ? ` (${problems.length} warning(s))` : ''}` };
    });

    sandbox = await steps.run('start the Twenty sandbox', ['validate the pack'], async () => {
      if (o.fresh) await rm(paths.root, { recursive: true, force: true });
      await mkdir(paths.root, { recursive: true });
      summary.workspace.reused = existsSync(paths.workspace);
      const sb = await (hooks.startSandbox ?? startDemoSandbox)(paths.workspace);
      return {
        value: sb,
        detail: `${sb.url}, ${summary.workspace.reused ? 'workspace kept from the last run' : 'a new workspace'} (${shown(paths.workspace)})`,
      };
    });
    if (!sandbox || !pack) {
      steps.skip(LATER_STEPS, `needs ${pack ? 'the sandbox' : 'a valid pack'}`);
      return summary;
    }
    const client = new TwentyClient({ url: sandbox.url, apiKey: sandbox.apiKey, ...QUIET_CLIENT });
    const userClient = new TwentyClient({ url: sandbox.url, apiKey: sandbox.userToken, ...QUIET_CLIENT });
    const workspace: Workspace = { client, userClient };
    const validated = { pack, files: [...files.values()] };
    if (o.asApp) {
      const app = await steps.run('install the pack as a Twenty app', ['validate the pack'], async () => {
        summary.app = await installAsApp(workspace, o.dir, validated);
        return { value: summary.app, detail: describeAppStep(summary.app) };
      });
      if (!app) {
        steps.skip(LATER_STEPS, 'needs the app installed');
        return summary;
      }
    }
    await deploySteps(steps, summary, workspace, o.dir, validated, paths.plan);

    await steps.run('load the demo data', ['deploy the pack'], async () => {
      const loaded = await seed({ dir: o.dir, workspace, demo: true, pack: validated });
      if (!('counts' in loaded)) throw new Error(loaded.message);
      summary.demoData = demoDataSummary(loaded.counts, loaded.problems);
      const d = summary.demoData;
      const detail =
        ('stopped' in loaded ? loaded.stopped : undefined) ??
        (d.created > 0
          ? `${d.created} records created in ${Object.keys(d.byObject).length} objects`
          : `nothing to create: all ${d.unchanged + d.kept} demo records are there${d.kept > 0 ? ` (${d.kept} changed since by the jobs, kept as they are)` : ''}`);
      return {
        value: loaded,
        failed: !loaded.ok,
        detail:
          loaded.problems.length > 0
            ? `${detail}; ${loaded.problems.length} record(s) not loaded: ${d.problems.slice(0, 2).join('; ')}`
            : detail,
      };
    });

    for (const name of JOB_NAMES) {
      const result = await steps.run(`job ${name}`, ['deploy the pack'], async () => {
        const r = await runDemoJob(name, workspace, { dir: o.dir, pack: validated }, o.now, join(o.out, 'jobs'));
        return { value: r, failed: r.error !== undefined, detail: describeJob(r) };
      });
      if (result) summary.jobs.push(result);
    }

    await steps.run('workflow runs', ['deploy the workflows'], async () => {
      const counts = await countWorkflowRuns(client, new Date(started).toISOString());
      summary.workflowRuns = counts;
      return { value: counts, failed: counts.some((c) => c.failed > 0), detail: describeWorkflowRuns(counts) };
    });

    const letters = { pack: { dir: o.dir, pack: validated }, workspace, today: todayIn('Asia/Shanghai', new Date(o.now)) };
    await steps.run('render the greeting letters', ['deploy the pack'], async () => {
      const r = await renderGreetings(letters, paths.letters, o.pdf);
      summary.letters = r;
      const pdf = r.pdf > 0 ? `, ${r.pdf} PDF + ${r.merged}` : '';
      const stopped =
        r.stopped.length > 0 ? `; ${r.stopped.length} not rendered (a value is missing): ${r.stopped.slice(0, 2).join('; ')}` : '';
      return {
        value: r,
        failed: r.pdfFailed === true,
        detail: `${r.html} HTML${pdf} in ${shown(r.dir)}${r.pdfNote ? ` — ${r.pdfNote}` : ''}; ${r.logged} posted letter(s) logged${stopped}`,
      };
    });

    await steps.run('send the invitation emails', ['deploy the pack'], async () => {
      catcher = await startSmtpCatcher(paths.emails);
      const r = await sendInvitations(letters, catcher, join(paths.sendLogs, `${INVITATION.campaign}.jsonl`));
      summary.emails = { ...r, caught: catcher.caught.length, dir: paths.emails, recipients: catcher.caught.flatMap((m) => m.to) };
      const skipped = [
        r.noAddress > 0 ? `${r.noAddress} without an address` : '',
        r.optedOut > 0 ? `${r.optedOut} opted out` : '',
        r.stopped > 0 ? `${r.stopped} missing a value` : '',
      ].filter(Boolean);
      const detail = [
        `${r.sent} sent, ${catcher.caught.length} caught by the local SMTP catcher (${shown(paths.emails)})`,
        r.alreadySent > 0 ? `${r.alreadySent} already sent in this campaign` : '',
        skipped.length > 0 ? `skipped: ${skipped.join(', ')}` : '',
        `${r.logged} contactLog record(s) written`,
        r.failed.length > 0 ? `${r.failed.length} failed: ${r.failed.slice(0, 2).join('; ')}` : '',
        r.problem ?? '',
      ].filter(Boolean);
      return { value: r, failed: r.failed.length > 0 || r.problem !== undefined, detail: detail.join('; ') };
    });
  } finally {
    await catcher?.close();
    if (sandbox) {
      const log = sandbox.requests();
      summary.sandbox = { requests: log.length, writes: log.filter((r) => r.write).length };
      await sandbox.close();
    }
    summary.ms = Date.now() - started;
    summary.ok = steps.failed.length === 0 && steps.results.every((r) => r.status === 'ok');
  }
  return summary;
}

async function deploySteps(
  steps: Steps,
  summary: DemoSummary,
  workspace: Workspace,
  dir: string,
  validated: { pack: ValidPack; files: PackFile[] },
  planFile: string,
): Promise<void> {
  const deployed = await steps.run('deploy the pack', ['validate the pack'], async () => {
    const r = await deployPack(workspace, dir, validated, planFile);
    summary.deploy = r;
    if (r.failure) return { value: r, failed: true, detail: `stopped after ${r.applied} of ${r.total} changes: ${r.failure}` };
    const schemaChanges = r.total - r.created.workflow - r.updated.workflow;
    if (schemaChanges === 0)
      return {
        value: r,
        detail: `no changes: the workspace already matches the pack (${r.unchanged} unchanged; plan in ${shown(planFile)})`,
      };
    return {
      value: r,
      detail: `created ${describeCounts(r.created, false)}${countAll(r.updated, false) > 0 ? `; updated ${describeCounts(r.updated, false)}` : ''} (plan in ${shown(planFile)})`,
    };
  });
  await steps.run(
    'deploy the workflows',
    ['deploy the pack'],
    async () => {
      const r = deployed!;
      const changed = r.created.workflow + r.updated.workflow;
      const detail =
        changed === 0
          ? `no changes: all ${summary.pack?.workflows ?? 0} workflows active as the pack defines them`
          : `${r.created.workflow} created and activated${r.updated.workflow > 0 ? `, ${r.updated.workflow} given a new active version` : ''}`;
      return { value: r, failed: r.workflowFailure !== undefined, detail: r.workflowFailure ?? detail };
    },
    { timed: false },
  ); // applied within the deploy above
}

function firstProblems(problems: readonly Problem[]): string {
  return problems.slice(0, 2).map(formatProblem).join('; ');
}

function demoDataSummary(counts: readonly ObjectSeedCounts[], problems: string[]): NonNullable<DemoSummary['demoData']> {
  const demo = counts.filter((c) => c.demo);
  const byObject: Record<string, number> = {};
  for (const c of demo) if (c.created > 0) byObject[c.object] = (byObject[c.object] ?? 0) + c.created;
  return {
    created: demo.reduce((n, c) => n + c.created, 0),
    unchanged: demo.reduce((n, c) => n + c.unchanged, 0),
    kept: demo.reduce((n, c) => n + c.kept, 0),
    byObject,
    problems,
  };
}
