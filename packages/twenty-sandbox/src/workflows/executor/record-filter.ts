// FIND_RECORDS filters: `recordFilters` + `recordFilterGroups` turned into a records
// filter the way twenty-shared's computeRecordGqlOperationFilter does it
// (utils/filter/computeRecordGqlOperationFilter.ts, turnRecordFilterGroupIntoGqlOperationFilter.ts,
// turnRecordFilterIntoGqlOperationFilter.ts, utils/getEmptyRecordGqlOperationFilter.ts,
// all @41d24255). Filters without a group are ANDed with the tree of the first
// group that has no parent; a filter whose field is unknown, or whose group is
// missing, is dropped; a filter whose value does not parse for its type throws.
// Modelled types: TEXT (and the types that fall back to it), UUID, RELATION,
// SELECT, MULTI_SELECT, NUMBER, BOOLEAN, DATE, DATE_TIME, RATING; others answer
// "not modelled by the sandbox".
import type { FieldMeta } from '../../state/types.ts';
import type { FilterInput } from '../../records/filter.ts';

export interface RecordFilter {
  fieldMetadataId: string;
  type?: string;
  operand: string;
  value: string;
  recordFilterGroupId?: string | null;
  subFieldName?: string | null;
  relationTargetFieldMetadataId?: string | null;
}

export interface RecordFilterGroup {
  id: string;
  logicalOperator: string;
  parentRecordFilterGroupId?: string | null;
}

/** isRecordFilterOperandExpectingValue / isRecordFilterValueValid (@41d24255): emptiness operands need no value. */
export function isRecordFilterValueValid(f: { operand: string; value: unknown }): boolean {
  if (
    f.operand === 'IS_EMPTY' ||
    f.operand === 'IS_NOT_EMPTY' ||
    f.operand === 'IS_IN_PAST' ||
    f.operand === 'IS_IN_FUTURE' ||
    f.operand === 'IS_TODAY'
  )
    return true;
  return f.value !== null && f.value !== undefined && f.value !== '' && f.value !== '[]';
}

const VARIABLE = /^\{\{[^{}]+\}\}$/;
/** isValidUuid (utils/validation/isValidUuid.ts @41d24255): versions 1-5 only. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** arrayOfStringsOrVariablesSchema: "" → [], a variable → [it], else JSON.parse to an array of strings, or throw. */
function stringList(value: string): string[] {
  if (value === '') return [];
  if (VARIABLE.test(value)) return [value];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (e) {
    throw new Error((e as Error).message, { cause: e });
  }
  if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) throw new Error('Expected an array of strings');
  return parsed as string[];
}

/** arrayOfUuidOrVariableSchema: a JSON array or one value, each a v1-5 UUID or a variable, else [] (caught). */
function uuidList(value: string): string[] {
  let items: unknown[];
  if (VARIABLE.test(value)) items = [value];
  else {
    try {
      const parsed: unknown = JSON.parse(value);
      items = Array.isArray(parsed) ? parsed : [parsed];
    } catch {
      items = [value];
    }
  }
  return items.every((x) => typeof x === 'string' && (UUID.test(x) || VARIABLE.test(x))) ? (items as string[]) : [];
}

function filterType(field: FieldMeta): string {
  switch (field.type) {
    case 'DATE_TIME':
    case 'DATE':
    case 'LINKS':
    case 'FULL_NAME':
    case 'NUMBER':
    case 'CURRENCY':
    case 'EMAILS':
    case 'PHONES':
    case 'SELECT':
    case 'MULTI_SELECT':
    case 'ADDRESS':
    case 'RATING':
    case 'ACTOR':
    case 'ARRAY':
    case 'RAW_JSON':
    case 'FILES':
    case 'BOOLEAN':
    case 'TS_VECTOR':
    case 'UUID':
      return field.type;
    case 'RELATION':
    case 'MORPH_RELATION':
      return 'RELATION';
    default:
      return 'TEXT';
  }
}

const unknownOperand = (f: RecordFilter, type: string): never => {
  throw new Error(`Unknown operand ${f.operand} for ${type} filter`);
};

function emptiness(f: RecordFilter, field: FieldMeta, type: string): FilterInput {
  const name = field.name;
  let empty: FilterInput;
  switch (type) {
    case 'TEXT':
      empty = { or: [{ [name]: { ilike: '' } }, { [name]: { is: 'NULL' } }] };
      break;
    case 'NUMBER':
    case 'RATING':
    case 'DATE':
    case 'DATE_TIME':
    case 'SELECT':
    case 'UUID':
      empty = { [name]: { is: 'NULL' } };
      break;
    case 'MULTI_SELECT':
    case 'ARRAY':
      empty = { or: [{ [name]: { is: 'NULL' } }, { [name]: { isEmptyArray: true } }] };
      break;
    case 'RELATION':
      empty = { [`${name}Id`]: { is: 'NULL' } };
      break;
    default:
      throw new Error(`the sandbox does not model emptiness filters on ${type} fields`);
  }
  return f.operand === 'IS_EMPTY' ? empty : { not: empty };
}

function oneFilter(f: RecordFilter, byId: Map<string, FieldMeta>): FilterInput | undefined {
  const field = byId.get(f.fieldMetadataId);
  if (!field || !isRecordFilterValueValid(f)) return undefined;
  const type = filterType(field);
  const name = field.name;
  if (f.operand === 'IS_EMPTY' || f.operand === 'IS_NOT_EMPTY') return emptiness(f, field, type);
  switch (type) {
    case 'TEXT':
      if (f.operand === 'CONTAINS') return { [name]: { ilike: `%${f.value}%` } };
      if (f.operand === 'DOES_NOT_CONTAIN') return { not: { [name]: { ilike: `%${f.value}%` } } };
      return unknownOperand(f, type);
    case 'NUMBER': {
      const n = Number(f.value);
      if (f.operand === 'GREATER_THAN_OR_EQUAL') return { [name]: { gte: n } };
      if (f.operand === 'LESS_THAN_OR_EQUAL') return { [name]: { lte: n } };
      if (f.operand === 'IS') return { [name]: { eq: n } };
      if (f.operand === 'IS_NOT') return { not: { [name]: { eq: n } } };
      return unknownOperand(f, type);
    }
    case 'BOOLEAN':
      return { [name]: { eq: f.value === 'true' } };
    case 'UUID': {
      const ids = uuidList(f.value);
      // A value that is not a UUID compiles to a sentinel that matches nothing.
      const list = ids.length > 0 ? ids : ['00000000-0000-4000-8000-000000000000'];
      if (f.operand === 'IS') return { [name]: { in: list } };
      if (f.operand === 'IS_NOT') return { not: { [name]: { in: list } } };
      return unknownOperand(f, type);
    }
    case 'RELATION': {
      const ids = uuidList(f.value);
      if (ids.length === 0) return undefined;
      const column = `${name}Id`;
      if (f.operand === 'IS') return { [column]: { in: ids } };
      if (f.operand === 'IS_NOT') return { or: [{ not: { [column]: { in: ids } } }, { [column]: { is: 'NULL' } }] };
      return unknownOperand(f, type);
    }
    case 'SELECT': {
      const options = stringList(f.value);
      if (options.length === 0) return undefined;
      const values = options.filter((o) => o !== '');
      const hasEmpty = options.some((o) => o === '');
      if (f.operand === 'IS') {
        const c: FilterInput[] = [
          ...(values.length > 0 ? [{ [name]: { in: values } }] : []),
          ...(hasEmpty ? [{ [name]: { is: 'NULL' } }] : []),
        ];
        return c.length === 1 ? c[0] : { or: c };
      }
      if (f.operand === 'IS_NOT') {
        const c: FilterInput[] = [
          ...(values.length > 0 ? [{ not: { [name]: { in: values } } }] : []),
          ...(hasEmpty ? [{ not: { [name]: { is: 'NULL' } } }] : []),
        ];
        return c.length === 1 ? c[0] : { and: c };
      }
      return unknownOperand(f, type);
    }
    case 'MULTI_SELECT': {
      const options = stringList(f.value).filter((o) => o !== '');
      if (f.operand === 'CONTAINS') return { [name]: { containsAny: options } };
      if (f.operand === 'DOES_NOT_CONTAIN')
        return { or: [{ not: { [name]: { containsAny: options } } }, { [name]: { isEmptyArray: true } }, { [name]: { is: 'NULL' } }] };
      return unknownOperand(f, type);
    }
    case 'DATE':
    case 'DATE_TIME':
      if (f.operand === 'IS_AFTER') return { [name]: { gte: f.value } };
      if (f.operand === 'IS_BEFORE') return { [name]: { lt: f.value } };
      return unknownOperand(f, type);
    default:
      throw new Error(`the sandbox does not model FIND_RECORDS filters on ${type} fields (field ${name})`);
  }
}

function groupFilter(
  groupId: string | undefined,
  filters: RecordFilter[],
  groups: RecordFilterGroup[],
  byId: Map<string, FieldMeta>,
): FilterInput | undefined {
  const group = groups.find((g) => g.id === groupId);
  if (!group) return undefined;
  const own = filters
    .filter((f) => f.recordFilterGroupId === groupId)
    .map((f) => oneFilter(f, byId))
    .filter((x): x is FilterInput => x !== undefined);
  const sub = groups
    .filter((g) => g.parentRecordFilterGroupId === groupId)
    .map((g) => groupFilter(g.id, filters, groups, byId))
    .filter((x): x is FilterInput => x !== undefined);
  if (group.logicalOperator === 'AND') return { and: [...own, ...sub] };
  if (group.logicalOperator === 'OR') return { or: [...own, ...sub] };
  throw new Error(`Unknown logical operator ${group.logicalOperator}`);
}

/** computeRecordGqlOperationFilter: {} when nothing applies. */
export function computeRecordFilter(filters: RecordFilter[], groups: RecordFilterGroup[], fields: FieldMeta[]): FilterInput {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const regular = filters
    .filter((f) => f.recordFilterGroupId === undefined || f.recordFilterGroupId === null)
    .map((f) => oneFilter(f, byId))
    .filter((x): x is FilterInput => x !== undefined);
  const root = groups.find((g) => !g.parentRecordFilterGroupId)?.id;
  const advanced = groupFilter(root, filters, groups, byId);
  const all = [...regular, ...(advanced ? [advanced] : [])];
  if (all.length === 0) return {};
  if (all.length === 1) return all[0]!;
  return { and: all };
}
