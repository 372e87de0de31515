// The sandbox's workflow records and mutations hold to Twenty's rules: who may
// call what, the draft-only builder, what blocks activation, and what activation
// does to the versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/index.ts';
import { type Answer, gql, startWorkflowSandbox } from '../../src/fixtures/workflows.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startWorkflowSandbox();
});
afterAll(async () => {
  await sb.close();
});

const asKey = <T = Record<string, unknown>>(q: string, v?: Record<string, unknown>): Promise<Answer<T>> => gql<T>(sb, sb.apiKey, q, v);
const asUser = <T = Record<string, unknown>>(q: string, v?: Record<string, unknown>): Promise<Answer<T>> => gql<T>(sb, sb.userToken, q, v);

const TRIGGER = {
  name: 'Record is created',
  type: 'DATABASE_EVENT',
  position: { x: 0, y: 0 },
  nextStepIds: [] as string[],
  settings: { eventName: 'company.created', outputSchema: {} },
};
const STEP_A = '0b8a1d2c-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const STEP_B = '1c9b2e3d-4f5a-4b6c-9d7e-8f9a0b1c2d3e';

const CREATE_STEP = 'mutation($input: CreateWorkflowVersionStepInput!) { createWorkflowVersionStep(input: $input) { stepsDiff } }';
const UPDATE_STEP = 'mutation($input: UpdateWorkflowVersionStepInput!) { updateWorkflowVersionStep(input: $input) { id } }';
const DELETE_STEP = 'mutation($input: DeleteWorkflowVersionStepInput!) { deleteWorkflowVersionStep(input: $input) { stepsDiff } }';
const SET_TRIGGER = 'mutation($input: UpdateWorkflowVersionTriggerInput!) { updateWorkflowVersionTrigger(input: $input) { trigger } }';
const ACTIVATE = 'mutation($id: UUID!) { activateWorkflowVersion(workflowVersionId: $id) }';
const DEACTIVATE = 'mutation($id: UUID!) { deactivateWorkflowVersion(workflowVersionId: $id) }';
const DRAFT = 'mutation($input: CreateDraftFromWorkflowVersionInput!) { createDraftFromWorkflowVersion(input: $input) { id name status } }';

interface Version {
  id: string;
  name: string;
  status: string;
  steps: Array<Record<string, unknown>> | null;
}

async function newWorkflow(name: string): Promise<{ workflowId: string; versionId: string }> {
  const created = await asKey<{ createWorkflow: { id: string } }>(
    'mutation($data: WorkflowCreateInput!) { createWorkflow(data: $data) { id } }',
    { data: { name } },
  );
  const workflowId = created.data!.createWorkflow.id;
  return { workflowId, versionId: (await versions(workflowId))[0]!.id };
}

async function versions(workflowId: string): Promise<Version[]> {
  const r = await asKey<{ workflowVersions: { edges: Array<{ node: Version }> } }>(
    'query($id: UUID!) { workflowVersions(filter: { workflowId: { eq: $id } }, orderBy: [{ createdAt: AscNullsFirst }]) { edges { node { id name status steps } } } }',
    { id: workflowId },
  );
  return r.data!.workflowVersions.edges.map((e) => e.node);
}

const step = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: 'Create',
  type: 'CREATE_RECORD',
  valid: true,
  nextStepIds: [],
  position: { x: 0, y: 150 },
  settings: {
    input: { objectName: 'task', objectRecord: { title: 'x' } },
    outputSchema: {},
    errorHandlingOptions: { retryOnFailure: { value: false }, continueOnFailure: { value: false } },
  },
  ...extra,
});

/** A draft with one valid step wired from its trigger: ready to activate. */
async function readyWorkflow(name: string): Promise<{ workflowId: string; versionId: string }> {
  const w = await newWorkflow(name);
  await asUser(CREATE_STEP, { input: { workflowVersionId: w.versionId, stepType: 'CREATE_RECORD', id: STEP_A } });
  await asUser(UPDATE_STEP, { input: { workflowVersionId: w.versionId, step: step(STEP_A) } });
  await asUser(SET_TRIGGER, { input: { workflowVersionId: w.versionId, trigger: { ...TRIGGER, nextStepIds: [STEP_A] } } });
  return w;
}

describe('workflow records', () => {
  it('a new workflow gets its DRAFT version v1, and its statuses are computed, never written', async () => {
    const { workflowId } = await newWorkflow('auto draft');
    expect((await versions(workflowId)).map((v) => [v.name, v.status])).toEqual([['v1', 'DRAFT']]);
    const w = await asKey<{ workflow: { statuses: string[] } }>(
      'query($id: UUID!) { workflow(filter: { id: { eq: $id } }) { statuses } }',
      { id: workflowId },
    );
    expect(w.data!.workflow.statuses).toEqual(['DRAFT']);
    const refused = await asKey('mutation { createWorkflow(data: { name: "x", statuses: [ACTIVE] }) { id } }');
    expect(refused.errors?.[0]).toMatchObject({ message: 'Statuses cannot be set manually.', extensions: { code: 'FORBIDDEN' } });
  });

  it('a version is changed only through the dedicated mutations (#23207), and only a second draft may be deleted', async () => {
    const { versionId } = await newWorkflow('generic update');
    const refused = await asKey('mutation($id: UUID!) { updateWorkflowVersion(id: $id, data: { trigger: {} }) { id } }', { id: versionId });
    expect(refused.errors?.[0]?.message).toMatch(/^Updating a workflowVersion through the generic mutation is restricted\./);
    expect(
      (await asKey('mutation($id: UUID!) { updateWorkflowVersion(id: $id, data: { name: "first" }) { name } }', { id: versionId })).errors,
    ).toBeUndefined();
    const only = await asKey('mutation($id: UUID!) { deleteWorkflowVersion(id: $id) { id } }', { id: versionId });
    expect(only.errors?.[0]?.message).toBe('The initial version of a workflow can not be deleted');
  });
});

describe('who may call the workflow mutations', () => {
  it('the builder mutations refuse an API key with "Forbidden resource"; a user session may', async () => {
    const { workflowId, versionId } = await newWorkflow('auth');
    for (const [query, input] of [
      [CREATE_STEP, { workflowVersionId: versionId, stepType: 'CREATE_RECORD' }],
      [SET_TRIGGER, { workflowVersionId: versionId, trigger: TRIGGER }],
      [DRAFT, { workflowId, workflowVersionIdToCopy: versionId }],
    ] as const) {
      const r = await asKey(query, { input });
      expect(r.errors?.[0]).toMatchObject({ message: 'Forbidden resource', extensions: { code: 'FORBIDDEN' } });
    }
    expect(
      (await asUser(CREATE_STEP, { input: { workflowVersionId: versionId, stepType: 'CREATE_RECORD', id: STEP_A } })).errors,
    ).toBeUndefined();
  });

  it('activation and deactivation take an API key (PR #22924)', async () => {
    const { versionId } = await readyWorkflow('activate with a key');
    expect((await asKey(ACTIVATE, { id: versionId })).data).toEqual({ activateWorkflowVersion: true });
    expect((await asKey(DEACTIVATE, { id: versionId })).data).toEqual({ deactivateWorkflowVersion: true });
  });

  it('myConnectedAccounts answers a user (the sandbox connects no mailbox) and refuses an API key', async () => {
    const meta = (token: string) =>
      fetch(`${sb.url}/metadata`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ myConnectedAccounts { id handle } }' }),
      }).then((r) => r.json() as Promise<Answer>);
    expect((await meta(sb.userToken)).data).toEqual({ myConnectedAccounts: [] });
    expect((await meta(sb.apiKey)).errors?.[0]?.message).toBe('Forbidden resource');
  });
});

describe('what blocks activation', () => {
  const activate = async (versionId: string): Promise<string> =>
    (await asKey(ACTIVATE, { id: versionId })).errors?.[0]?.message ?? 'activated';

  it('assertVersionCanBeActivated: a trigger, steps, and only a draft or the deactivated last published version', async () => {
    const w = await newWorkflow('empty');
    expect(await activate(w.versionId)).toBe('Workflow version does not contain trigger');
    await asUser(SET_TRIGGER, { input: { workflowVersionId: w.versionId, trigger: TRIGGER } });
    expect(await activate(w.versionId)).toBe('No steps provided in workflow version');
  });

  it('the validation issue codes: no edge from the trigger, unknown objects and fields, variables that point nowhere or downstream', async () => {
    const w = await newWorkflow('issues');
    await asUser(CREATE_STEP, { input: { workflowVersionId: w.versionId, stepType: 'CREATE_RECORD', id: STEP_A } });
    await asUser(CREATE_STEP, { input: { workflowVersionId: w.versionId, stepType: 'CREATE_RECORD', id: STEP_B } });
    await asUser(SET_TRIGGER, { input: { workflowVersionId: w.versionId, trigger: TRIGGER } });
    await asUser(UPDATE_STEP, {
      input: {
        workflowVersionId: w.versionId,
        step: step(STEP_A, {
          nextStepIds: [STEP_B],
          settings: { ...step(STEP_A).settings, input: { objectName: 'taks', objectRecord: { title: `{{${STEP_B}.id}}` } } },
        }),
      },
    });
    await asUser(UPDATE_STEP, {
      input: {
        workflowVersionId: w.versionId,
        step: step(STEP_B, {
          settings: {
            ...step(STEP_B).settings,
            input: { objectName: 'task', objectRecord: { titel: '{{9e2b1a3c-0000-4000-8000-000000000000.x}}' } },
          },
        }),
      },
    });
    const r = await asKey(ACTIVATE, { id: w.versionId });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', subCode: 'NON_ACTIVABLE_WORKFLOW_VERSION' });
    const codes = (r.errors?.[0]?.extensions?.issues as Array<{ code: string }>).map((i) => i.code).sort();
    expect(codes).toEqual([
      'INVALID_STEP_PARAMS',
      'OBJECT_NOT_FOUND',
      'TRIGGER_HAS_NO_NEXT_STEP',
      'VARIABLE_NOT_UPSTREAM',
      'VARIABLE_UNKNOWN_STEP',
    ]);
  });

  it('a rich text written as a bare string is refused at write (validate-record-crud-object-record-rich-text.util.ts)', async () => {
    const w = await newWorkflow('rich text');
    await asUser(CREATE_STEP, { input: { workflowVersionId: w.versionId, stepType: 'CREATE_RECORD', id: STEP_A } });
    const bad = step(STEP_A, { settings: { ...step(STEP_A).settings, input: { objectName: 'task', objectRecord: { bodyV2: 'text' } } } });
    expect((await asUser(UPDATE_STEP, { input: { workflowVersionId: w.versionId, step: bad } })).errors?.[0]?.message).toBe(
      'Rich text field "bodyV2" in step "Create" must be an object, received string.',
    );
  });
});

describe('versions', () => {
  it('activation publishes the draft; a new draft is v2, reused while it exists; activating it archives v1', async () => {
    const w = await readyWorkflow('versions');
    await asKey(ACTIVATE, { id: w.versionId });
    const notDraft = await asUser(CREATE_STEP, { input: { workflowVersionId: w.versionId, stepType: 'DELAY' } });
    expect(notDraft.errors?.[0]?.message).toBe('Workflow version is not in draft status');

    const draft = await asUser<{ createDraftFromWorkflowVersion: { id: string; name: string } }>(DRAFT, {
      input: { workflowId: w.workflowId, workflowVersionIdToCopy: w.versionId },
    });
    const again = await asUser<{ createDraftFromWorkflowVersion: { id: string } }>(DRAFT, {
      input: { workflowId: w.workflowId, workflowVersionIdToCopy: w.versionId },
    });
    expect(draft.data!.createDraftFromWorkflowVersion.name).toBe('v2');
    expect(again.data!.createDraftFromWorkflowVersion.id).toBe(draft.data!.createDraftFromWorkflowVersion.id);

    await asKey(ACTIVATE, { id: draft.data!.createDraftFromWorkflowVersion.id });
    expect((await versions(w.workflowId)).map((v) => [v.name, v.status])).toEqual([
      ['v1', 'ARCHIVED'],
      ['v2', 'ACTIVE'],
    ]);
    const triggers = await asKey<{ workflowAutomatedTriggers: { edges: Array<{ node: { type: string; settings: unknown } }> } }>(
      'query($id: UUID!) { workflowAutomatedTriggers(filter: { workflowId: { eq: $id } }) { edges { node { type settings } } } }',
      { id: w.workflowId },
    );
    expect(triggers.data!.workflowAutomatedTriggers.edges.map((e) => e.node)).toEqual([
      { type: 'DATABASE_EVENT', settings: { eventName: 'company.created' } },
    ]);
  });

  it('a deactivated last published version may be activated again; an archived one may not', async () => {
    const w = await readyWorkflow('reactivate');
    await asKey(ACTIVATE, { id: w.versionId });
    await asKey(DEACTIVATE, { id: w.versionId });
    expect((await asKey(ACTIVATE, { id: w.versionId })).data).toEqual({ activateWorkflowVersion: true });
    const draft = await asUser<{ createDraftFromWorkflowVersion: { id: string } }>(DRAFT, {
      input: { workflowId: w.workflowId, workflowVersionIdToCopy: w.versionId },
    });
    await asKey(ACTIVATE, { id: draft.data!.createDraftFromWorkflowVersion.id });
    expect((await asKey(ACTIVATE, { id: w.versionId })).errors?.[0]?.message).toBe(
      'Cannot activate non-draft or non-last-published version',
    );
  });
});

describe('the step graph', () => {
  it('a new IF_ELSE comes with EMPTY steps in its branches, and a branch left empty by a deletion is refilled', async () => {
    const w = await newWorkflow('if else');
    const created = await asUser<{
      createWorkflowVersionStep: { stepsDiff: Array<{ type: string; value: { id: string; type: string } }> };
    }>(CREATE_STEP, {
      input: { workflowVersionId: w.versionId, stepType: 'IF_ELSE', id: STEP_A },
    });
    const added = created.data!.createWorkflowVersionStep.stepsDiff.filter((d) => d.type === 'CREATE').map((d) => d.value.type);
    expect(added).toEqual(['IF_ELSE', 'EMPTY', 'EMPTY']);
    const [ifElse, ifEmpty] = (await versions(w.workflowId))[0]!.steps!;
    await asUser(DELETE_STEP, { input: { workflowVersionId: w.versionId, stepId: String(ifEmpty!.id) } });
    const after = (await versions(w.workflowId))[0]!.steps!;
    const branches = (after.find((s) => s.id === ifElse!.id)!.settings as { input: { branches: Array<{ nextStepIds: string[] }> } }).input
      .branches;
    const refill = after.find((s) => s.id === branches[0]!.nextStepIds[0]);
    expect(refill).toMatchObject({ type: 'EMPTY', name: 'Add an Action' });
    expect(refill!.id).not.toBe(ifEmpty!.id);
  });
});
