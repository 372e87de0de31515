// What Twenty does with a FIND_RECORDS step's `filter`, so the sandbox can refuse,
// at activation, a filter Twenty would accept and then not apply (a search that
// returns whatever rows come first). From Twenty's source:
// - find-records.workflow-action.ts @41d24255: the query filter is computed from
//   `filter.recordFilters` (+ `recordFilterGroups`) only; nothing else in `filter`
//   is read (a `gqlOperationFilter` "passed validation but was never read",
//   twentyhq/twenty#23640). Before #23640 the filter was computed only when
//   recordFilterGroups was present too (find-records.workflow-action.ts, the
//   `recordFilters && recordFilterGroups` version): the stricter reading, taken here.
// - computeRecordGqlOperationFilter.ts @11e408a3: filters without a group are ANDed;
//   of the groups, only the first without a parent is followed; a filter naming a
//   group that is not there is never reached.
// - turnRecordFilterIntoRecordGqlOperationFilter (twenty-shared, bundled in
//   twenty-sdk@2.43.0 dist/login-BAYa8oza.mjs): a filter on an unknown
//   fieldMetadataId, or whose value is empty ('' or '[]') for an operand that needs
//   one (isRecordFilterValueValid), gives nothing; an operand the field's filter
//   type does not list (getFilterOperandsForFilterableFieldType, same bundle)
//   throws "Unknown operand" when the step runs.

/** getFilterTypeFromFieldType (twenty-sdk@2.43.0 bundle): anything not listed filters as TEXT. */
const FILTER_TYPE: Record<string, string> = {
  DATE_TIME: 'DATE_TIME',
  DATE: 'DATE',
  LINKS: 'LINKS',
  FULL_NAME: 'FULL_NAME',
  NUMBER: 'NUMBER',
  CURRENCY: 'CURRENCY',
  EMAILS: 'EMAILS',
  PHONES: 'PHONES',
  RELATION: 'RELATION',
  MORPH_RELATION: 'RELATION',
  SELECT: 'SELECT',
  MULTI_SELECT: 'MULTI_SELECT',
  ADDRESS: 'ADDRESS',
  RATING: 'RATING',
  ACTOR: 'ACTOR',
  ARRAY: 'ARRAY',
  RAW_JSON: 'RAW_JSON',
  FILES: 'FILES',
  BOOLEAN: 'BOOLEAN',
  TS_VECTOR: 'TS_VECTOR',
  UUID: 'UUID',
};

const EMPTINESS = ['IS_EMPTY', 'IS_NOT_EMPTY'];
const TEXTUAL = ['CONTAINS', 'DOES_NOT_CONTAIN', ...EMPTINESS];
const DATES = ['IS', 'IS_RELATIVE', 'IS_IN_PAST', 'IS_IN_FUTURE', 'IS_TODAY', 'IS_BEFORE', 'IS_AFTER', ...EMPTINESS];
const NUMERIC = ['IS', 'IS_NOT', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN_OR_EQUAL', ...EMPTINESS];

/** getFilterOperandsForFilterableFieldType (twenty-sdk@2.43.0 bundle). */
export const FILTER_OPERANDS: Record<string, readonly string[]> = {
  TEXT: TEXTUAL,
  EMAILS: TEXTUAL,
  FULL_NAME: TEXTUAL,
  ADDRESS: TEXTUAL,
  LINKS: TEXTUAL,
  PHONES: TEXTUAL,
  RAW_JSON: TEXTUAL,
  FILES: TEXTUAL,
  ACTOR: TEXTUAL,
  ARRAY: TEXTUAL,
  MULTI_SELECT: TEXTUAL,
  CURRENCY: ['GREATER_THAN_OR_EQUAL', 'LESS_THAN_OR_EQUAL', ...EMPTINESS],
  NUMBER: NUMERIC,
  RATING: NUMERIC,
  DATE_TIME: DATES,
  DATE: DATES,
  RELATION: ['IS', 'IS_NOT', ...EMPTINESS],
  SELECT: ['IS', 'IS_NOT', ...EMPTINESS],
  UUID: ['IS', 'IS_NOT', ...EMPTINESS],
  BOOLEAN: ['IS'],
  TS_VECTOR: ['VECTOR_SEARCH'],
};

/** Operands that take no value (isRecordFilterOperandExpectingValue, same bundle). */
const NO_VALUE = new Set(['IS_NOT_NULL', 'IS_EMPTY', 'IS_NOT_EMPTY', 'IS_IN_PAST', 'IS_IN_FUTURE', 'IS_TODAY']);

export const filterTypeOf = (fieldType: string): string => FILTER_TYPE[fieldType] ?? 'TEXT';

export interface FilterField {
  id: string;
  name: string;
  type: string;
}

type Filter = { fieldMetadataId?: unknown; operand?: unknown; value?: unknown; recordFilterGroupId?: unknown };
type Group = { id?: unknown; parentRecordFilterGroupId?: unknown };

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Why Twenty would not apply this FIND_RECORDS filter (empty: it applies all of it). */
export function droppedFilterReasons(filter: unknown, objectName: string, fields: readonly FilterField[]): string[] {
  if (filter === undefined || filter === null) return [];
  if (!isMap(filter)) return ['its filter is not an object'];
  const filters = Array.isArray(filter.recordFilters) ? (filter.recordFilters as unknown[]) : [];
  const groups = Array.isArray(filter.recordFilterGroups) ? (filter.recordFilterGroups as unknown[]) : undefined;
  const unread = Object.keys(filter).filter(
    (k) => k !== 'recordFilters' && k !== 'recordFilterGroups' && filter[k] !== undefined && filter[k] !== null,
  );
  if (filters.length === 0) {
    if (unread.length > 0)
      return [
        `it carries a filter in ${unread.join(', ')} and no recordFilters: Twenty reads only filter.recordFilters, so it would search every ${objectName} record`,
      ];
    if ((groups ?? []).length > 0)
      return [`it has recordFilterGroups but no recordFilters: Twenty would search every ${objectName} record`];
    return [];
  }
  const reasons: string[] = [];
  if (unread.length > 0) reasons.push(`filter.${unread.join(', filter.')} is not read by Twenty; only recordFilters count`);
  if (!groups) reasons.push('it has recordFilters but no recordFilterGroups: Twenty before #23640 ignores such a filter');
  const groupIds = new Set((groups ?? []).filter(isMap).map((g: Group) => g.id));
  const roots = (groups ?? [])
    .filter(isMap)
    .filter((g: Group) => g.parentRecordFilterGroupId === undefined || g.parentRecordFilterGroupId === null);
  if (roots.length > 1) reasons.push(`it has ${roots.length} top-level recordFilterGroups: Twenty follows only the first`);
  const byId = new Map(fields.map((f) => [f.id, f]));
  filters.forEach((raw, i) => {
    if (!isMap(raw)) return void reasons.push(`recordFilters[${i}] is not an object`);
    const f = raw as Filter;
    const field = typeof f.fieldMetadataId === 'string' ? byId.get(f.fieldMetadataId) : undefined;
    if (!field)
      return void reasons.push(
        `recordFilters[${i}] names field ${JSON.stringify(f.fieldMetadataId)}, which ${objectName} does not have: Twenty drops it`,
      );
    if (typeof f.recordFilterGroupId === 'string' && !groupIds.has(f.recordFilterGroupId)) {
      reasons.push(
        `recordFilters[${i}] (${field.name}) is in group ${f.recordFilterGroupId}, which is not among recordFilterGroups: Twenty never reaches it`,
      );
    }
    const operand = String(f.operand);
    const allowed = FILTER_OPERANDS[filterTypeOf(field.type)] ?? [];
    if (!allowed.includes(operand))
      reasons.push(`recordFilters[${i}] (${field.name}, ${field.type}) uses operand ${operand}; Twenty allows ${allowed.join(', ')} there`);
    else if (!NO_VALUE.has(operand) && (typeof f.value !== 'string' || f.value === '' || f.value === '[]')) {
      reasons.push(`recordFilters[${i}] (${field.name}) has an empty value: Twenty drops the condition`);
    }
  });
  return reasons;
}
