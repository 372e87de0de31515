// Runs stored as Twenty stores them: a `workflowRun` record per run (name,
// workflowId, workflowVersionId, enqueuedAt, startedAt, endedAt, status, state),
// readable through the records API. The state keeps the flow the run started with
// and one stepInfo per step (workflow-run.workspace-service.ts: createWorkflowRun
// puts every step NOT_STARTED and the trigger SUCCESS with the payload as result).
import type { RecordRow } from '../../state/types.ts';
import type { Workspace } from '../../state/workspace.ts';
import { insertRow, touch } from '../store.ts';
import type { RunState, RunStatus, Step, StepInfo, Trigger } from './types.ts';

export interface RunRow extends RecordRow {
  name: string;
  workflowId: string;
  workflowVersionId: string;
  status: RunStatus;
  state: RunState;
}

export function createRun(
  ws: Workspace,
  args: { workflowId: string; versionId: string; trigger: Trigger; steps: Step[]; payload: unknown; at: Date },
): RunRow {
  const stepInfos: Record<string, StepInfo> = { trigger: { status: 'SUCCESS', result: args.payload } };
  for (const s of args.steps) stepInfos[s.id] = { status: 'NOT_STARTED' };
  const count = [...ws.table(ws.objectByName('workflowRun')!.id).rows()].filter((r) => r.workflowId === args.workflowId).length;
  return insertRow(ws, 'workflowRun', {
    name: `#${count + 1}`,
    workflowId: args.workflowId,
    workflowVersionId: args.versionId,
    enqueuedAt: args.at.toISOString(),
    startedAt: null,
    endedAt: null,
    status: 'ENQUEUED',
    state: { flow: { trigger: structuredClone(args.trigger), steps: structuredClone(args.steps) }, stepInfos },
    createdBy: { source: 'WORKFLOW', name: 'Workflow', workspaceMemberId: null, context: {} },
  }) as RunRow;
}

export function setStepInfo(ws: Workspace, run: RunRow, stepId: string, info: StepInfo): void {
  const state: RunState = { ...run.state, stepInfos: { ...run.state.stepInfos, [stepId]: info } };
  touch(ws, 'workflowRun', run, { state });
}

export function setStatus(ws: Workspace, run: RunRow, status: RunStatus, at: Date, error?: string): void {
  const patch: Record<string, unknown> = { status };
  if (status === 'RUNNING' && !run.startedAt) patch.startedAt = at.toISOString();
  if (status === 'COMPLETED' || status === 'FAILED' || status === 'STOPPED') patch.endedAt = at.toISOString();
  if (error !== undefined) patch.state = { ...run.state, workflowRunError: error };
  touch(ws, 'workflowRun', run, patch);
}
