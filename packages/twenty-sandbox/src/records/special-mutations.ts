// Root fields of /graphql that are not generated from objects: Twenty's dedicated
// workflow operations (createWorkflowVersionStep, updateWorkflowVersionStep,
// deleteWorkflowVersionStep, updateWorkflowVersionTrigger,
// createDraftFromWorkflowVersion, activateWorkflowVersion, deactivateWorkflowVersion;
// ../shared/twenty/workflows.md §3), served when the workspace has the workflow
// objects. Their rules live in ../workflows/.
import type { GraphQLFieldConfigMap } from 'graphql';
import type { Workspace } from '../state/workspace.ts';
import { type WorkflowContext, workflowMutationFields } from '../workflows/graphql.ts';

export interface SpecialRootFields {
  query: GraphQLFieldConfigMap<unknown, WorkflowContext>;
  mutation: GraphQLFieldConfigMap<unknown, WorkflowContext>;
}

export function specialRootFields(ws: Workspace): SpecialRootFields {
  const served = ['workflow', 'workflowVersion'].every((name) => ws.objectByName(name)?.isActive === true);
  return { query: {}, mutation: served ? workflowMutationFields() : {} };
}
