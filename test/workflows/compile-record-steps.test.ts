// Golden tests: the step shape every step shares, and the record steps (create, update,
// delete, find), as Twenty stores them.
// Shapes from twentyhq/twenty packages/twenty-shared/src/workflow/schemas/ @41d2425
// (the file that defines each shape is named in each test).
import { describe, expect, it } from 'vitest';
import { compileWorkflow } from '../../src/workflows/compile.ts';
import { id, part, compile, only, settings } from './compile-helpers.ts';
import { catalogue, workflow } from './helpers.ts';

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
});
