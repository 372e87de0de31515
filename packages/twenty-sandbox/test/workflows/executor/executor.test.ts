// Each step type where Twenty is lenient and where it fails, run by the executor on a
// small workspace: a MANUAL workflow of one or two steps, started as runWorkflowVersion does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKFLOW_TEST_OBJECTS } from '../../../src/fixtures/workflows.ts';
import { createRecords } from '../../../src/records/mutations.ts';
import { recordModel } from '../../../src/records/model.ts';
import { type Sandbox, startSandbox } from '../../../src/index.ts';
import { insertRow, touch } from '../../../src/workflows/store.ts';
import type { RunRow } from '../../../src/workflows/executor/index.ts';

let sb: Sandbox;
let companyId: string;
const ERR = { retryOnFailure: { value: false }, continueOnFailure: { value: false } };

beforeAll(async () => {
  sb = await startSandbox({ port: 0, standardObjects: WORKFLOW_TEST_OBJECTS, clock: '2026-11-30T01:00:00Z' });
  const model = recordModel(sb.workspace, sb.workspace.objectByName('company')!);
  companyId = createRecords(sb.workspace, model, [{ name: 'Acme' }, { name: 'Globex' }], false, true)[0]!.id;
});
afterAll(() => sb.close());

type StepSpec = { id: string; type: string; input: unknown; next?: string[] };

/** Runs a MANUAL workflow of these steps (chained in order unless `next` says otherwise) and answers its run. */
async function run(steps: StepSpec[], payload: unknown = {}): Promise<RunRow> {
  const ws = sb.workspace;
  const workflow = insertRow(ws, 'workflow', { name: `t-${Math.random()}` });
  const version = insertRow(ws, 'workflowVersion', {
    workflowId: workflow.id,
    name: 'v1',
    status: 'ACTIVE',
    trigger: { type: 'MANUAL', name: 'Launch manually', nextStepIds: [steps[0]!.id], settings: { outputSchema: {} } },
    steps: steps.map((s, i) => ({
      id: s.id,
      name: s.id,
      type: s.type,
      valid: true,
      nextStepIds: s.next ?? (steps[i + 1] ? [steps[i + 1]!.id] : []),
      settings: { input: s.input, outputSchema: {}, errorHandlingOptions: ERR },
    })),
  });
  touch(ws, 'workflow', workflow, { lastPublishedVersionId: version.id });
  const id = sb.workflows.runVersion(version as never, payload);
  await sb.workflows.idle();
  return sb.workflows.runs().find((r) => r.id === id)!;
}

const info = (r: RunRow, id: string) => r.state.stepInfos[id]!;

describe('FIND_RECORDS', () => {
  const nameField = (): string => sb.workspace.fieldByName(sb.workspace.objectByName('company')!.id, 'name')!.id;
  it('fails where a filter variable names a step that does not exist (its value resolves empty)', async () => {
    const r = await run([
      {
        id: 'a',
        type: 'FIND_RECORDS',
        input: {
          objectName: 'company',
          filter: { recordFilters: [{ fieldMetadataId: 'x', operand: 'IS', value: '{{nope.id}}', type: 'UUID' }], recordFilterGroups: [] },
        },
      },
    ]);
    expect(info(r, 'a').status).toBe('FAILED');
    expect(r.status).toBe('FAILED');
  });
  it('is lenient with a gqlOperationFilter: never read, every record comes back', async () => {
    const r = await run([
      { id: 'a', type: 'FIND_RECORDS', input: { objectName: 'company', filter: { gqlOperationFilter: { name: { eq: 'Acme' } } } } },
    ]);
    expect((info(r, 'a').result as { totalCount: number }).totalCount).toBe(2);
  });
  it('filters by recordFilters, and fails when grouped filters come without their groups', async () => {
    const ok = await run([
      {
        id: 'a',
        type: 'FIND_RECORDS',
        input: {
          objectName: 'company',
          filter: {
            recordFilters: [{ fieldMetadataId: nameField(), operand: 'CONTAINS', value: 'Glo', type: 'TEXT', recordFilterGroupId: 'g' }],
            recordFilterGroups: [{ id: 'g', logicalOperator: 'AND' }],
          },
        },
      },
    ]);
    expect((info(ok, 'a').result as { all: Array<{ name: string }> }).all.map((c) => c.name)).toEqual(['Globex']);
    const bad = await run([
      {
        id: 'a',
        type: 'FIND_RECORDS',
        input: {
          objectName: 'company',
          filter: {
            recordFilters: [{ fieldMetadataId: nameField(), operand: 'CONTAINS', value: 'Glo', type: 'TEXT', recordFilterGroupId: 'g' }],
          },
        },
      },
    ]);
    expect(info(bad, 'a').error).toMatch(/could not be resolved to a valid query/);
  });
});

describe('record steps', () => {
  it('CREATE_RECORD drops keys that are not fields', async () => {
    const r = await run([{ id: 'a', type: 'CREATE_RECORD', input: { objectName: 'task', objectRecord: { title: 'call', notAField: 1 } } }]);
    expect(info(r, 'a')).toMatchObject({ status: 'SUCCESS', result: { title: 'call' } });
  });
  it('UPDATE_RECORD drops keys that are not fields, and fails when none is left', async () => {
    const ok = await run([
      {
        id: 'a',
        type: 'UPDATE_RECORD',
        input: {
          objectName: 'company',
          objectRecordId: companyId,
          objectRecord: { name: 'Acme 2', nope: 1 },
          fieldsToUpdate: ['name', 'nope'],
        },
      },
    ]);
    expect(info(ok, 'a').status).toBe('SUCCESS');
    const bad = await run([
      {
        id: 'a',
        type: 'UPDATE_RECORD',
        input: { objectName: 'company', objectRecordId: companyId, objectRecord: { nope: 1 }, fieldsToUpdate: ['nope'] },
      },
    ]);
    expect(info(bad, 'a').error).toBe('Failed to update: No fields to update');
  });
  it('DELETE_RECORD fails without a record id', async () => {
    const r = await run([{ id: 'a', type: 'DELETE_RECORD', input: { objectName: 'company', objectRecordId: '{{trigger.missing}}' } }]);
    expect(info(r, 'a').status).toBe('FAILED');
  });
});

describe('flow steps', () => {
  const group = [{ id: 'g', logicalOperator: 'AND' }];
  it('FILTER that does not match stops its path: the next step is SKIPPED and the run COMPLETED', async () => {
    const r = await run(
      [
        {
          id: 'f',
          type: 'FILTER',
          input: {
            stepFilterGroups: group,
            stepFilters: [{ type: 'TEXT', stepOutputKey: '{{trigger.x}}', operand: 'IS', value: 'b', stepFilterGroupId: 'g' }],
          },
        },
        { id: 'c', type: 'CREATE_RECORD', input: { objectName: 'task', objectRecord: { title: 'never' } } },
      ],
      { x: 'a' },
    );
    expect([info(r, 'f').status, info(r, 'c').status, r.status]).toEqual(['STOPPED', 'SKIPPED', 'COMPLETED']);
  });
  it('IF_ELSE fails when a branch names a filter group that does not exist', async () => {
    const r = await run([
      {
        id: 'i',
        type: 'IF_ELSE',
        input: { stepFilterGroups: [], stepFilters: [], branches: [{ id: 'b', filterGroupId: 'missing', nextStepIds: [] }] },
      },
    ]);
    expect(info(r, 'i').error).toMatch(/does not exist/);
  });
  it('ITERATOR fails on items that are not an array', async () => {
    const r = await run([{ id: 'it', type: 'ITERATOR', input: { items: '{{trigger.n}}', initialLoopStepIds: [] } }], { n: 3 });
    expect(info(r, 'it').error).toBe('Iterator input items must be an array');
  });
  it('DELAY waits on the sandbox clock, and fails on an unknown delay type', async () => {
    const r = await run([
      { id: 'd', type: 'DELAY', input: { delayType: 'DURATION', duration: { hours: 2 } } },
      { id: 'c', type: 'CREATE_RECORD', input: { objectName: 'task', objectRecord: { title: 'after the delay' } } },
    ]);
    expect([info(r, 'd').status, r.status]).toEqual(['PENDING', 'RUNNING']);
    await sb.workflows.advance(2 * 3_600_000);
    const after = sb.workflows.runs().find((x) => x.id === r.id)!;
    expect([info(after, 'c').status, after.status]).toEqual(['SUCCESS', 'COMPLETED']);
    const bad = await run([{ id: 'd', type: 'DELAY', input: { delayType: 'SOMEDAY' } }]);
    expect(info(bad, 'd').status).toBe('FAILED');
  });
  it('SEND_EMAIL fails on a recipient that is not an address, and records the email it sends', async () => {
    const bad = await run([{ id: 'e', type: 'SEND_EMAIL', input: { recipients: { to: '{{trigger.nobody}}' }, subject: 's', body: 'b' } }]);
    expect(info(bad, 'e').status).toBe('FAILED');
    const ok = await run(
      [{ id: 'e', type: 'SEND_EMAIL', input: { recipients: { to: 'a@bank.example' }, subject: 'Hi {{trigger.n}}', body: 'b' } }],
      { n: 'Li' },
    );
    expect(sb.workflows.mailer.sent.find((m) => m.runId === ok.id)).toMatchObject({
      to: ['a@bank.example'],
      subject: 'Hi Li',
      delivery: 'recorded',
    });
  });
  it('FORM and CODE are refused as not executed; a next step that does not exist fails the run', async () => {
    for (const type of ['FORM', 'CODE']) expect(info(await run([{ id: 's', type, input: {} }]), 's').error).toMatch(/does not execute/);
    const r = await run([{ id: 'a', type: 'EMPTY', input: {}, next: ['ghost'] }]);
    expect([r.status, r.state.workflowRunError]).toEqual(['FAILED', 'Step not found']);
  });
});
