// Write-time checks of a step or trigger against the shapes of twenty-shared's
// zod schemas (workflow/schemas/*.ts @41d2425), the way newer servers refuse
// malformed content at write (PR #24964, INVALID_STEP_PARAMS /
// INVALID_TRIGGER_PARAMS). Only what the schemas require is checked; extra keys pass.
import { userInputError } from '../server/twenty-errors.ts';
import type { Workspace } from '../state/workspace.ts';

const STEP_INPUT_KEYS: Record<string, string[]> = {
  CREATE_RECORD: ['objectName', 'objectRecord'],
  UPDATE_RECORD: ['objectName', 'objectRecord', 'objectRecordId', 'fieldsToUpdate'],
  DELETE_RECORD: ['objectName', 'objectRecordId'],
  UPSERT_RECORD: ['objectName', 'objectRecord'],
  FIND_RECORDS: ['objectName'],
  SEND_EMAIL: ['connectedAccountId', 'recipients'],
  HTTP_REQUEST: ['url', 'method'],
  FILTER: ['stepFilterGroups', 'stepFilters'],
  IF_ELSE: ['stepFilterGroups', 'stepFilters', 'branches'],
  ITERATOR: [],
  DELAY: ['delayType'],
  FORM: [],
  EMPTY: [],
};

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The problems of one step, in words; empty when it matches the schema. */
export function stepParamProblems(step: unknown): string[] {
  if (!isObj(step)) return ['the step must be an object'];
  const out: string[] = [];
  if (typeof step.id !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(step.id))
    out.push('id must be a UUID');
  if (typeof step.name !== 'string') out.push('name must be a string');
  if (typeof step.valid !== 'boolean') out.push('valid must be a boolean');
  if (step.nextStepIds !== undefined && step.nextStepIds !== null && !Array.isArray(step.nextStepIds))
    out.push('nextStepIds must be a list');
  const type = typeof step.type === 'string' ? step.type : '';
  const keys = STEP_INPUT_KEYS[type];
  if (!keys) return [...out, `unknown step type "${type}"`];
  const settings = step.settings;
  if (!isObj(settings)) return [...out, 'settings must be an object'];
  if (!isObj(settings.outputSchema)) out.push('settings.outputSchema must be an object');
  const handling = settings.errorHandlingOptions;
  if (!isObj(handling) || !isObj(handling.retryOnFailure) || !isObj(handling.continueOnFailure))
    out.push('settings.errorHandlingOptions needs retryOnFailure and continueOnFailure');
  const input = settings.input;
  if (type === 'FORM') {
    if (!Array.isArray(input)) out.push('a FORM step input is a list of fields');
    return out;
  }
  if (!isObj(input)) return [...out, 'settings.input must be an object'];
  for (const key of keys) if (input[key] === undefined) out.push(`settings.input.${key} is required`);
  return out;
}

const EVENT_NAME = /^[a-z][a-zA-Z0-9_]*\.(created|updated|deleted|upserted)$/;

export function triggerParamProblems(trigger: unknown): string[] {
  if (!isObj(trigger)) return ['the trigger must be an object'];
  const settings = trigger.settings;
  if (!['DATABASE_EVENT', 'MANUAL', 'CRON', 'WEBHOOK'].includes(String(trigger.type)))
    return [`unknown trigger type "${String(trigger.type)}"`];
  if (!isObj(settings)) return ['settings must be an object'];
  const out: string[] = [];
  if (!isObj(settings.outputSchema)) out.push('settings.outputSchema must be an object');
  if (trigger.type === 'DATABASE_EVENT' && !EVENT_NAME.test(String(settings.eventName ?? ''))) {
    out.push('Event name must follow the pattern: objectName.action (e.g., "company.created", "person.updated", "company.upserted")');
  }
  if (trigger.type === 'CRON' && !['DAYS', 'HOURS', 'MINUTES', 'CUSTOM'].includes(String(settings.type)))
    out.push('settings.type must be DAYS, HOURS, MINUTES or CUSTOM');
  if (trigger.type === 'WEBHOOK' && !['GET', 'POST'].includes(String(settings.httpMethod)))
    out.push('settings.httpMethod must be GET or POST');
  return out;
}

/** The write-time guards of the step and trigger mutations. */
export const params = {
  assertStep(step: unknown): void {
    const problems = stepParamProblems(step);
    if (problems.length > 0)
      throw userInputError(`Workflow version is malformed: ${problems.join('; ')}`, { subCode: 'MALFORMED_WORKFLOW_VERSION' });
  },
  assertTrigger(trigger: unknown): void {
    const problems = triggerParamProblems(trigger);
    if (problems.length > 0)
      throw userInputError(`Workflow version is malformed: ${problems.join('; ')}`, { subCode: 'MALFORMED_WORKFLOW_VERSION' });
  },
  /**
   * validateRecordCrudSteps (workflow-version-step-helpers.workspace-service.ts @0502278): a rich
   * text value in a record step must be the {blocknote, markdown} object.
   */
  assertStepsWritable(ws: Workspace, steps: ReadonlyArray<Record<string, unknown>>): void {
    for (const step of steps) {
      if (!['CREATE_RECORD', 'UPDATE_RECORD', 'UPSERT_RECORD'].includes(String(step.type))) continue;
      const input = (step.settings as { input?: Record<string, unknown> } | undefined)?.input;
      const object = typeof input?.objectName === 'string' ? ws.objectByName(input.objectName) : undefined;
      if (!object || !isObj(input?.objectRecord)) continue;
      for (const f of ws.fieldsOf(object.id)) {
        const v = (input.objectRecord as Record<string, unknown>)[f.name];
        if ((f.type as string) === 'RICH_TEXT' && v !== undefined && v !== null && !isObj(v)) {
          throw userInputError(
            `Rich text field "${f.name}" in step "${String(step.name ?? step.id)}" must be an object, received ${typeof v}.`,
          );
        }
      }
    }
  },
};
