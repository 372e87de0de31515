// The workflow writes, one request each, as Twenty's front end and integration
// tests send them (workflows.md §3; documents from packages/twenty-front/src/modules/
// workflow/graphql/mutations/ and test/integration/graphql/suites/workflow/utils/).
import { type TwentyClient, isTwentyError } from '../../twenty/index.ts';
import type { CompiledStep, CompiledTrigger } from '../../workflows/index.ts';
import type { ActualVersion } from './read.ts';

const write = { write: true } as const;

export async function createWorkflow(client: TwentyClient, id: string, name: string): Promise<void> {
  await client.core(
    'mutation BankpackCreateWorkflow($data: WorkflowCreateInput!) { createWorkflow(data: $data) { id } }',
    { data: { id, name } },
    { operation: `create workflow "${name}"`, ...write },
  );
}

export async function renameWorkflow(client: TwentyClient, id: string, name: string): Promise<void> {
  await client.core(
    'mutation BankpackRenameWorkflow($id: UUID!, $data: WorkflowUpdateInput!) { updateWorkflow(id: $id, data: $data) { id } }',
    { id, data: { name } },
    { operation: `rename workflow to "${name}"`, ...write },
  );
}

export async function createDraftFromVersion(client: TwentyClient, workflowId: string, versionId: string): Promise<ActualVersion> {
  const data = await client.core<{ createDraftFromWorkflowVersion: ActualVersion }>(
    `mutation BankpackCreateDraft($input: CreateDraftFromWorkflowVersionInput!) {
      createDraftFromWorkflowVersion(input: $input) { id name status trigger steps }
    }`,
    { input: { workflowId, workflowVersionIdToCopy: versionId } },
    { operation: 'create a draft of the workflow', ...write },
  );
  return data.createDraftFromWorkflowVersion;
}

/** Creates the step with the pack's id; resolves to the ids of every step the server created with it. */
export async function createStep(client: TwentyClient, versionId: string, step: CompiledStep): Promise<string[]> {
  const data = await client.core<{ createWorkflowVersionStep: { stepsDiff: unknown } }>(
    `mutation BankpackCreateStep($input: CreateWorkflowVersionStepInput!) {
      createWorkflowVersionStep(input: $input) { stepsDiff }
    }`,
    { input: { workflowVersionId: versionId, stepType: step.type, id: step.id, position: step.position } },
    { operation: `create step "${step.name}"`, ...write },
  );
  return createdStepIds(data.createWorkflowVersionStep.stepsDiff);
}

/** The steps a stepsDiff (microdiff of the steps array) says were added. */
export function createdStepIds(stepsDiff: unknown): string[] {
  if (!Array.isArray(stepsDiff)) return [];
  return stepsDiff.flatMap((d: { type?: unknown; path?: unknown; value?: unknown }) => {
    const value = d?.value as { id?: unknown } | undefined;
    return d?.type === 'CREATE' && Array.isArray(d.path) && d.path.length === 1 && typeof value?.id === 'string' ? [value.id] : [];
  });
}

export async function updateStep(client: TwentyClient, versionId: string, step: CompiledStep): Promise<void> {
  await client.core(
    `mutation BankpackUpdateStep($input: UpdateWorkflowVersionStepInput!) {
      updateWorkflowVersionStep(input: $input) { id }
    }`,
    { input: { workflowVersionId: versionId, step } },
    { operation: `set up step "${step.name}"`, ...write },
  );
}

/** Deletes a step; one that is already gone (removed with its IF_ELSE) counts as deleted. */
export async function deleteStep(client: TwentyClient, versionId: string, stepId: string, workflowName: string): Promise<void> {
  try {
    await client.core(
      `mutation BankpackDeleteStep($input: DeleteWorkflowVersionStepInput!) {
        deleteWorkflowVersionStep(input: $input) { stepsDiff }
      }`,
      { input: { workflowVersionId: versionId, stepId } },
      { operation: `remove a step of workflow "${workflowName}"`, ...write },
    );
  } catch (e) {
    if (isTwentyError(e) && e.kind === 'not-found') return;
    throw e;
  }
}

export async function updateTrigger(
  client: TwentyClient,
  versionId: string,
  trigger: CompiledTrigger,
  workflowName: string,
): Promise<void> {
  await client.core(
    `mutation BankpackUpdateTrigger($input: UpdateWorkflowVersionTriggerInput!) {
      updateWorkflowVersionTrigger(input: $input) { trigger }
    }`,
    { input: { workflowVersionId: versionId, trigger } },
    { operation: `set the trigger of workflow "${workflowName}"`, ...write },
  );
}

export async function activateVersion(client: TwentyClient, versionId: string, workflowName: string): Promise<void> {
  await client.core(
    'mutation BankpackActivate($workflowVersionId: UUID!) { activateWorkflowVersion(workflowVersionId: $workflowVersionId) }',
    { workflowVersionId: versionId },
    { operation: `activate workflow "${workflowName}"`, ...write },
  );
}
