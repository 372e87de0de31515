// A FIND_RECORDS step's `where:` → the filter Twenty's executor reads:
// `filter.recordFilters` + `filter.recordFilterGroups` (find-records.workflow-action.ts
// @41d24255 builds its query from these alone; a `gqlOperationFilter` is never read,
// twentyhq/twenty#23640). Each filter is what Twenty's editor writes: fieldMetadataId
// (the workspace's field id, so it is looked up at deploy time), type (the field's
// type), operand, value as a string, recordFilterGroupId. One root group holds them
// all: computeRecordGqlOperationFilter reads only the first group without a parent
// (computeRecordGqlOperationFilter.ts @11e408a3), and servers before #23640 drop
// filters whose groups are missing. Operands and value forms per field type are
// those of twenty-shared's turnRecordFilterIntoRecordGqlOperationFilter as bundled
// in twenty-sdk@2.43.0 (dist/login-BAYa8oza.mjs): UUID, RELATION and SELECT values
// are JSON arrays (`["{{trigger.properties.after.ownerId}}"]`), so a variable that
// resolves empty matches nothing instead of lifting the filter.
import { type CatalogueField, type CatalogueObject, fieldOf } from './catalogue.ts';

export interface RecordFilter {
  id: string;
  fieldMetadataId: string;
  type: string;
  operand: string;
  value: string;
  recordFilterGroupId: string;
  positionInRecordFilterGroup: number;
  subFieldName?: string;
}

export interface RecordFilterGroup {
  id: string;
  logicalOperator: 'AND' | 'OR';
  parentRecordFilterGroupId?: string;
  positionInRecordFilterGroup?: number;
}

/** A field's id in the workspace, by object nameSingular and field name; undefined when it does not exist (yet). */
export type FieldIdLookup = (object: string, field: string) => string | undefined;

/** Stands for a field id not known at compile time (a field this deploy creates); deploy fills it in before writing. */
export const UNRESOLVED_FIELD = 'bankpack:unresolved-field:';

export interface WhereContext {
  objectName: string;
  object: CatalogueObject | undefined;
  rewrite(value: unknown): unknown;
  /** Deterministic id for the n-th group / filter of this step. */
  id(kind: 'group' | 'filter', n: number): string;
  fieldId?: FieldIdLookup;
}

export interface WhereProblem {
  path: Array<string | number>;
  message: string;
  fix: string;
}

export interface CompiledWhere {
  recordFilters: RecordFilter[];
  recordFilterGroups: RecordFilterGroup[];
  problems: WhereProblem[];
}

type Kind = 'UUID' | 'RELATION' | 'SELECT' | 'MULTI_SELECT' | 'NUMBER' | 'RATING' | 'BOOLEAN' | 'DATE' | 'TEXT' | 'OTHER';

/** getFilterTypeFromFieldType (twenty-sdk@2.43.0 bundle): which branch of the filter builder a field takes. */
function kindOf(field: CatalogueField): Kind {
  switch (field.type) {
    case 'UUID':
      return 'UUID';
    case 'RELATION':
      return 'RELATION';
    case 'SELECT':
      return 'SELECT';
    case 'MULTI_SELECT':
      return 'MULTI_SELECT';
    case 'NUMBER':
      return 'NUMBER';
    case 'RATING':
      return 'RATING';
    case 'BOOLEAN':
      return 'BOOLEAN';
    case 'DATE':
    case 'DATE_TIME':
      return 'DATE';
    case 'TEXT':
    case 'EMAILS':
    case 'LINKS':
    case 'FULL_NAME':
    case 'ADDRESS':
    case 'PHONES':
    case 'ARRAY':
    case 'RAW_JSON':
    case 'RICH_TEXT':
      return 'TEXT';
    default:
      // MORPH_RELATION needs the current record, CURRENCY counts micros, ACTOR its own sub-fields: not compiled.
      return 'OTHER';
  }
}

const COMPOSITE = new Set(['EMAILS', 'LINKS', 'FULL_NAME', 'ADDRESS', 'PHONES']);
const TEXT_FIX =
  'Twenty filters text only by "contains" (ilike %…%): write { ilike: "%value%" }, or filter on an id, select or number field';

interface Comparison {
  operand: string;
  value: string;
}

const asText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const list = (vs: unknown[]): string => JSON.stringify(vs.map(asText));
const rating = (v: unknown): string => asText(v).replace(/^RATING_/, '');

/** One comparison `op: value` on a field, as Twenty's operand and value string; a string is a problem. */
function compare(kind: Kind, op: string, v: unknown, subField: string | undefined): Comparison | string {
  if (op === 'is') {
    if (v === 'NULL' || v === null)
      return kind === 'BOOLEAN' ? 'a BOOLEAN field cannot be tested for emptiness in Twenty’s filters' : { operand: 'IS_EMPTY', value: '' };
    if (v === 'NOT_NULL')
      return kind === 'BOOLEAN'
        ? 'a BOOLEAN field cannot be tested for emptiness in Twenty’s filters'
        : { operand: 'IS_NOT_EMPTY', value: '' };
    return `"is" takes NULL or NOT_NULL, not ${JSON.stringify(v)}`;
  }
  if (Array.isArray(v) && op !== 'in') return `"${op}" takes one value, not a list`;
  if (op !== 'in' && (v === '' || v === undefined)) return 'compares with an empty value, which Twenty treats as no filter at all';
  switch (kind) {
    case 'UUID':
    case 'RELATION':
    case 'SELECT':
      if (op === 'eq') return { operand: 'IS', value: list([v]) };
      if (op === 'neq') return { operand: 'IS_NOT', value: list([v]) };
      if (op === 'in') return Array.isArray(v) && v.length > 0 ? { operand: 'IS', value: list(v) } : '"in" needs a non-empty list';
      break;
    case 'MULTI_SELECT':
      if (op === 'eq' || op === 'containsAny') return { operand: 'CONTAINS', value: list(Array.isArray(v) ? v : [v]) };
      if (op === 'in') return Array.isArray(v) && v.length > 0 ? { operand: 'CONTAINS', value: list(v) } : '"in" needs a non-empty list';
      if (op === 'neq') return { operand: 'DOES_NOT_CONTAIN', value: list([v]) };
      break;
    case 'NUMBER':
    case 'RATING': {
      const value = kind === 'RATING' ? rating(v) : asText(v);
      if (op === 'eq') return { operand: 'IS', value };
      if (op === 'neq') return { operand: 'IS_NOT', value };
      if (op === 'gte') return { operand: 'GREATER_THAN_OR_EQUAL', value };
      if (op === 'lte') return { operand: 'LESS_THAN_OR_EQUAL', value };
      break;
    }
    case 'BOOLEAN':
      if (op === 'eq') return { operand: 'IS', value: v === true || v === 'true' ? 'true' : 'false' };
      break;
    case 'DATE':
      // IS_AFTER is `gte`, IS_BEFORE is `lt`; IS means "on that day".
      if (op === 'gte') return { operand: 'IS_AFTER', value: asText(v) };
      if (op === 'lt') return { operand: 'IS_BEFORE', value: asText(v) };
      return `Twenty filters dates with "on or after" (gte) and "before" (lt) only, not "${op}"`;
    case 'TEXT': {
      if (op === 'ilike' && typeof v === 'string') {
        const m = /^%(.*)%$/s.exec(v);
        if (m && m[1] !== '' && !/[%_]/.test(m[1]!)) return { operand: 'CONTAINS', value: m[1]! };
        return `Twenty's text filter is "contains": write ilike as "%value%" (no other wildcards)`;
      }
      return subField ? `Twenty filters ${subField} only by "contains"` : `Twenty filters text only by "contains", not "${op}"`;
    }
    case 'OTHER':
      return 'this field type cannot be filtered in a FIND_RECORDS step by bankpack';
  }
  return `Twenty's filters have no "${op}" for this field`;
}

const FIXES: Record<Kind, string> = {
  UUID: 'use a value, a list (one of), { neq }, or null (empty)',
  RELATION: 'use the related record’s id, a list of ids, { neq }, or null (empty)',
  SELECT: 'use an option value, a list of options (one of), { neq }, or null (empty)',
  MULTI_SELECT: 'use an option value or a list of options (contains any), { neq }, or null (empty)',
  NUMBER: 'use a value, { neq }, { gte }, { lte }, or null (empty)',
  RATING: 'use a value, { neq }, { gte }, { lte }, or null (empty)',
  BOOLEAN: 'use true or false',
  DATE: 'use { gte: <date> } (on or after), { lt: <date> } (before), or null (empty)',
  TEXT: TEXT_FIX,
  OTHER: 'filter on another field of the object',
};

export function compileWhere(where: Record<string, unknown>, ctx: WhereContext): CompiledWhere {
  const recordFilters: RecordFilter[] = [];
  const recordFilterGroups: RecordFilterGroup[] = [];
  const problems: WhereProblem[] = [];
  const newGroup = (logicalOperator: 'AND' | 'OR', parent?: { id: string; position: number }): string => {
    const id = ctx.id('group', recordFilterGroups.length);
    recordFilterGroups.push({
      id,
      logicalOperator,
      ...(parent ? { parentRecordFilterGroupId: parent.id, positionInRecordFilterGroup: parent.position } : {}),
    });
    return id;
  };
  const positions = new Map<string, number>();
  const next = (group: string): number => {
    const n = positions.get(group) ?? 0;
    positions.set(group, n + 1);
    return n;
  };

  /** The comparisons one `key: value` entry makes, or undefined after a problem. */
  const entry = (
    key: string,
    raw: unknown,
    path: Array<string | number>,
  ): Array<Omit<RecordFilter, 'id' | 'recordFilterGroupId' | 'positionInRecordFilterGroup'>> | undefined => {
    const found = ctx.object ? fieldOf(ctx.object, key) : undefined;
    if (!found) return undefined; // an unknown field: the workflow check reports it
    const field = found.field;
    const kind = kindOf(field);
    const fieldMetadataId = ctx.fieldId?.(ctx.objectName, field.name) ?? `${UNRESOLVED_FIELD}${ctx.objectName}.${field.name}`;
    const out: Array<Omit<RecordFilter, 'id' | 'recordFilterGroupId' | 'positionInRecordFilterGroup'>> = [];
    const push = (op: string, v: unknown, at: Array<string | number>, subField?: string): void => {
      const c = compare(kind, op, ctx.rewrite(v), subField);
      if (typeof c === 'string')
        problems.push({ path: at, message: `${ctx.objectName}.${key}${subField ? `.${subField}` : ''}: ${c}`, fix: FIXES[kind] });
      else
        out.push({
          fieldMetadataId,
          type: field.type,
          operand: c.operand,
          value: c.value,
          ...(subField ? { subFieldName: subField } : {}),
        });
    };
    if (raw === null) push('is', 'NULL', path);
    else if (Array.isArray(raw)) push('in', raw, path);
    else if (typeof raw === 'object') {
      for (const [op, v] of Object.entries(raw as Record<string, unknown>)) {
        if (COMPOSITE.has(field.type) && v !== null && typeof v === 'object' && !Array.isArray(v)) {
          for (const [subOp, sv] of Object.entries(v as Record<string, unknown>)) push(subOp, sv, [...path, op, subOp], op);
        } else push(op, v, [...path, op]);
      }
    } else push('eq', raw, path);
    return out;
  };

  /** Add the AND of `where`'s entries under `group` (an AND group of its own when `group` is an OR). */
  const conjunction = (w: Record<string, unknown>, group: { id: string; op: 'AND' | 'OR' }, path: Array<string | number>): void => {
    const single = Object.keys(w).length === 1;
    let target = group;
    const place = (): { id: string; op: 'AND' | 'OR' } => {
      if (target.op === 'AND') return target;
      target = { id: newGroup('AND', { id: group.id, position: next(group.id) }), op: 'AND' };
      return target;
    };
    for (const [key, raw] of Object.entries(w)) {
      if (key === 'and' || key === 'or') {
        if (!Array.isArray(raw)) {
          problems.push({ path: [...path, key], message: `"${key}" takes a list of conditions`, fix: `write ${key}: [{ … }, { … }]` });
          continue;
        }
        const into = key === 'and' ? place() : undefined;
        const holder =
          into ??
          (() => {
            const parent = single && target.op === 'OR' ? target : place();
            return { id: newGroup('OR', { id: parent.id, position: next(parent.id) }), op: 'OR' as const };
          })();
        raw.forEach((sub, i) => {
          if (sub !== null && typeof sub === 'object' && !Array.isArray(sub))
            conjunction(sub as Record<string, unknown>, holder, [...path, key, i]);
          else
            problems.push({ path: [...path, key, i], message: 'each condition is a map of field: value', fix: 'write { field: value }' });
        });
        continue;
      }
      if (key === 'not') {
        problems.push({
          path: [...path, key],
          message: 'Twenty’s FIND_RECORDS filters have no "not" (groups are AND / OR only)',
          fix: 'negate the comparison itself: { neq: … }, or the complementary list of options',
        });
        continue;
      }
      const made = entry(key, raw, [...path, key]);
      if (!made || made.length === 0) continue;
      const at = made.length === 1 && single ? target : place();
      for (const f of made)
        recordFilters.push({
          id: ctx.id('filter', recordFilters.length),
          ...f,
          recordFilterGroupId: at.id,
          positionInRecordFilterGroup: next(at.id),
        });
    }
  };

  if (Object.keys(where).length > 0) conjunction(where, { id: newGroup('AND'), op: 'AND' }, []);
  // Key order inside each filter as Twenty's editor writes them does not matter; drop the groups nothing uses.
  return recordFilters.length === 0
    ? { recordFilters: [], recordFilterGroups: [], problems }
    : { recordFilters, recordFilterGroups, problems };
}

/** Field ids still unknown in a compiled input (`object.field` names). */
export function unresolvedFields(value: unknown): string[] {
  const out = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string' && v.startsWith(UNRESOLVED_FIELD)) out.add(v.slice(UNRESOLVED_FIELD.length));
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  return [...out];
}

/** Replace unresolved field ids with the workspace's; what stays unknown is left as is. */
export function fillFieldIds<T>(value: T, lookup: FieldIdLookup): T {
  const fill = (v: unknown): unknown => {
    if (typeof v === 'string' && v.startsWith(UNRESOLVED_FIELD)) {
      const [object, field] = v.slice(UNRESOLVED_FIELD.length).split('.') as [string, string];
      return lookup(object, field) ?? v;
    }
    if (Array.isArray(v)) return v.map(fill);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  return fill(value) as T;
}

/** A lookup over the objects deploy read from the workspace's metadata. */
export function fieldIdLookup(
  objects: ReadonlyArray<{ nameSingular: string; fields: ReadonlyArray<{ id: string; name: string }> }>,
): FieldIdLookup {
  const byObject = new Map(objects.map((o) => [o.nameSingular, new Map(o.fields.map((f) => [f.name, f.id]))]));
  return (object, field) => byObject.get(object)?.get(field);
}
