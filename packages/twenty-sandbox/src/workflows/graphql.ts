// The workflow root fields of /graphql, with the argument and answer types of
// Twenty's DTOs (engine/core-modules/workflow/dtos/: create-workflow-version-step.input.ts,
// workflow-version-step-changes.dto.ts, update-workflow-version-step.input.ts,
// workflow-action.dto.ts, update-workflow-version-trigger.input.ts,
// workflow-version-trigger.dto.ts, create-draft-from-workflow-version.input.ts,
// workflow-version.dto.ts; resolvers workflow-version-step.resolver.ts,
// workflow-version.resolver.ts, workflow-trigger.resolver.ts). The builder mutations
// need a user session; activation takes an API key too (principal.ts).
import {
  GraphQLBoolean,
  type GraphQLFieldConfigMap,
  GraphQLFloat,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLNullableType,
  GraphQLObjectType,
  GraphQLString,
} from 'graphql';
import { JSONScalar } from '../records/graphql-types.ts';
import { UUIDScalar } from '../schema/scalars.ts';
import type { Workspace } from '../state/workspace.ts';
import { activate, createDraft, createStep, deactivate, deleteStep, updateStep, updateTrigger } from './operations.ts';
import { type PrincipalContext, requireUser } from './principal.ts';
import { runWorkflowVersion } from './run-version.ts';

export type WorkflowContext = { ws: Workspace } & PrincipalContext;

const nn = <T extends GraphQLNullableType>(t: T): GraphQLNonNull<T> => new GraphQLNonNull(t);

const PositionInput = new GraphQLInputObjectType({
  name: 'WorkflowStepPositionInput',
  fields: { x: { type: nn(GraphQLFloat) }, y: { type: nn(GraphQLFloat) } },
});
const Position = new GraphQLObjectType({
  name: 'WorkflowStepPosition',
  fields: { x: { type: nn(GraphQLFloat) }, y: { type: nn(GraphQLFloat) } },
});

const CreateStepInput = new GraphQLInputObjectType({
  name: 'CreateWorkflowVersionStepInput',
  fields: {
    workflowVersionId: { type: nn(UUIDScalar) },
    stepType: { type: nn(GraphQLString) },
    parentStepId: { type: GraphQLString },
    parentStepConnectionOptions: { type: JSONScalar },
    nextStepId: { type: UUIDScalar },
    position: { type: PositionInput },
    id: { type: GraphQLString },
    defaultSettings: { type: JSONScalar },
  },
});
const StepChanges = new GraphQLObjectType({
  name: 'WorkflowVersionStepChanges',
  fields: { triggerDiff: { type: JSONScalar }, stepsDiff: { type: JSONScalar } },
});
const UpdateStepInput = new GraphQLInputObjectType({
  name: 'UpdateWorkflowVersionStepInput',
  fields: { workflowVersionId: { type: nn(UUIDScalar) }, step: { type: nn(JSONScalar) } },
});
const DeleteStepInput = new GraphQLInputObjectType({
  name: 'DeleteWorkflowVersionStepInput',
  fields: { workflowVersionId: { type: nn(UUIDScalar) }, stepId: { type: nn(GraphQLString) } },
});
const WorkflowAction = new GraphQLObjectType({
  name: 'WorkflowAction',
  fields: {
    id: { type: nn(UUIDScalar) },
    name: { type: nn(GraphQLString) },
    type: { type: nn(GraphQLString) },
    settings: { type: nn(JSONScalar) },
    valid: { type: nn(GraphQLBoolean) },
    nextStepIds: { type: new GraphQLList(nn(UUIDScalar)) },
    position: { type: Position },
  },
});
const UpdateTriggerInput = new GraphQLInputObjectType({
  name: 'UpdateWorkflowVersionTriggerInput',
  fields: { workflowVersionId: { type: nn(UUIDScalar) }, trigger: { type: nn(JSONScalar) } },
});
const VersionTrigger = new GraphQLObjectType({ name: 'WorkflowVersionTrigger', fields: { trigger: { type: JSONScalar } } });
const CreateDraftInput = new GraphQLInputObjectType({
  name: 'CreateDraftFromWorkflowVersionInput',
  fields: { workflowId: { type: nn(UUIDScalar) }, workflowVersionIdToCopy: { type: nn(UUIDScalar) } },
});
const VersionDTO = new GraphQLObjectType({
  name: 'WorkflowVersionDTO',
  fields: {
    id: { type: nn(UUIDScalar) },
    name: { type: nn(GraphQLString) },
    createdAt: { type: GraphQLString },
    updatedAt: { type: GraphQLString },
    workflowId: { type: nn(UUIDScalar) },
    status: { type: GraphQLString },
    trigger: { type: JSONScalar },
    steps: { type: JSONScalar },
  },
});

const RunInput = new GraphQLInputObjectType({
  name: 'RunWorkflowVersionInput',
  fields: { workflowVersionId: { type: nn(UUIDScalar) }, workflowRunId: { type: UUIDScalar }, payload: { type: JSONScalar } },
});
const RunOutput = new GraphQLObjectType({ name: 'RunWorkflowVersionOutput', fields: { workflowRunId: { type: nn(UUIDScalar) } } });

type Args = Record<string, unknown>;
const input = (a: Args): Args => (a.input ?? {}) as Args;

export function workflowMutationFields(): GraphQLFieldConfigMap<unknown, WorkflowContext> {
  const userOnly =
    <T>(run: (ws: Workspace, a: Args) => T) =>
    (_: unknown, a: Args, ctx: WorkflowContext): T => {
      requireUser(ctx);
      return run(ctx.ws, a);
    };
  const anyPrincipal =
    <T>(run: (ws: Workspace, a: Args) => T) =>
    (_: unknown, a: Args, ctx: WorkflowContext): T =>
      run(ctx.ws, a);
  return {
    createWorkflowVersionStep: {
      type: nn(StepChanges),
      args: { input: { type: nn(CreateStepInput) } },
      resolve: userOnly((ws, a) => createStep(ws, input(a))),
    },
    updateWorkflowVersionStep: {
      type: nn(WorkflowAction),
      args: { input: { type: nn(UpdateStepInput) } },
      resolve: userOnly((ws, a) => updateStep(ws, input(a))),
    },
    deleteWorkflowVersionStep: {
      type: nn(StepChanges),
      args: { input: { type: nn(DeleteStepInput) } },
      resolve: userOnly((ws, a) => deleteStep(ws, input(a))),
    },
    updateWorkflowVersionTrigger: {
      type: VersionTrigger,
      args: { input: { type: nn(UpdateTriggerInput) } },
      resolve: userOnly((ws, a) => updateTrigger(ws, input(a))),
    },
    createDraftFromWorkflowVersion: {
      type: nn(VersionDTO),
      args: { input: { type: nn(CreateDraftInput) } },
      resolve: userOnly((ws, a) => createDraft(ws, input(a))),
    },
    activateWorkflowVersion: {
      type: nn(GraphQLBoolean),
      args: { workflowVersionId: { type: nn(UUIDScalar) } },
      resolve: anyPrincipal((ws, a) => activate(ws, String(a.workflowVersionId))),
    },
    runWorkflowVersion: {
      type: nn(RunOutput),
      args: { input: { type: nn(RunInput) } },
      resolve: userOnly((ws, a) => runWorkflowVersion(ws, input(a))),
    },
    deactivateWorkflowVersion: {
      type: nn(GraphQLBoolean),
      args: { workflowVersionId: { type: nn(UUIDScalar) } },
      resolve: anyPrincipal((ws, a) => deactivate(ws, String(a.workflowVersionId))),
    },
  };
}
