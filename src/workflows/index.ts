// Front door of workflows: the pack's workflow files compiled into the JSON Twenty
// stores, checked (a rule family of `bankpack validate`), planned and deployed.
// Deploy calls planWorkflows() while it makes its plan and applyWorkflowOp() for
// each workflow change; the builder writes need a user client (user-token.ts).
export { buildCatalogue, type Catalogue } from './catalogue.ts';
export { checkWorkflow, checkWorkflows } from './check.ts';
export { compileWorkflow, readSpec, type CompiledWorkflow, type CompileOptions } from './compile.ts';
export { definitionHash } from './hash.ts';
export { needsUserToken, planWorkflowChanges, type WorkflowChange, type WorkflowOp, type WorkflowPlan } from './deploy-plan.ts';
export { applyWorkflowOp, type WorkflowApplyContext } from './deploy-apply.ts';
export { readWorkflows, type ActualWorkflow } from './deploy-read.ts';
export { resolveUserToken, USER_TOKEN_ENV, USER_TOKEN_HELP } from './user-token.ts';
export { addWorkflowsToPlan, asDeployChanges, workflowPhase, WORKFLOW_GROUP } from './deploy-changes.ts';

export { planWorkflows, workflowIdFor, type PlanWorkflowsInput } from './plan-workflows.ts';
