// Golden tests: the email, HTTP and flow steps (filter, if/else, iterator, delay, form), as
// Twenty stores them.
// Shapes from twentyhq/twenty packages/twenty-shared/src/workflow/schemas/ @41d2425
// (the file that defines each shape is named in each test).
import { describe, expect, it } from 'vitest';
import { id, part, compile, only, settings } from './compile-helpers.ts';

describe('steps', () => {
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
