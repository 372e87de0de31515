// The shapes the executor works on, named as in Twenty: a run's state is
// {flow {trigger, steps}, stepInfos, workflowRunError?} and its status one of
// WorkflowRunStatus (workflow-run.workspace-entity.ts @41d24255); each step has a
// stepInfo {status, result?, error?, history?} (twenty-shared workflow types).
import type { Workspace } from '../../state/workspace.ts';
import type { SandboxClock } from './clock.ts';
import type { Mailer } from './mail.ts';

export type { SentEmail } from './mail.ts';

export type RunStatus = 'NOT_STARTED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'ENQUEUED' | 'STOPPING' | 'STOPPED';
export type StepStatus = 'NOT_STARTED' | 'RUNNING' | 'SUCCESS' | 'FAILED' | 'FAILED_SAFELY' | 'SKIPPED' | 'STOPPED' | 'PENDING';

export interface StepInfo {
  status: StepStatus;
  result?: unknown;
  error?: string;
  history?: Array<{ status?: StepStatus; result?: unknown; error?: string }>;
}

export interface Step {
  id: string;
  name?: string;
  type: string;
  nextStepIds?: string[] | null;
  settings: { input?: unknown; [k: string]: unknown };
}

export interface Trigger {
  type: string;
  name?: string;
  nextStepIds?: string[] | null;
  settings: Record<string, unknown>;
}

export interface RunState {
  flow: { trigger: Trigger; steps: Step[] };
  stepInfos: Record<string, StepInfo>;
  workflowRunError?: string;
}

/** What a step hands back (workflow-action-output.type.ts). */
export interface StepOutput {
  result?: unknown;
  error?: string;
  /** FILTER whose condition is false: the step is STOPPED and what follows is skipped. */
  shouldEndWorkflowRun?: boolean;
  /** ITERATOR with items left: RUNNING, the loop body runs next. */
  shouldRemainRunning?: boolean;
  /** DELAY: PENDING until the sandbox clock reaches this time. */
  pendingUntil?: Date;
}

/** An email the SEND_EMAIL step produced. */
export interface StepInput {
  ws: Workspace;
  step: Step;
  steps: Step[];
  /** {trigger: payload, <stepId>: result …} (getWorkflowRunContext). */
  context: Record<string, unknown>;
  stepInfos: Record<string, StepInfo>;
  clock: SandboxClock;
  mailer: Mailer;
  runId: string;
  workflowId: string;
  /** Counts one records operation this step would make on Twenty. */
  countRecordOperation(): void;
}

export type StepExecutor = (input: StepInput) => StepOutput | Promise<StepOutput>;
