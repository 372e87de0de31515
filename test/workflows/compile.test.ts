// Golden tests: each trigger and step type compiles to the JSON Twenty stores.
// Shapes from twentyhq/twenty packages/twenty-shared/src/workflow/schemas/ @41d2425
// (the file that defines each shape is named in each test).
import { describe, expect, it } from 'vitest';
import { compileWorkflow } from '../../src/workflows/compile.ts';
import { partUuid, stepUuid } from '../../src/workflows/graph.ts';
import { definitionHash } from '../../src/workflows/hash.ts';
import { catalogue, WF, workflow } from './helpers.ts';

const id = (key: string): string => stepUuid(WF, key);
const part = (key: string, ...p: Array<string | number>): string => partUuid(WF, key, ...p);
const compile = (steps: unknown[], trigger?: Record<string, unknown>) =>
  compileWorkflow(workflow(steps, trigger), { catalogue: catalogue(), connectedAccountId: 'acc-1' });
const only = (steps: unknown[], trigger?: Record<string, unknown>) => compile(steps, trigger).steps[0]!;
const settings = (input: unknown) => ({
  input,
  outputSchema: {},
  errorHandlingOptions: { retryOnFailure: { value: false }, continueOnFailure: { value: false } },
});

describe('step ids', () => {
  it('are UUID v5 of the step key under the workflow, the same on every compile and different in another workflow', () => {
    expect(id('setStage')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(compile([{ id: 'setStage', type: 'DELAY', for: { hours: 1 } }]).steps[0]!.id).toBe(id('setStage'));
    expect(stepUuid('7156a634-d358-4881-b8f1-07d4cde605c9', 'setStage')).not.toBe(id('setStage'));
  });
});

describe('triggers', () => {
  it('DATABASE_EVENT: eventName object.action, the object, watched fields by their event names (database-event-trigger-schema.ts)', () => {
    const c = compile([{ id: 'a', type: 'DELAY', for: { minutes: 1 } }], {
      type: 'DATABASE_EVENT',
      object: 'lead',
      event: 'updated',
      fields: ['stage', 'owner'],
    });
    expect(c.trigger).toEqual({
      name: 'Record is updated',
      type: 'DATABASE_EVENT',
      position: { x: 0, y: 0 },
      nextStepIds: [id('a')],
      settings: { eventName: 'lead.updated', outputSchema: {}, objectType: 'lead', fields: ['stage', 'ownerId'] },
    });
  });

  it('DATABASE_EVENT with `when`: a trigger filter of step filter groups and filters (database-event-trigger-schema.ts, step-filter-schema.ts)', () => {
    const c = compile([{ id: 'a', type: 'DELAY', for: { minutes: 1 } }], {
      type: 'DATABASE_EVENT',
      object: 'lead',
      event: 'created',
      when: { all: [{ value: '{{record.stage}}', is: 'PUBLISHED' }] },
    });
    const group = part('trigger', 'when', 'group', 0);
    expect(c.trigger.settings.filter).toEqual({
      stepFilterGroups: [{ id: group, logicalOperator: 'AND' }],
      stepFilters: [
        {
          id: part('trigger', 'when', 'filter', 0),
          type: 'SELECT',
          stepOutputKey: '{{trigger.properties.after.stage}}',
          operand: 'IS',
          value: '["PUBLISHED"]',
          stepFilterGroupId: group,
          positionInStepFilterGroup: 0,
        },
      ],
    });
  });

  it('CRON: CUSTOM pattern, or DAYS / HOURS / MINUTES schedules (cron-trigger-schema.ts)', () => {
    const cron = (t: Record<string, unknown>) => compile([{ id: 'a', type: 'DELAY', for: { minutes: 1 } }], { type: 'CRON', ...t }).trigger;
    expect(cron({ pattern: '0 8 * * 1' })).toEqual({
      name: 'On a Schedule',
      type: 'CRON',
      position: { x: 0, y: 0 },
      nextStepIds: [id('a')],
      settings: { type: 'CUSTOM', pattern: '0 8 * * 1', outputSchema: {} },
    });
    expect(cron({ every: { days: 1, hour: 9 } }).settings).toEqual({
      type: 'DAYS',
      schedule: { day: 1, hour: 9, minute: 0 },
      outputSchema: {},
    });
    expect(cron({ every: { hours: 2, minute: 30 } }).settings).toEqual({
      type: 'HOURS',
      schedule: { hour: 2, minute: 30 },
      outputSchema: {},
    });
    expect(cron({ every: { minutes: 15 } }).settings).toEqual({ type: 'MINUTES', schedule: { minute: 15 }, outputSchema: {} });
  });

  it('MANUAL: objectType and SINGLE_RECORD availability, or GLOBAL (manual-trigger-schema.ts)', () => {
    const on = compile([{ id: 'a', type: 'DELAY', for: { minutes: 1 } }], { type: 'MANUAL', object: 'lead', icon: 'IconBolt' }).trigger;
    expect(on).toEqual({
      name: 'Launch manually',
      type: 'MANUAL',
      position: { x: 0, y: 0 },
      nextStepIds: [id('a')],
      settings: {
        objectType: 'lead',
        outputSchema: {},
        icon: 'IconBolt',
        availability: { type: 'SINGLE_RECORD', objectNameSingular: 'lead' },
      },
    });
    expect(compile([{ id: 'a', type: 'DELAY', for: { minutes: 1 } }], { type: 'MANUAL' }).trigger.settings).toEqual({
      outputSchema: {},
      availability: { type: 'GLOBAL', locations: [] },
    });
  });

  it('WEBHOOK: GET, or POST with an expected body (webhook-trigger-schema.ts)', () => {
    expect(compile([{ id: 'a', type: 'DELAY', for: { minutes: 1 } }], { type: 'WEBHOOK', method: 'GET' }).trigger.settings).toEqual({
      outputSchema: {},
      httpMethod: 'GET',
      authentication: null,
    });
    expect(
      compile([{ id: 'a', type: 'DELAY', for: { minutes: 1 } }], {
        type: 'WEBHOOK',
        method: 'POST',
        expectedBody: { name: 'x' },
        authentication: 'API_KEY',
      }).trigger.settings,
    ).toEqual({
      outputSchema: {},
      httpMethod: 'POST',
      expectedBody: { name: 'x' },
      authentication: 'API_KEY',
    });
  });
});

describe('steps', () => {
  it('the common shape: id, name, type, valid, nextStepIds, position, settings {input, outputSchema, errorHandlingOptions} (base-workflow-action-schema.ts, base-workflow-action-settings-schema.ts)', () => {
    const c = compile([
      { id: 'first', type: 'DELAY', name: 'Wait', for: { hours: 1 }, retryOnFailure: true },
      { id: 'second', type: 'DELAY', for: { hours: 2 }, continueOnFailure: true },
    ]);
    expect(c.steps).toEqual([
      {
        id: id('first'),
        name: 'Wait',
        type: 'DELAY',
        valid: true,
        nextStepIds: [id('second')],
        position: { x: 0, y: 150 },
        settings: {
          input: { delayType: 'DURATION', duration: { days: 0, hours: 1, minutes: 0, seconds: 0 } },
          outputSchema: {},
          errorHandlingOptions: { retryOnFailure: { value: true }, continueOnFailure: { value: false } },
        },
      },
      {
        id: id('second'),
        name: 'Delay',
        type: 'DELAY',
        valid: true,
        nextStepIds: [],
        position: { x: 0, y: 300 },
        settings: {
          input: { delayType: 'DURATION', duration: { days: 0, hours: 2, minutes: 0, seconds: 0 } },
          outputSchema: {},
          errorHandlingOptions: { retryOnFailure: { value: false }, continueOnFailure: { value: true } },
        },
      },
    ]);
  });

  it('CREATE_RECORD: objectName, objectRecord with relations by join column and rich text as an object (create-record-action-settings-schema.ts)', () => {
    const s = only([
      {
        id: 't',
        type: 'CREATE_RECORD',
        object: 'task',
        set: { title: 'Verify {{record.name}}', status: 'TODO', assignee: '{{record.ownerId}}', bodyV2: 'Source: {{record.stage}}' },
      },
    ]);
    expect(s.settings).toEqual(
      settings({
        objectName: 'task',
        objectRecord: {
          title: 'Verify {{trigger.properties.after.name}}',
          status: 'TODO',
          assigneeId: '{{trigger.properties.after.ownerId}}',
          bodyV2: { blocknote: null, markdown: 'Source: {{trigger.properties.after.stage}}' },
        },
      }),
    );
  });

  it('UPDATE_RECORD: objectRecordId and exactly the fieldsToUpdate it sets (update-record-action-settings-schema.ts)', () => {
    expect(
      only([
        {
          id: 'u',
          type: 'UPDATE_RECORD',
          object: 'lead',
          record: '{{record.id}}',
          set: { stage: 'COLLECTED', owner: '{{record.ownerId}}' },
        },
      ]).settings,
    ).toEqual(
      settings({
        objectName: 'lead',
        objectRecord: { stage: 'COLLECTED', ownerId: '{{trigger.properties.after.ownerId}}' },
        objectRecordId: '{{trigger.properties.after.id}}',
        fieldsToUpdate: ['stage', 'ownerId'],
      }),
    );
  });

  it('DELETE_RECORD: objectName and objectRecordId; a deleted record is read from `before` (delete-record-action-settings-schema.ts)', () => {
    const s = only([{ id: 'd', type: 'DELETE_RECORD', object: 'task', record: '{{record.id}}' }], {
      type: 'DATABASE_EVENT',
      object: 'lead',
      event: 'deleted',
    });
    expect(s.settings).toEqual(settings({ objectName: 'task', objectRecordId: '{{trigger.properties.before.id}}' }));
  });

  // find-records-action-settings-schema.ts @41d24255: filter {recordFilters?, recordFilterGroups?};
  // find-records.workflow-action.ts @41d24255 builds its query from these alone (a gqlOperationFilter
  // is never read, twentyhq/twenty#23640). Values as turnRecordFilterIntoRecordGqlOperationFilter
  // reads them (twenty-sdk@2.43.0 dist/login-BAYa8oza.mjs): SELECT / UUID / RELATION as JSON arrays,
  // text by CONTAINS (ilike %…%). Field ids come from the workspace (fieldIds); one root AND group.
  const FIELD_IDS: Record<string, string> = { 'lead.stage': 'f-stage', 'lead.owner': 'f-owner', 'lead.name': 'f-name', 'lead.id': 'f-id' };
  const compileFind = (where: Record<string, unknown>) =>
    compileWorkflow(workflow([{ id: 'f', type: 'FIND_RECORDS', object: 'lead', where, orderBy: { createdAt: 'DESC' }, limit: 5 }]), {
      catalogue: catalogue(),
      fieldIds: (object, field) => FIELD_IDS[`${object}.${field}`],
    }).steps[0]!;
  const group = part('f', 'where', 'group', 0);
  const filter = (n: number, rest: Record<string, unknown>) => ({
    id: part('f', 'where', 'filter', n),
    recordFilterGroupId: group,
    positionInRecordFilterGroup: n,
    ...rest,
  });

  it('FIND_RECORDS: objectName, limit, the filter as recordFilters in one AND group, orderBy (find-records-action-settings-schema.ts)', () => {
    const s = compileFind({ stage: ['COLLECTED', 'PUBLISHED'], owner: '{{record.ownerId}}', name: { ilike: '%x%' } });
    expect(s.settings).toEqual(
      settings({
        objectName: 'lead',
        limit: 5,
        filter: {
          recordFilters: [
            filter(0, { fieldMetadataId: 'f-stage', type: 'SELECT', operand: 'IS', value: '["COLLECTED","PUBLISHED"]' }),
            filter(1, { fieldMetadataId: 'f-owner', type: 'RELATION', operand: 'IS', value: '["{{trigger.properties.after.ownerId}}"]' }),
            filter(2, { fieldMetadataId: 'f-name', type: 'TEXT', operand: 'CONTAINS', value: 'x' }),
          ],
          recordFilterGroups: [{ id: group, logicalOperator: 'AND' }],
        },
        orderBy: { gqlOperationOrderBy: [{ createdAt: 'DescNullsLast' }] },
      }),
    );
  });

  it('FIND_RECORDS: lead-assigned’s "id is the assigned manager" is a UUID IS filter Twenty reads, not a filter it drops', () => {
    const input = compileFind({ id: '{{record.ownerId}}' }).settings.input as { filter: Record<string, unknown> };
    expect(input.filter).not.toHaveProperty('gqlOperationFilter');
    expect(input.filter.recordFilters).toEqual([
      filter(0, { fieldMetadataId: 'f-id', type: 'UUID', operand: 'IS', value: '["{{trigger.properties.after.ownerId}}"]' }),
    ]);
  });

  it('FIND_RECORDS: or / and become nested groups (parentRecordFilterGroupId), null an emptiness check, neq IS_NOT', () => {
    const input = compileFind({ or: [{ stage: 'COLLECTED' }, { stage: { neq: 'PUBLISHED' }, owner: null }] }).settings.input as {
      filter: { recordFilters: unknown[]; recordFilterGroups: unknown[] };
    };
    const g = (n: number) => part('f', 'where', 'group', n);
    expect(input.filter.recordFilterGroups).toEqual([
      { id: g(0), logicalOperator: 'AND' },
      { id: g(1), logicalOperator: 'OR', parentRecordFilterGroupId: g(0), positionInRecordFilterGroup: 0 },
      { id: g(2), logicalOperator: 'AND', parentRecordFilterGroupId: g(1), positionInRecordFilterGroup: 1 },
    ]);
    expect(input.filter.recordFilters).toEqual([
      {
        id: part('f', 'where', 'filter', 0),
        fieldMetadataId: 'f-stage',
        type: 'SELECT',
        operand: 'IS',
        value: '["COLLECTED"]',
        recordFilterGroupId: g(1),
        positionInRecordFilterGroup: 0,
      },
      {
        id: part('f', 'where', 'filter', 1),
        fieldMetadataId: 'f-stage',
        type: 'SELECT',
        operand: 'IS_NOT',
        value: '["PUBLISHED"]',
        recordFilterGroupId: g(2),
        positionInRecordFilterGroup: 0,
      },
      {
        id: part('f', 'where', 'filter', 2),
        fieldMetadataId: 'f-owner',
        type: 'RELATION',
        operand: 'IS_EMPTY',
        value: '',
        recordFilterGroupId: g(2),
        positionInRecordFilterGroup: 1,
      },
    ]);
  });

  it('FIND_RECORDS: without the workspace’s field ids, a placeholder deploy fills in before writing', () => {
    const s = only([{ id: 'f', type: 'FIND_RECORDS', object: 'lead', where: { stage: 'COLLECTED' } }]);
    expect(
      (s.settings.input as { filter: { recordFilters: Array<{ fieldMetadataId: string }> } }).filter.recordFilters[0]!.fieldMetadataId,
    ).toBe('bankpack:unresolved-field:lead.stage');
  });

  it('SEND_EMAIL: connectedAccountId, recipients {to, cc, bcc}, subject, body, files (send-email-action-settings-schema.ts)', () => {
    const s = compile([
      { id: 'f', type: 'FIND_RECORDS', object: 'workspaceMember', limit: 1 },
      { id: 'e', type: 'SEND_EMAIL', to: '{{steps.f.first.userEmail}}', subject: 'Lead {{record.name}}', body: 'Stage: {{record.stage}}' },
    ]).steps[1]!;
    expect(s.settings).toEqual(
      settings({
        connectedAccountId: 'acc-1',
        recipients: { to: `{{${id('f')}.first.userEmail}}`, cc: '', bcc: '' },
        subject: 'Lead {{trigger.properties.after.name}}',
        body: 'Stage: {{trigger.properties.after.stage}}',
        files: [],
      }),
    );
  });

  it('HTTP_REQUEST: url, method, headers, body (http-request-action-settings-schema.ts)', () => {
    expect(
      only([
        {
          id: 'h',
          type: 'HTTP_REQUEST',
          url: 'https://hooks.example/{{record.id}}',
          method: 'POST',
          headers: { 'X-Bank': 'pack' },
          body: { lead: '{{record.name}}' },
        },
      ]).settings,
    ).toEqual(
      settings({
        url: 'https://hooks.example/{{trigger.properties.after.id}}',
        method: 'POST',
        headers: { 'X-Bank': 'pack' },
        body: { lead: '{{trigger.properties.after.name}}' },
      }),
    );
  });

  it('FILTER: stepFilterGroups (nested by parentStepFilterGroupId) and stepFilters with values as text (filter-action-settings-schema.ts)', () => {
    const s = only([
      {
        id: 'g',
        type: 'FILTER',
        when: { any: [{ value: '{{record.name}}', contains: 'Bank' }, { all: [{ value: '{{record.ownerId}}', isEmpty: false }] }] },
      },
    ]);
    const root = part('g', 'when', 'group', 0);
    const inner = part('g', 'when', 'group', 1);
    expect(s.settings).toEqual(
      settings({
        stepFilterGroups: [
          { id: root, logicalOperator: 'OR' },
          { id: inner, logicalOperator: 'AND', parentStepFilterGroupId: root, positionInStepFilterGroup: 1 },
        ],
        stepFilters: [
          {
            id: part('g', 'when', 'filter', 0),
            type: 'TEXT',
            stepOutputKey: '{{trigger.properties.after.name}}',
            operand: 'CONTAINS',
            value: 'Bank',
            stepFilterGroupId: root,
            positionInStepFilterGroup: 0,
          },
          {
            id: part('g', 'when', 'filter', 1),
            type: 'UUID',
            stepOutputKey: '{{trigger.properties.after.ownerId}}',
            operand: 'IS_NOT_EMPTY',
            value: '',
            stepFilterGroupId: inner,
            positionInStepFilterGroup: 0,
          },
        ],
      }),
    );
  });

  it('IF_ELSE: branches with their filter group and next step, an EMPTY else added when missing, no top-level nextStepIds (if-else-action-settings-schema.ts, empty-action-settings-schema.ts)', () => {
    const c = compile([
      {
        id: 'byStage',
        type: 'IF_ELSE',
        branches: [
          {
            name: 'Published',
            when: { all: [{ value: '{{record.stage}}', in: ['PUBLISHED'] }] },
            steps: [{ id: 'wait', type: 'DELAY', for: { days: 1 } }],
          },
        ],
      },
    ]);
    const group = part('byStage', 'branch:0', 'group', 0);
    const [ifElse, wait, empty] = c.steps;
    expect(ifElse).toMatchObject({ id: id('byStage'), type: 'IF_ELSE', nextStepIds: [], position: { x: 0, y: 150 } });
    expect(ifElse!.settings.input).toEqual({
      stepFilterGroups: [{ id: group, logicalOperator: 'AND' }],
      stepFilters: [
        {
          id: part('byStage', 'branch:0', 'filter', 0),
          type: 'SELECT',
          stepOutputKey: '{{trigger.properties.after.stage}}',
          operand: 'IS',
          value: '["PUBLISHED"]',
          stepFilterGroupId: group,
          positionInStepFilterGroup: 0,
        },
      ],
      branches: [
        { id: part('byStage', 'branch', 0), nextStepIds: [id('wait')], filterGroupId: group },
        { id: part('byStage', 'branch', 'else'), nextStepIds: [id('byStage.else')] },
      ],
    });
    expect(wait).toMatchObject({ id: id('wait'), position: { x: -160, y: 300 }, nextStepIds: [] });
    expect(empty).toEqual({
      id: id('byStage.else'),
      name: 'Add an Action',
      type: 'EMPTY',
      valid: true,
      nextStepIds: [],
      position: { x: 160, y: 300 },
      settings: settings({}),
    });
  });

  it('ITERATOR: items and initialLoopStepIds; the loop body reads {{item.…}} as currentItem, the step after the loop follows the iterator (iterator-action-settings-schema.ts)', () => {
    const c = compile(
      [
        { id: 'leads', type: 'FIND_RECORDS', object: 'lead', limit: 200 },
        {
          id: 'each',
          type: 'ITERATOR',
          items: '{{steps.leads.all}}',
          steps: [{ id: 'touch', type: 'UPDATE_RECORD', object: 'lead', record: '{{item.id}}', set: { stage: 'PUBLISHED' } }],
        },
        { id: 'after', type: 'DELAY', for: { minutes: 5 } },
      ],
      { type: 'CRON', pattern: '0 8 * * 1' },
    );
    const [, each, touch, after] = c.steps;
    expect(each).toMatchObject({ id: id('each'), nextStepIds: [id('after')] });
    expect(each!.settings.input).toEqual({ items: `{{${id('leads')}.all}}`, initialLoopStepIds: [id('touch')] });
    // The loop body's last step leads back to the iterator, or Twenty never runs the next item.
    expect(touch).toMatchObject({ nextStepIds: [id('each')], position: { x: 320, y: 450 } });
    expect(touch!.settings.input).toEqual({
      objectName: 'lead',
      objectRecord: { stage: 'PUBLISHED' },
      objectRecordId: `{{${id('each')}.currentItem.id}}`,
      fieldsToUpdate: ['stage'],
    });
    expect(after).toMatchObject({ id: id('after'), position: { x: 0, y: 600 } });
  });

  it('DELAY: a DURATION, or a SCHEDULED_DATE (workflow-delay-action-settings-schema.ts)', () => {
    expect(only([{ id: 'w', type: 'DELAY', until: '{{record.createdAt}}' }]).settings.input).toEqual({
      delayType: 'SCHEDULED_DATE',
      scheduledDateTime: '{{trigger.properties.after.createdAt}}',
    });
  });

  it('FORM: fields with id, name, label, type, placeholder and settings (form-action-settings-schema.ts)', () => {
    const s = only([
      {
        id: 'ask',
        type: 'FORM',
        fields: [
          { name: 'reason', label: 'Why?', type: 'TEXT', placeholder: '…' },
          { name: 'lead', label: 'Lead', type: 'RECORD', object: 'lead' },
          { name: 'grade', label: 'Grade', type: 'SELECT', options: [{ value: 'A', label: 'A' }] },
        ],
      },
    ]);
    expect(s.settings.input).toEqual([
      { id: part('ask', 'field', 'reason'), name: 'reason', label: 'Why?', type: 'TEXT', placeholder: '…' },
      { id: part('ask', 'field', 'lead'), name: 'lead', label: 'Lead', type: 'RECORD', settings: { objectName: 'lead' } },
      {
        id: part('ask', 'field', 'grade'),
        name: 'grade',
        label: 'Grade',
        type: 'SELECT',
        settings: { options: [{ value: 'A', label: 'A' }] },
      },
    ]);
  });
});

describe('the definition hash', () => {
  it('ignores positions and output schemas (the canvas and the server change them), and changes with anything else', () => {
    const base = compile([{ id: 'a', type: 'DELAY', for: { hours: 1 } }]);
    const moved = base.steps.map((s) => ({
      ...s,
      position: { x: 9, y: 9 },
      settings: { ...s.settings, outputSchema: { x: { isLeaf: true } } },
    }));
    expect(definitionHash({ ...base.trigger, position: { x: 5, y: 5 } }, moved)).toBe(base.hash);
    expect(compile([{ id: 'a', type: 'DELAY', for: { hours: 2 } }]).hash).not.toBe(base.hash);
    expect(compile([{ id: 'a', type: 'DELAY', for: { hours: 1 }, name: 'Wait' }]).hash).not.toBe(base.hash);
  });
});
