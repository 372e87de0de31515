// The sandbox refuses to activate a Search Records step whose filter Twenty would
// accept and then not apply (find-records-filter.ts): a filter only in
// gqlOperationFilter, a filter on a field the object does not have. One Twenty reads
// (recordFilters in their recordFilterGroups, on a real field id) activates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/index.ts';
import { gql, startWorkflowSandbox } from '../../src/fixtures/workflows.ts';

let sb: Sandbox;
let companyIdField: string;
beforeAll(async () => {
  sb = await startWorkflowSandbox();
  const res = await fetch(`${sb.url}/metadata`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${sb.apiKey}` },
    body: JSON.stringify({ query: '{ objects(paging: { first: 1000 }) { edges { node { nameSingular fieldsList { id name } } } } }' }),
  });
  const body = (await res.json()) as {
    data: { objects: { edges: Array<{ node: { nameSingular: string; fieldsList: Array<{ id: string; name: string }> } }> } };
  };
  const company = body.data.objects.edges.find((e) => e.node.nameSingular === 'company')!.node;
  companyIdField = company.fieldsList.find((f) => f.name === 'id')!.id;
});
afterAll(async () => {
  await sb.close();
});

const STEP = '2d0c3f4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const GROUP = '3e1d4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a';
const TRIGGER = {
  name: 'Record is created',
  type: 'DATABASE_EVENT',
  position: { x: 0, y: 0 },
  nextStepIds: [STEP],
  settings: { eventName: 'company.created', outputSchema: {} },
};

/** A draft whose one step searches companies with `filter`; the activation's answer. */
async function activateWithFilter(filter: Record<string, unknown>): Promise<{ ok: boolean; messages: string[] }> {
  const created = await gql<{ createWorkflow: { id: string } }>(
    sb,
    sb.apiKey,
    'mutation($d: WorkflowCreateInput!) { createWorkflow(data: $d) { id } }',
    { d: { name: 'find' } },
  );
  const v = await gql<{ workflowVersions: { edges: Array<{ node: { id: string } }> } }>(
    sb,
    sb.apiKey,
    'query($id: UUID!) { workflowVersions(filter: { workflowId: { eq: $id } }) { edges { node { id } } } }',
    {
      id: created.data!.createWorkflow.id,
    },
  );
  const versionId = v.data!.workflowVersions.edges[0]!.node.id;
  await gql(sb, sb.userToken, 'mutation($i: CreateWorkflowVersionStepInput!) { createWorkflowVersionStep(input: $i) { stepsDiff } }', {
    i: { workflowVersionId: versionId, stepType: 'FIND_RECORDS', id: STEP },
  });
  const step = {
    id: STEP,
    name: 'Find the company',
    type: 'FIND_RECORDS',
    valid: true,
    nextStepIds: [],
    position: { x: 0, y: 150 },
    settings: {
      input: { objectName: 'company', limit: 1, filter },
      outputSchema: {},
      errorHandlingOptions: { retryOnFailure: { value: false }, continueOnFailure: { value: false } },
    },
  };
  await gql(sb, sb.userToken, 'mutation($i: UpdateWorkflowVersionStepInput!) { updateWorkflowVersionStep(input: $i) { id } }', {
    i: { workflowVersionId: versionId, step },
  });
  await gql(sb, sb.userToken, 'mutation($i: UpdateWorkflowVersionTriggerInput!) { updateWorkflowVersionTrigger(input: $i) { trigger } }', {
    i: { workflowVersionId: versionId, trigger: TRIGGER },
  });
  const r = await gql(sb, sb.apiKey, 'mutation($id: UUID!) { activateWorkflowVersion(workflowVersionId: $id) }', { id: versionId });
  const issues = (r.errors?.[0]?.extensions?.issues as Array<{ code: string; message: string }> | undefined) ?? [];
  return { ok: !r.errors, messages: issues.map((i) => `${i.code}: ${i.message}`) };
}

const recordFilter = (fieldMetadataId: string, extra: Record<string, unknown> = {}) => ({
  id: '4f2e5a6b-7c8d-4e9f-8a0b-2c3d4e5f6a7b',
  fieldMetadataId,
  type: 'UUID',
  operand: 'IS',
  value: '["{{trigger.properties.after.id}}"]',
  recordFilterGroupId: GROUP,
  ...extra,
});

describe('activating a Search Records step', () => {
  it('refuses a filter only in gqlOperationFilter, saying Twenty would search every record', async () => {
    const r = await activateWithFilter({ gqlOperationFilter: { id: { eq: '{{trigger.properties.after.id}}' } } });
    expect(r.ok).toBe(false);
    expect(r.messages).toEqual([
      'INVALID_STEP_PARAMS: Search Records step "Find the company": it carries a filter in gqlOperationFilter and no recordFilters: Twenty reads only filter.recordFilters, so it would search every company record. Twenty would accept and run it unfiltered; write the filter as filter.recordFilters with their recordFilterGroups.',
    ]);
  });

  it('refuses recordFilters on a field the object does not have, without their groups, or with an operand the field type lacks', async () => {
    const unknown = await activateWithFilter({
      recordFilters: [recordFilter('5a3f6b7c-8d9e-4f0a-9b1c-3d4e5f6a7b8c')],
      recordFilterGroups: [{ id: GROUP, logicalOperator: 'AND' }],
    });
    expect(unknown.messages.join('\n')).toContain(
      'names field "5a3f6b7c-8d9e-4f0a-9b1c-3d4e5f6a7b8c", which company does not have: Twenty drops it',
    );
    const noGroups = await activateWithFilter({ recordFilters: [recordFilter(companyIdField)] });
    expect(noGroups.messages.join('\n')).toContain('it has recordFilters but no recordFilterGroups');
    const textIs = await activateWithFilter({
      recordFilters: [recordFilter(companyIdField, { operand: 'CONTAINS' })],
      recordFilterGroups: [{ id: GROUP, logicalOperator: 'AND' }],
    });
    expect(textIs.messages.join('\n')).toContain('uses operand CONTAINS; Twenty allows IS, IS_NOT, IS_EMPTY, IS_NOT_EMPTY there');
  });

  it('activates recordFilters in their group on a real field id', async () => {
    const r = await activateWithFilter({
      recordFilters: [recordFilter(companyIdField)],
      recordFilterGroups: [{ id: GROUP, logicalOperator: 'AND' }],
    });
    expect(r).toEqual({ ok: true, messages: [] });
  });
});
