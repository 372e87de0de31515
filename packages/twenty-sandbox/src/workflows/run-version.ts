// runWorkflowVersion (workflow-trigger.resolver.ts, a user session only, as the
// other builder mutations): runs a version with the given payload as the trigger's
// output and answers {workflowRunId}; the version must have a trigger and steps
// (assert-workflow-version-trigger-is-defined / -has-steps). The run is queued on
// the sandbox's workflow executor (./executor).
import { userInputError } from '../server/twenty-errors.ts';
import type { Workspace } from '../state/workspace.ts';
import { engineOf } from './executor/index.ts';
import { getVersion } from './store.ts';

export function runWorkflowVersion(ws: Workspace, input: Record<string, unknown>): { workflowRunId: string } {
  const version = getVersion(ws, String(input.workflowVersionId));
  if (!version.trigger) throw userInputError('Workflow version does not contain trigger');
  if (!version.steps || version.steps.length === 0) throw userInputError('Workflow version does not contain steps');
  const engine = engineOf(ws);
  if (!engine) throw userInputError('the sandbox has no workflow executor attached');
  return { workflowRunId: engine.runVersion(version, input.payload ?? {}) };
}
