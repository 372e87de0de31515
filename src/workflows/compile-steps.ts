// Each step as Twenty stores it in workflowVersion.steps[]. Common shape
// (twenty-shared workflow/schemas/base-workflow-action-schema.ts @41d2425):
// {id, name, type, valid, nextStepIds, position, settings}; settings
// (base-workflow-action-settings-schema.ts): {input, outputSchema, errorHandlingOptions
// {retryOnFailure {value}, continueOnFailure {value}}}. `settings.input` per type, from
// the *-action-settings-schema.ts files beside them (cited at each case below).
import type { ConditionSpec, StepSpec } from './format.ts';
import type { CompiledFilter } from './conditions.ts';
import type { CatalogueObject } from './catalogue.ts';
import type { GraphStep } from './graph.ts';
import { recordValues } from './record-values.ts';
import { compileWhere, type FieldIdLookup } from './record-filters.ts';

export interface CompiledStep {
  id: string;
  name: string;
  type: StepSpec['type'];
  valid: boolean;
  nextStepIds: string[];
  position: { x: number; y: number };
  settings: {
    input: unknown;
    outputSchema: Record<string, unknown>;
    errorHandlingOptions: { retryOnFailure: { value: boolean }; continueOnFailure: { value: boolean } };
  };
}

/** The names Twenty's editor gives new steps (workflow-version-step-operations.workspace-service.ts). */
export const DEFAULT_STEP_NAMES: Record<StepSpec['type'], string> = {
  CREATE_RECORD: 'Create Record',
  UPDATE_RECORD: 'Update Record',
  DELETE_RECORD: 'Delete Record',
  FIND_RECORDS: 'Search Records',
  SEND_EMAIL: 'Send Email',
  HTTP_REQUEST: 'HTTP Request',
  FILTER: 'Filter',
  IF_ELSE: 'If/Else',
  ITERATOR: 'Iterator',
  DELAY: 'Delay',
  FORM: 'Form',
  EMPTY: 'Add an Action',
};

export interface StepContext {
  uuidOf(key: string): string;
  /** Rewrite friendly variables (as seen from this step) into Twenty's form. */
  rewrite(value: unknown): unknown;
  object(name: string): CatalogueObject | undefined;
  /** Compile a condition; `tag` keeps the ids of several conditions of one step apart. */
  condition(when: ConditionSpec, tag: string): CompiledFilter & { rootGroupId: string };
  partId(...parts: Array<string | number>): string;
  /** The connected account SEND_EMAIL sends from ('' when the workspace has none). */
  connectedAccountId: string;
  /** Field ids of the workspace, for FIND_RECORDS filters; without it they stay unresolved (record-filters.ts). */
  fieldId?: FieldIdLookup;
}

export function compileStep(step: GraphStep, ctx: StepContext): CompiledStep {
  const spec = step.spec;
  return {
    id: step.uuid,
    name: spec.name ?? DEFAULT_STEP_NAMES[spec.type],
    type: spec.type,
    valid: true,
    // An If/Else routes through its branches and carries no top-level nextStepIds
    // (workflow-version-step-update.workspace-service.ts).
    nextStepIds: step.next.map((k) => ctx.uuidOf(k)),
    position: step.position,
    settings: {
      input: compileInput(step, ctx),
      outputSchema: {},
      errorHandlingOptions: {
        retryOnFailure: { value: spec.retryOnFailure === true },
        continueOnFailure: { value: spec.continueOnFailure === true },
      },
    },
  };
}

function compileInput(step: GraphStep, ctx: StepContext): unknown {
  const spec = step.spec;
  const text = (v: string | undefined): string => (v === undefined ? '' : String(ctx.rewrite(v)));
  switch (spec.type) {
    // create-record-action-settings-schema.ts @2a45772: {objectName, objectRecord}
    case 'CREATE_RECORD': {
      const values = recordValues(spec.set, ctx.object(spec.object), ctx.rewrite);
      return { objectName: spec.object, objectRecord: Object.fromEntries(values.map((v) => [v.column, v.value])) };
    }
    // update-record-action-settings-schema.ts @41d2425: {objectName, objectRecord, objectRecordId, fieldsToUpdate}
    case 'UPDATE_RECORD': {
      const values = recordValues(spec.set, ctx.object(spec.object), ctx.rewrite);
      return {
        objectName: spec.object,
        objectRecord: Object.fromEntries(values.map((v) => [v.column, v.value])),
        objectRecordId: text(spec.record),
        fieldsToUpdate: values.map((v) => v.column),
      };
    }
    // delete-record-action-settings-schema.ts @41d2425: {objectName, objectRecordId}
    case 'DELETE_RECORD':
      return { objectName: spec.object, objectRecordId: text(spec.record) };
    // find-records-action-settings-schema.ts @41d24255: {objectName, limit?, offset?, filter?
    // {recordFilters?, recordFilterGroups?}, orderBy? {recordSorts?, gqlOperationOrderBy?}};
    // the executor reads only recordFilters / recordFilterGroups (record-filters.ts).
    case 'FIND_RECORDS': {
      const { recordFilters, recordFilterGroups } = spec.where
        ? compileWhere(spec.where, {
            objectName: spec.object,
            object: ctx.object(spec.object),
            rewrite: ctx.rewrite,
            id: (kind, n) => ctx.partId('where', kind, n),
            ...(ctx.fieldId ? { fieldId: ctx.fieldId } : {}),
          })
        : { recordFilters: [], recordFilterGroups: [] };
      return {
        objectName: spec.object,
        ...(spec.limit !== undefined ? { limit: spec.limit } : {}),
        ...(recordFilters.length > 0 ? { filter: { recordFilters, recordFilterGroups } } : {}),
        ...(spec.orderBy
          ? {
              orderBy: {
                gqlOperationOrderBy: Object.entries(spec.orderBy).map(([f, d]) => ({
                  [f]: d === 'DESC' ? 'DescNullsLast' : 'AscNullsFirst',
                })),
              },
            }
          : {}),
      };
    }
    // send-email-action-settings-schema.ts @41d2425: {connectedAccountId, recipients {to, cc, bcc}, subject?, body?, files}
    case 'SEND_EMAIL':
      return {
        connectedAccountId: ctx.connectedAccountId,
        recipients: { to: text(spec.to), cc: text(spec.cc), bcc: text(spec.bcc) },
        subject: text(spec.subject),
        body: text(spec.body),
        files: [],
      };
    // http-request-action-settings-schema.ts @41d2425: {url, method, headers?, body?}
    case 'HTTP_REQUEST':
      return {
        url: text(spec.url),
        method: spec.method,
        ...(spec.headers ? { headers: ctx.rewrite(spec.headers) } : {}),
        ...(spec.body !== undefined ? { body: ctx.rewrite(spec.body) } : {}),
      };
    // filter-action-settings-schema.ts @153c5b8: {stepFilterGroups, stepFilters}
    case 'FILTER': {
      const { stepFilterGroups, stepFilters } = ctx.condition(spec.when, 'when');
      return { stepFilterGroups, stepFilters };
    }
    // if-else-action-settings-schema.ts @41d2425: {stepFilterGroups, stepFilters, branches [{id, nextStepIds, filterGroupId?}]}
    case 'IF_ELSE': {
      const groups: CompiledFilter['stepFilterGroups'] = [];
      const filters: CompiledFilter['stepFilters'] = [];
      const branches = (step.branches ?? []).map((b) => {
        const base = { id: ctx.partId('branch', b.index), nextStepIds: [ctx.uuidOf(b.first)] };
        if (!b.when) return base;
        const compiled = ctx.condition(b.when, `branch:${b.index}`);
        groups.push(...compiled.stepFilterGroups);
        filters.push(...compiled.stepFilters);
        return { ...base, filterGroupId: compiled.rootGroupId };
      });
      return { stepFilterGroups: groups, stepFilters: filters, branches };
    }
    // empty-action-settings-schema.ts: {}
    case 'EMPTY':
      return {};
    // iterator-action-settings-schema.ts @41d2425: {items?, initialLoopStepIds?, shouldContinueOnIterationFailure?}
    case 'ITERATOR':
      return {
        items: typeof spec.items === 'string' ? text(spec.items) : ctx.rewrite(spec.items),
        initialLoopStepIds: (step.loopStart ?? []).map((k) => ctx.uuidOf(k)),
      };
    // workflow-delay-action-settings-schema.ts @41d2425: {delayType, scheduledDateTime?, duration?}
    case 'DELAY':
      return spec.until !== undefined
        ? { delayType: 'SCHEDULED_DATE', scheduledDateTime: text(spec.until) }
        : {
            delayType: 'DURATION',
            duration: {
              days: spec.for?.days ?? 0,
              hours: spec.for?.hours ?? 0,
              minutes: spec.for?.minutes ?? 0,
              seconds: spec.for?.seconds ?? 0,
            },
          };
    // form-action-settings-schema.ts @41d2425: [{id, name, label, type, placeholder?, settings?, value?}]
    case 'FORM':
      return spec.fields.map((f) => ({
        id: ctx.partId('field', f.name),
        name: f.name,
        label: f.label,
        type: f.type,
        ...(f.placeholder !== undefined ? { placeholder: f.placeholder } : {}),
        ...(f.type === 'RECORD' && f.object ? { settings: { objectName: f.object } } : {}),
        ...((f.type === 'SELECT' || f.type === 'MULTI_SELECT') && f.options ? { settings: { options: f.options } } : {}),
      }));
  }
}
