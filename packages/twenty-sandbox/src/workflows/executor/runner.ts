// One run, walked as Twenty's WorkflowExecutorWorkspaceService does
// (workflow-executor.workspace-service.ts): from the trigger's next steps, each
// step runs once its parents are done (an iterator again each time its loop body
// comes back to it), its output becomes a stepInfo (SUCCESS with the result,
// FAILED with the error, STOPPED for a FILTER that ends the path, RUNNING for an
// iterator with items left, PENDING for a DELAY), then its next steps follow. At
// the end the run is FAILED if a step failed, stays RUNNING while one is pending,
// else COMPLETED.
import type { Workspace } from '../../state/workspace.ts';
import type { SandboxClock } from './clock.ts';
import { branchesOf, childrenOf, decide, effectiveStatus, loopStartOf, parentsOf, stepIdsInLoop } from './graph.ts';
import type { Mailer } from './mail.ts';
import { type RunRow, setStatus, setStepInfo } from './run-store.ts';
import { executorFor, type IteratorResult } from './steps/index.ts';
import type { Step, StepInfo, StepOutput } from './types.ts';

export interface RunnerDeps {
  ws: Workspace;
  clock: SandboxClock;
  mailer: Mailer;
  countRecordOperation(runId: string): void;
  /** A DELAY asks to be resumed at this time. */
  schedule(runId: string, stepId: string, at: Date): void;
}

const contextOf = (run: RunRow): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(run.state.stepInfos)
      .filter(([, v]) => v?.result !== undefined && v?.result !== null)
      .map(([k, v]) => [k, v.result]),
  );

const continueOnFailure = (step: Step): boolean =>
  (step.settings.errorHandlingOptions as { continueOnFailure?: { value?: boolean } } | undefined)?.continueOnFailure?.value === true;

export class Runner {
  constructor(private readonly deps: RunnerDeps) {}

  async start(run: RunRow): Promise<void> {
    setStatus(this.deps.ws, run, 'RUNNING', this.deps.clock.now());
    await this.executeFromSteps(run, run.state.flow.trigger.nextStepIds ?? []);
    this.computeStatus(run);
  }

  /** A DELAY's time has come: the step succeeds and the run goes on (resume-delayed-workflow.job.ts). */
  async resume(run: RunRow, stepId: string): Promise<void> {
    if (run.status !== 'RUNNING') return;
    const step = run.state.flow.steps.find((s) => s.id === stepId);
    setStepInfo(this.deps.ws, run, stepId, { status: 'SUCCESS', result: { success: true } });
    if (step) await this.executeFromSteps(run, step.nextStepIds ?? []);
    this.computeStatus(run);
  }

  private async executeFromSteps(run: RunRow, ids: string[]): Promise<void> {
    for (const id of ids) await this.executeFromStep(run, id);
  }

  private async executeFromStep(run: RunRow, stepId: string): Promise<void> {
    if (run.status !== 'RUNNING') return;
    const { steps, trigger } = run.state.flow;
    const step = steps.find((s) => s.id === stepId);
    if (!step) {
      setStatus(this.deps.ws, run, 'FAILED', this.deps.clock.now(), 'Step not found');
      return;
    }
    const infos = run.state.stepInfos;
    const started = (infos[stepId]?.status ?? 'NOT_STARTED') !== 'NOT_STARTED';
    if (step.type !== 'ITERATOR' && started) return;
    let parents = parentsOf(stepId, steps, trigger);
    if (step.type === 'ITERATOR' && !started) {
      const loop = stepIdsInLoop(step, steps);
      parents = parents.filter((p) => !loop.includes(p));
    }
    const verdict = decide(
      parents.map((p) =>
        p === 'trigger'
          ? 'SUCCESS'
          : effectiveStatus(
              steps.find((s) => s.id === p),
              infos[p],
              stepId,
            ),
      ),
    );
    if (verdict === 'wait') return;
    let output: StepOutput;
    if (verdict === 'skip') output = {};
    else {
      setStepInfo(this.deps.ws, run, stepId, { ...infos[stepId], status: 'RUNNING' });
      try {
        output = await executorFor(step.type)({
          ws: this.deps.ws,
          step,
          steps,
          context: contextOf(run),
          stepInfos: run.state.stepInfos,
          clock: this.deps.clock,
          mailer: this.deps.mailer,
          runId: run.id,
          workflowId: run.workflowId,
          countRecordOperation: () => this.deps.countRecordOperation(run.id),
        });
      } catch (e) {
        output = { error: e instanceof Error ? e.message : String(e) };
      }
    }
    const info = this.stepInfo(step, output, verdict === 'skip', run.state.stepInfos[stepId]);
    if (step.type === 'ITERATOR' && verdict === 'run' && output.result) this.resetLoop(run, step, output.result as IteratorResult);
    setStepInfo(this.deps.ws, run, stepId, info);
    if (info.status === 'PENDING' && output.pendingUntil) this.deps.schedule(run.id, stepId, output.pendingUntil);
    if (info.status === 'FAILED' || info.status === 'PENDING') return;
    await this.executeFromSteps(run, this.nextSteps(step, info));
  }

  private stepInfo(step: Step, output: StepOutput, skipped: boolean, previous: StepInfo | undefined): StepInfo {
    const history = previous?.history ? { history: previous.history } : {};
    if (skipped) return { status: 'SKIPPED', ...history };
    if (output.error !== undefined)
      return { status: continueOnFailure(step) ? 'FAILED_SAFELY' : 'FAILED', error: output.error, ...history };
    if (output.pendingUntil) return { status: 'PENDING', ...history };
    if (output.shouldEndWorkflowRun) return { status: 'STOPPED', result: output.result, ...history };
    if (output.shouldRemainRunning) return { status: 'RUNNING', result: output.result, ...history };
    return { status: 'SUCCESS', result: output.result, ...history };
  }

  /** iterator.workflow-action.ts resetStepsInLoop: each new item starts its loop body afresh, the old results kept in history. */
  private resetLoop(run: RunRow, iterator: Step, result: IteratorResult): void {
    if (result.currentItemIndex === 0 || result.hasProcessedAllItems) return;
    const infos = run.state.stepInfos;
    for (const id of stepIdsInLoop(iterator, run.state.flow.steps)) {
      const old = infos[id];
      setStepInfo(this.deps.ws, run, id, {
        status: 'NOT_STARTED',
        history: [...(old?.history ?? []), { status: old?.status, result: old?.result, error: old?.error }],
      });
    }
  }

  private nextSteps(step: Step, info: StepInfo): string[] {
    if (step.type === 'ITERATOR') {
      const done = (info.result as IteratorResult | undefined)?.hasProcessedAllItems !== false;
      return done ? (step.nextStepIds ?? []) : loopStartOf(step);
    }
    if (step.type === 'IF_ELSE') return branchesOf(step).flatMap((b) => b.nextStepIds ?? []);
    return childrenOf(step);
  }

  /** computeWorkflowRunStatus: keep running while a step is pending or running, fail on a failed step, else complete. */
  private computeStatus(run: RunRow): void {
    if (run.status !== 'RUNNING') return;
    const statuses = run.state.flow.steps.map((s) => run.state.stepInfos[s.id]?.status);
    if (statuses.some((s) => s === 'PENDING' || s === 'RUNNING')) return;
    if (statuses.some((s) => s === 'FAILED')) {
      setStatus(this.deps.ws, run, 'FAILED', this.deps.clock.now(), 'WorkflowRun failed');
      return;
    }
    setStatus(this.deps.ws, run, 'COMPLETED', this.deps.clock.now());
  }
}
