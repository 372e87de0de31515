// Golden tests: step ids, each trigger type, and the definition hash, as Twenty stores them.
// Shapes from twentyhq/twenty packages/twenty-shared/src/workflow/schemas/ @41d2425
// (the file that defines each shape is named in each test).
import { describe, expect, it } from 'vitest';
import { stepUuid } from '../../src/workflows/graph.ts';
import { definitionHash } from '../../src/workflows/hash.ts';
import { id, part, compile } from './compile-helpers.ts';

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
