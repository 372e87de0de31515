// The workflows' phase of a deploy: the pack's workflows, compiled by src/workflows,
// planned against the workspace (plan.ts, diff.ts) and carried out (apply.ts). In
// deploy's terms: one Change per workflow, grouped under "workflows" in the rendered
// plan, each carrying its operation for apply.
import type { Change, Op, Plan } from '../plan.ts';
import type { TwentyClient } from '../../twenty/index.ts';
import { applyWorkflowOp, type WorkflowApplyContext } from './apply.ts';
import { needsUserToken, type WorkflowPlan } from './diff.ts';
import { planWorkflows, type PlanWorkflowsInput } from './plan.ts';
import { USER_TOKEN_HELP } from '../../workflows/index.ts';

export const WORKFLOW_GROUP = 'workflows';

export function asDeployChanges(plan: WorkflowPlan): Change[] {
  return plan.changes.map((c) => ({
    kind: 'workflow',
    action: c.action,
    object: WORKFLOW_GROUP,
    title: c.title,
    file: c.file,
    ...(c.diffs && c.diffs.length > 0 ? { diffs: c.diffs } : {}),
    ...(c.notes ? { notes: c.notes } : {}),
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.options ? { options: c.options } : {}),
    ...(c.op ? { apply: { op: 'workflow', workflow: c.op } } : {}),
  }));
}

/** The workflow changes of a plan, split into what apply can run and what needs a user token it does not have. */
export function workflowPhase(
  client: TwentyClient,
  changes: ReadonlyArray<Change & { apply: Op }>,
  options: { userClient?: TwentyClient; report?: (line: string) => void; emailFrom?: string },
): { run: Array<Change & { apply: Op }>; skipped: { changes: string[]; reason: string } | undefined; apply: (op: Op) => Promise<void> } {
  const isWorkflow = (c: Change & { apply: Op }): c is Change & { apply: Extract<Op, { op: 'workflow' }> } => c.apply.op === 'workflow';
  const workflows = changes.filter(isWorkflow);
  const blocked = options.userClient ? [] : workflows.filter((c) => needsUserToken(c.apply.workflow));
  const ctx: WorkflowApplyContext = {
    client,
    userClient: options.userClient ?? client,
    ...(options.report ? { report: options.report } : {}),
    // The address email steps send from (docs/workflows.md); the user's first connected account otherwise.
    ...((options.emailFrom ?? process.env.BANKPACK_EMAIL_FROM) ? { emailFrom: options.emailFrom ?? process.env.BANKPACK_EMAIL_FROM } : {}),
  };
  return {
    run: workflows.filter((c) => !blocked.includes(c)),
    skipped: blocked.length > 0 ? { changes: blocked.map((c) => c.title), reason: USER_TOKEN_HELP } : undefined,
    apply: (op) => (op.op === 'workflow' ? applyWorkflowOp(ctx, op.workflow) : Promise.resolve()),
  };
}

/** Plan the pack's workflows and add them to deploy's plan (group "workflows"). */
export async function addWorkflowsToPlan(plan: Plan, input: PlanWorkflowsInput): Promise<void> {
  const wf = await planWorkflows(input);
  plan.changes.push(...asDeployChanges(wf));
  if (wf.unchanged > 0) plan.unchanged[WORKFLOW_GROUP] = (plan.unchanged[WORKFLOW_GROUP] ?? 0) + wf.unchanged;
}
