// The settings shapes Twenty defines for workflow steps, and what its FIND_RECORDS
// executor does with a filter: one table, each row with the Twenty source it was
// read from. The sandbox refuses at activation what Twenty would silently drop;
// the regression harness (test/workflows/twenty-shapes.test.ts) replays every
// compiled step of the pack against it. twenty-sdk@2.43.0 ships no workflow zod
// schemas, so the shapes are transcribed from twenty-shared's
// src/workflow/schemas/*-action-settings-schema.ts @41d24255 (cited per row); the
// operand enum is the one twenty-sdk@2.43.0 exports (ViewFilterOperand).
//
// A zod z.object strips keys it does not know without an error, so a key Twenty
// does not define is accepted and then does nothing (that is how a FIND_RECORDS
// `gqlOperationFilter` was lost, twentyhq/twenty#23640): these shapes report such
// keys instead.
import { ViewFilterOperand } from 'twenty-sdk/define';

export type Shape =
  | 'string'
  | 'number'
  | 'boolean'
  | 'any'
  | { enum: readonly string[] }
  | { array: Shape }
  | { record: Shape }
  | { union: readonly Shape[] }
  | { object: Record<string, Shape | { optional: Shape }>; loose?: true };

const opt = (s: Shape): { optional: Shape } => ({ optional: s });
const OPERANDS = Object.values(ViewFilterOperand) as string[];
const SCALAR: Shape = { union: ['string', 'number', 'boolean'] };

/** step-filter-schema.ts / step-filter-group-schema.ts @41d24255 (FILTER, IF_ELSE, trigger filters). */
const STEP_FILTER: Shape = {
  object: {
    id: 'string',
    type: 'string',
    stepOutputKey: 'string',
    operand: { enum: OPERANDS },
    value: 'string',
    stepFilterGroupId: 'string',
    positionInStepFilterGroup: opt('number'),
    fieldMetadataId: opt('string'),
    compositeFieldSubFieldName: opt('string'),
  },
};
const STEP_FILTER_GROUP: Shape = {
  object: {
    id: 'string',
    logicalOperator: { enum: ['AND', 'OR'] },
    parentStepFilterGroupId: opt('string'),
    positionInStepFilterGroup: opt('number'),
  },
};

/**
 * RecordFilter / RecordFilterGroup (twenty-shared utils/filter/turnRecordFilterGroupIntoGqlOperationFilter.ts,
 * the 2.43 form with relationTargetFieldMetadataId; positionInRecordFilterGroup as Twenty's editor keeps it).
 * The settings schema types them z.any(); these are what computeRecordGqlOperationFilter reads.
 */
export const RECORD_FILTER: Shape = {
  object: {
    id: 'string',
    fieldMetadataId: 'string',
    type: 'string',
    operand: { enum: OPERANDS },
    value: 'string',
    recordFilterGroupId: opt('string'),
    positionInRecordFilterGroup: opt('number'),
    subFieldName: opt('string'),
    relationTargetFieldMetadataId: opt('string'),
  },
};
/** logicalOperator: AND / OR only; anything else throws "Unknown logical operator" (twenty-sdk@2.43.0 bundle, turnRecordFilterGroupsIntoGqlOperationFilter). */
export const RECORD_FILTER_GROUP: Shape = {
  object: {
    id: 'string',
    logicalOperator: { enum: ['AND', 'OR'] },
    parentRecordFilterGroupId: opt('string'),
    positionInRecordFilterGroup: opt('number'),
  },
};

/** `settings.input` per step type: twenty-shared src/workflow/schemas/<file> @41d24255. */
export const STEP_INPUT: Record<string, { shape: Shape; source: string }> = {
  CREATE_RECORD: {
    source: 'create-record-action-settings-schema.ts',
    shape: { object: { objectName: 'string', objectRecord: { record: 'any' } } },
  },
  UPDATE_RECORD: {
    source: 'update-record-action-settings-schema.ts',
    shape: {
      object: { objectName: 'string', objectRecord: { record: 'any' }, objectRecordId: 'string', fieldsToUpdate: { array: 'string' } },
    },
  },
  DELETE_RECORD: {
    source: 'delete-record-action-settings-schema.ts',
    shape: { object: { objectName: 'string', objectRecordId: 'string' } },
  },
  FIND_RECORDS: {
    source: 'find-records-action-settings-schema.ts',
    shape: {
      object: {
        objectName: 'string',
        limit: opt({ union: ['number', 'string'] }),
        offset: opt({ union: ['number', 'string'] }),
        filter: opt({ object: { recordFilterGroups: opt({ array: RECORD_FILTER_GROUP }), recordFilters: opt({ array: RECORD_FILTER }) } }),
        orderBy: opt({ object: { recordSorts: opt({ array: 'any' }), gqlOperationOrderBy: opt({ array: { record: 'any' } }) } }),
      },
    },
  },
  SEND_EMAIL: {
    source: 'send-email-action-settings-schema.ts',
    shape: {
      object: {
        connectedAccountId: 'string',
        recipients: { object: { to: opt('string'), cc: opt('string'), bcc: opt('string') } },
        subject: opt('string'),
        body: opt('string'),
        files: opt({ array: 'any' }),
        inReplyTo: opt('string'),
      },
    },
  },
  HTTP_REQUEST: {
    source: 'http-request-action-settings-schema.ts',
    shape: {
      object: {
        url: 'string',
        method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
        headers: opt({ record: 'string' }),
        body: opt({ union: ['string', { record: { union: [SCALAR, { array: SCALAR }] } }] }),
      },
    },
  },
  FILTER: {
    source: 'filter-action-settings-schema.ts',
    shape: { object: { stepFilterGroups: { array: STEP_FILTER_GROUP }, stepFilters: { array: STEP_FILTER } } },
  },
  IF_ELSE: {
    source: 'if-else-action-settings-schema.ts',
    shape: {
      object: {
        stepFilterGroups: { array: STEP_FILTER_GROUP },
        stepFilters: { array: STEP_FILTER },
        branches: { array: { object: { id: 'string', nextStepIds: { array: 'string' }, filterGroupId: opt('string') } } },
      },
    },
  },
  ITERATOR: {
    source: 'iterator-action-settings-schema.ts',
    shape: {
      object: {
        items: opt({ union: ['string', { array: 'any' }] }),
        initialLoopStepIds: opt({ array: 'string' }),
        shouldContinueOnIterationFailure: opt('boolean'),
      },
    },
  },
  DELAY: {
    source: 'workflow-delay-action-settings-schema.ts',
    shape: {
      object: {
        delayType: { enum: ['SCHEDULED_DATE', 'DURATION'] },
        scheduledDateTime: opt('string'),
        duration: opt({
          object: {
            days: opt({ union: ['number', 'string'] }),
            hours: opt({ union: ['number', 'string'] }),
            minutes: opt({ union: ['number', 'string'] }),
            seconds: opt({ union: ['number', 'string'] }),
          },
        }),
      },
    },
  },
  FORM: {
    source: 'form-action-settings-schema.ts',
    shape: {
      array: {
        object: {
          id: 'string',
          name: 'string',
          label: 'string',
          type: { enum: ['TEXT', 'NUMBER', 'DATE', 'SELECT', 'MULTI_SELECT', 'RECORD'] },
          placeholder: opt('string'),
          settings: opt({ record: 'any' }),
          value: opt('any'),
        },
      },
    },
  },
  EMPTY: { source: 'empty-action-settings-schema.ts', shape: { object: {} } },
};

/** base-workflow-action-schema.ts + base-workflow-action-settings-schema.ts @41d24255 (input checked per type). */
export const STEP: Shape = {
  object: {
    id: 'string',
    name: 'string',
    type: 'string',
    valid: 'boolean',
    nextStepIds: opt({ array: 'string' }),
    position: opt({ object: { x: 'number', y: 'number' } }),
    settings: {
      object: {
        input: 'any',
        outputSchema: { record: 'any' },
        errorHandlingOptions: {
          object: { retryOnFailure: { object: { value: 'boolean' } }, continueOnFailure: { object: { value: 'boolean' } } },
        },
      },
      loose: true, // http-request adds expectedOutputSchemaShape beside input
    },
  },
};

/** Where `value` departs from `shape`, as "path: what" lines. */
export function shapeErrors(value: unknown, shape: Shape, path = '$'): string[] {
  if (shape === 'any') return [];
  if (shape === 'string' || shape === 'number' || shape === 'boolean')
    return typeof value === shape ? [] : [`${path}: expected a ${shape}, got ${JSON.stringify(value)}`];
  if ('enum' in shape)
    return typeof value === 'string' && shape.enum.includes(value)
      ? []
      : [`${path}: expected one of ${shape.enum.join(', ')}, got ${JSON.stringify(value)}`];
  if ('union' in shape)
    return shape.union.some((s) => shapeErrors(value, s, path).length === 0)
      ? []
      : [`${path}: matches none of its allowed forms: ${JSON.stringify(value)}`];
  if ('array' in shape)
    return Array.isArray(value) ? value.flatMap((v, i) => shapeErrors(v, shape.array, `${path}[${i}]`)) : [`${path}: expected a list`];
  const isMap = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (!isMap) return [`${path}: expected an object`];
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if ('record' in shape) return entries.flatMap(([k, v]) => shapeErrors(v, shape.record, `${path}.${k}`));
  const errors: string[] = [];
  for (const [key, rule] of Object.entries(shape.object)) {
    const optional = typeof rule === 'object' && 'optional' in rule;
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || (optional && v === null)) {
      if (!optional) errors.push(`${path}.${key}: missing`);
      continue;
    }
    errors.push(...shapeErrors(v, optional ? rule.optional : rule, `${path}.${key}`));
  }
  if (!shape.loose)
    for (const [key] of entries)
      if (!(key in shape.object)) errors.push(`${path}.${key}: not a setting Twenty defines; it would be dropped`);
  return errors;
}

/** A step against the base shape and its type's input shape. */
export function stepShapeErrors(step: Record<string, unknown>): string[] {
  const input = STEP_INPUT[String(step.type)];
  if (!input) return [`$.type: ${JSON.stringify(step.type)} is not a step type this table knows`];
  return [
    ...shapeErrors(step, STEP),
    ...shapeErrors((step.settings as { input?: unknown } | undefined)?.input, input.shape, '$.settings.input'),
  ];
}
