// Which view-filter operands each field type takes: twenty-sdk 2.43.0 checks every manifest
// view filter against this table ("Operand … is not supported on field …"; dist/login-DkaZQzNc.js,
// tables `mb`, `db`, `hb`, function `gb`), which is twenty-shared's FILTER_OPERANDS_MAP
// (packages/twenty-shared/src/utils/filter/utils/filterOperandsMap.ts; newer versions add
// IS_EXACTLY to TEXT, which 2.43.0's ViewFilterOperand lacks). Types absent here are not checked,
// as the SDK does not check them.
import type { FieldType } from '../model.ts';

const EMPTY = ['IS_EMPTY', 'IS_NOT_EMPTY'] as const;
const TEXT_LIKE = ['CONTAINS', 'DOES_NOT_CONTAIN', ...EMPTY] as const;
const DATES = ['IS', 'IS_RELATIVE', 'IS_IN_PAST', 'IS_IN_FUTURE', 'IS_TODAY', 'IS_BEFORE', 'IS_AFTER', ...EMPTY] as const;
const COMPARABLE = ['IS', 'IS_NOT', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN_OR_EQUAL', ...EMPTY] as const;

const FILTER_OPERANDS: Readonly<Partial<Record<FieldType, readonly string[]>>> = {
  TEXT: TEXT_LIKE,
  EMAILS: TEXT_LIKE,
  FULL_NAME: TEXT_LIKE,
  ADDRESS: TEXT_LIKE,
  LINKS: TEXT_LIKE,
  PHONES: TEXT_LIKE,
  CURRENCY: ['GREATER_THAN_OR_EQUAL', 'LESS_THAN_OR_EQUAL', ...EMPTY],
  NUMBER: COMPARABLE,
  RAW_JSON: TEXT_LIKE,
  FILES: TEXT_LIKE,
  DATE_TIME: DATES,
  DATE: DATES,
  RATING: COMPARABLE,
  RELATION: ['IS', 'IS_NOT', ...EMPTY],
  MULTI_SELECT: TEXT_LIKE,
  SELECT: ['IS', 'IS_NOT', ...EMPTY],
  ACTOR: TEXT_LIKE,
  ARRAY: TEXT_LIKE,
  BOOLEAN: ['IS'],
  TS_VECTOR: ['VECTOR_SEARCH'],
  UUID: ['IS', 'IS_NOT', ...EMPTY],
};

/** The operands a filter on a field of `type` (and sub-field) may use; undefined when the SDK does not check. */
export function filterOperandsFor(type: FieldType, subFieldName?: string): readonly string[] | undefined {
  if (type === 'CURRENCY' && subFieldName !== undefined) {
    return subFieldName === 'currencyCode'
      ? ['IS', 'IS_NOT', ...EMPTY]
      : ['GREATER_THAN_OR_EQUAL', 'LESS_THAN_OR_EQUAL', 'IS', 'IS_NOT', ...EMPTY];
  }
  if (type === 'ACTOR' && (subFieldName === 'source' || subFieldName === 'workspaceMemberId')) return ['IS', 'IS_NOT', ...EMPTY];
  return FILTER_OPERANDS[type];
}
