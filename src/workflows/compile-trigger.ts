// The trigger as Twenty stores it in workflowVersion.trigger. Shapes, from
// twentyhq/twenty packages/twenty-shared/src/workflow/schemas/ @41d2425:
// base-trigger-schema.ts {name?, type, position?, nextStepIds?}; DATABASE_EVENT
// (database-event-trigger-schema.ts) settings {eventName "object.action",
// outputSchema, objectType?, fields?, filter?}; CRON (cron-trigger-schema.ts)
// settings DAYS {schedule {day, hour, minute}} | HOURS {schedule {hour, minute}} |
// MINUTES {schedule {minute}} | CUSTOM {pattern}; MANUAL (manual-trigger-schema.ts)
// {objectType?, outputSchema, icon?, isPinned?, availability?}; WEBHOOK
// (webhook-trigger-schema.ts) GET {httpMethod, authentication} | POST {+ expectedBody}.
import type { ConditionSpec, TriggerSpec } from './format.ts';
import type { CompiledFilter } from './conditions.ts';
import type { Position } from './graph.ts';

export interface CompiledTrigger {
  name: string;
  type: TriggerSpec['type'];
  position: Position;
  nextStepIds: string[];
  settings: Record<string, unknown>;
}

/** Twenty's own names for new triggers (front-end trigger defaults). */
const EVENT_NAMES: Record<string, string> = {
  created: 'Record is created',
  updated: 'Record is updated',
  deleted: 'Record is deleted',
  upserted: 'Record is created or updated',
};

export interface TriggerContext {
  nextStepIds: string[];
  /** Field names as Twenty's record events name them (MANY_TO_ONE relations by their join column). */
  eventFieldName(object: string, field: string): string;
  compileFilter(when: ConditionSpec): CompiledFilter;
}

export function compileTrigger(trigger: TriggerSpec, ctx: TriggerContext): CompiledTrigger {
  const base = { position: { x: 0, y: 0 }, nextStepIds: ctx.nextStepIds };
  switch (trigger.type) {
    case 'DATABASE_EVENT': {
      const settings: Record<string, unknown> = {
        eventName: `${trigger.object}.${trigger.event}`,
        outputSchema: {},
        objectType: trigger.object,
      };
      if (trigger.fields && trigger.fields.length > 0) settings.fields = trigger.fields.map((f) => ctx.eventFieldName(trigger.object, f));
      if (trigger.when) {
        const { stepFilterGroups, stepFilters } = ctx.compileFilter(trigger.when);
        settings.filter = { stepFilterGroups, stepFilters };
      }
      return { name: trigger.name ?? EVENT_NAMES[trigger.event] ?? 'Record event', type: 'DATABASE_EVENT', ...base, settings };
    }
    case 'CRON':
      return { name: trigger.name ?? 'On a Schedule', type: 'CRON', ...base, settings: cronSettings(trigger) };
    case 'MANUAL': {
      const availability = trigger.object
        ? { type: trigger.availability === 'BULK_RECORDS' ? 'BULK_RECORDS' : 'SINGLE_RECORD', objectNameSingular: trigger.object }
        : { type: 'GLOBAL', locations: [] };
      const settings: Record<string, unknown> = {
        ...(trigger.object ? { objectType: trigger.object } : {}),
        outputSchema: {},
        ...(trigger.icon ? { icon: trigger.icon } : {}),
        ...(trigger.pinned !== undefined ? { isPinned: trigger.pinned } : {}),
        availability,
      };
      return { name: trigger.name ?? 'Launch manually', type: 'MANUAL', ...base, settings };
    }
    case 'WEBHOOK': {
      const authentication = trigger.authentication ?? null;
      const settings =
        trigger.method === 'POST'
          ? { outputSchema: {}, httpMethod: 'POST', expectedBody: trigger.expectedBody ?? {}, authentication }
          : { outputSchema: {}, httpMethod: 'GET', authentication };
      return { name: trigger.name ?? 'Webhook', type: 'WEBHOOK', ...base, settings };
    }
  }
}

function cronSettings(trigger: Extract<TriggerSpec, { type: 'CRON' }>): Record<string, unknown> {
  if (trigger.pattern !== undefined) return { type: 'CUSTOM', pattern: trigger.pattern, outputSchema: {} };
  const every = trigger.every ?? {};
  if (every.days !== undefined)
    return { type: 'DAYS', schedule: { day: every.days, hour: every.hour ?? 0, minute: every.minute ?? 0 }, outputSchema: {} };
  if (every.hours !== undefined) return { type: 'HOURS', schedule: { hour: every.hours, minute: every.minute ?? 0 }, outputSchema: {} };
  return { type: 'MINUTES', schedule: { minute: every.minutes ?? 60 }, outputSchema: {} };
}
