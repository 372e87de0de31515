// Root fields of /graphql that are not generated from objects: the place for
// Twenty's dedicated workflow operations (createWorkflowVersionStep,
// updateWorkflowVersionStep, updateWorkflowVersionTrigger,
// activateWorkflowVersion, deactivateWorkflowVersion,
// createDraftFromWorkflowVersion; ../shared/twenty/workflows.md §3). The sandbox
// serves none yet (issue 6); the workflow, workflowVersion and workflowRun
// records exist through the generic record API.
import type { GraphQLFieldConfigMap } from 'graphql';
import type { Workspace } from '../state/workspace.ts';

export interface SpecialRootFields {
  query: GraphQLFieldConfigMap<unknown, { ws: Workspace }>;
  mutation: GraphQLFieldConfigMap<unknown, { ws: Workspace }>;
}

export function specialRootFields(ws: Workspace): SpecialRootFields {
  void ws;
  return { query: {}, mutation: {} };
}
