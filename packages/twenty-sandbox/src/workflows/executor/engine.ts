// The sandbox's workflow engine: hears record events, starts the runs their
// triggers ask for, fires CRON triggers and resumes DELAYs as the sandbox clock
// moves, and runs MANUAL and WEBHOOK workflows on request. Runs are queued and
// executed one after the other after the request that caused them, as Twenty's
// worker does after the API answered; idle() waits until the queue is empty.
import { onRecordEvent, type RecordEvent } from '../../records/record-events.ts';
import type { Workspace } from '../../state/workspace.ts';
import type { VersionRow } from '../store.ts';
import { SandboxClock } from './clock.ts';
import { firings } from './cron.ts';
import { Mailer, type SmtpTarget } from './mail.ts';
import { createRun, type RunRow } from './run-store.ts';
import { Runner } from './runner.ts';
import { automatedTriggers, cronSchedule, matchDatabaseEvent, publishedVersion } from './triggers.ts';
import type { Step, Trigger } from './types.ts';

export interface WorkflowEngineOptions {
  /** Where the sandbox clock starts (default: now). */
  clock?: Date | string;
  /** Deliver SEND_EMAIL through this SMTP server (else the emails are only recorded). */
  smtp?: SmtpTarget;
}

/** A chain of runs starting runs past this is stopped: a workflow that keeps re-triggering itself. */
const MAX_RUNS_PER_CHAIN = 5_000;

export class WorkflowEngine {
  readonly clock: SandboxClock;
  readonly mailer: Mailer;
  private readonly runner: Runner;
  private readonly operations = new Map<string, number>();
  private readonly pending: Array<{ runId: string; stepId: string; at: Date }> = [];
  private tail: Promise<void> = Promise.resolve();
  private queued = 0;
  private chain = 0;
  private readonly unsubscribe: () => void;
  /** Errors the engine itself met (not step failures, which are in the runs). */
  readonly problems: string[] = [];

  constructor(
    private readonly ws: Workspace,
    options: WorkflowEngineOptions = {},
  ) {
    this.clock = new SandboxClock(options.clock ?? new Date());
    this.mailer = new Mailer(options.smtp);
    this.runner = new Runner({
      ws,
      clock: this.clock,
      mailer: this.mailer,
      countRecordOperation: (runId) => this.operations.set(runId, (this.operations.get(runId) ?? 0) + 1),
      schedule: (runId, stepId, at) => this.pending.push({ runId, stepId, at }),
    });
    this.unsubscribe = onRecordEvent(ws, (e) => this.onEvent(e));
  }

  close(): void {
    this.unsubscribe();
  }

  /** Resolves once every queued run (and the runs they started) has finished or is waiting. */
  async idle(): Promise<void> {
    while (this.queued > 0) await this.tail;
    this.chain = 0;
  }

  /** Records operations a run made (each FIND / CREATE / UPDATE / DELETE / UPSERT step is one on Twenty). */
  recordOperations(runId: string): number {
    return this.operations.get(runId) ?? 0;
  }

  runs(): RunRow[] {
    const object = this.ws.objectByName('workflowRun');
    return object ? ([...this.ws.table(object.id).rows()] as RunRow[]) : [];
  }

  private enqueue(task: () => Promise<void>): void {
    this.queued++;
    this.tail = this.tail.then(async () => {
      try {
        await task();
      } catch (e) {
        this.problems.push(e instanceof Error ? e.message : String(e));
      } finally {
        this.queued--;
      }
    });
  }

  private startRun(workflowId: string, version: VersionRow, payload: unknown): RunRow | undefined {
    if (++this.chain > MAX_RUNS_PER_CHAIN) {
      this.problems.push(`stopped after ${MAX_RUNS_PER_CHAIN} runs started by one another (a workflow re-triggering itself?)`);
      return undefined;
    }
    const run = createRun(this.ws, {
      workflowId,
      versionId: version.id,
      trigger: version.trigger as unknown as Trigger,
      steps: (version.steps ?? []) as unknown as Step[],
      payload,
      at: this.clock.now(),
    });
    this.enqueue(() => this.runner.start(run));
    return run;
  }

  private onEvent(event: RecordEvent): void {
    if (event.objectName.startsWith('workflow')) return; // OBJECTS_BLOCKED_FROM_AUTOMATION
    for (const { trigger, payload } of matchDatabaseEvent(this.ws, event)) {
      const version = publishedVersion(this.ws, trigger.workflowId);
      if (version) this.startRun(trigger.workflowId, version, payload);
    }
  }

  /** runWorkflowVersion: a MANUAL run of a version with the given payload; answers the run id. */
  runVersion(version: VersionRow, payload: unknown): string {
    const run = this.startRun(version.workflowId, version, payload ?? {});
    if (!run) throw new Error('the sandbox refused to start another run');
    return run.id;
  }

  /**
   * Moves the clock forward by `ms`, stopping at each CRON firing (one run per due
   * minute) and each due DELAY on the way, in time order, so that what those runs
   * start (another DELAY, a record another trigger hears) happens at its own time.
   */
  async advance(ms: number): Promise<{ from: string; to: string; cronRuns: number; resumed: number }> {
    await this.idle();
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`the sandbox clock only moves forward: got ${ms} ms`);
    const from = this.clock.now();
    const to = new Date(from.getTime() + ms);
    let cronRuns = 0;
    let resumed = 0;
    for (;;) {
      const now = this.clock.now();
      let next: { at: Date; go: () => void } | undefined;
      const consider = (at: Date, go: () => void): void => {
        if (at.getTime() <= to.getTime() && (!next || at.getTime() < next.at.getTime())) next = { at, go };
      };
      for (const trigger of automatedTriggers(this.ws)) {
        if (trigger.type !== 'CRON' || typeof trigger.settings.pattern !== 'string') continue;
        const [at] = firings(cronSchedule(trigger.settings.pattern), now, to, 1);
        if (at) {
          consider(at, () => {
            const version = publishedVersion(this.ws, trigger.workflowId);
            if (version && this.startRun(trigger.workflowId, version, {})) cronRuns++;
          });
        }
      }
      for (const p of this.pending) {
        consider(p.at.getTime() < now.getTime() ? now : p.at, () => {
          this.pending.splice(this.pending.indexOf(p), 1);
          const run = this.runs().find((r) => r.id === p.runId);
          if (!run) return;
          resumed++;
          this.enqueue(() => this.runner.resume(run, p.stepId));
        });
      }
      if (!next) break;
      // A firing exactly at `now` was handled already: cron firings are searched after `now`.
      this.clock.moveTo(next.at);
      next.go();
      await this.idle();
    }
    this.clock.moveTo(to);
    return { from: from.toISOString(), to: to.toISOString(), cronRuns, resumed };
  }
}

const engines = new WeakMap<Workspace, WorkflowEngine>();

/** Starts the workspace's engine (one per workspace). */
export function attachEngine(ws: Workspace, options: WorkflowEngineOptions = {}): WorkflowEngine {
  const engine = new WorkflowEngine(ws, options);
  engines.get(ws)?.close();
  engines.set(ws, engine);
  return engine;
}

/** The engine of a workspace, if one was attached (the run mutation and the webhook route use it). */
export function engineOf(ws: Workspace): WorkflowEngine | undefined {
  return engines.get(ws);
}
