// Row-level rules on the records API, as Twenty Enterprise applies them to a user session
// (API keys are not filtered): the role's rules for the object become a record filter
// added to reads, updates, deletes and restores, so a record outside them is not there;
// what a create writes, and a record as an update leaves it, must match, else
// RLS_VALIDATION_FAILED (BAD_USER_INPUT). A rule compared with the member takes the
// member's own value (a many-to-one's join column); no value drops the rule.
// apply-row-level-permission-predicates.util.ts, validate-rls-predicates-for-records.util.ts,
// build-row-level-permission-record-filter.util.ts @0bad6d85; the RELATION value form from
// turnRecordFilterIntoRecordGqlOperationFilter (docs/twenty-facts.md, "Row-level rules").
import { predicatesOf, type PredicateRow } from '../metadata/row-level.ts';
import { userInputError } from '../server/twenty-errors.ts';
import type { RecordRow } from '../state/types.ts';
import type { Workspace } from '../state/workspace.ts';
import { filterTypeOf } from '../workflows/find-records-filter.ts';
import { compileFilter, type FilterInput } from './filter.ts';
import { recordModel, type RecordModel } from './model.ts';
import { recordNotFound } from './mutations.ts';

type Args = Record<string, unknown>;
const NULL = { is: 'NULL' };
const NOT_NULL = { is: 'NOT_NULL' };
const orNull = (column: string, filter: FilterInput): FilterInput => ({ or: [{ not: filter }, { [column]: NULL }] });

/** The member's own value a rule compares with: a field, a composite's part, a many-to-one's id. */
function memberValue(ws: Workspace, memberId: string, p: PredicateRow): unknown {
  const object = [...ws.objects.values()].find((o) => o.nameSingular === 'workspaceMember');
  const row = object ? ws.table(object.id).get(memberId) : undefined;
  const field = object ? recordModel(ws, object).fields.find((f) => f.id === p.workspaceMemberFieldMetadataId) : undefined;
  if (!row || !field) return null;
  if (field.type === 'RELATION') {
    // A one-to-many has no column: no value (resolve-workspace-member-predicate-value.util).
    const column = field.settings?.relationType === 'MANY_TO_ONE' ? field.settings.joinColumnName : undefined;
    return typeof column === 'string' ? (row[column] ?? null) : null;
  }
  const v = row[field.name];
  if (p.workspaceMemberSubFieldName && v && typeof v === 'object')
    return (v as Record<string, unknown>)[p.workspaceMemberSubFieldName] ?? null;
  return field.type === 'SELECT' && typeof v === 'string' ? [v] : (v ?? null);
}

const parse = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === null || v === undefined || v === '' ? [] : [String(v)]);

/** One rule as a record filter; undefined: Twenty builds nothing for it (the rule is dropped). */
function ruleFilter(model: RecordModel, p: PredicateRow, value: unknown, memberId: string): FilterInput | undefined {
  const field = model.fields.find((f) => f.id === p.fieldMetadataId);
  if (!field) return undefined;
  const type = filterTypeOf(field.type);
  if (type === 'RELATION') {
    const column = model.joins.find((j) => j.field.id === field.id)?.column;
    if (!column) return undefined;
    if (p.operand === 'IS_EMPTY') return { [column]: NULL };
    if (p.operand === 'IS_NOT_EMPTY') return { [column]: NOT_NULL };
    const v = parse(value);
    const selected =
      v && typeof v === 'object' && !Array.isArray(v)
        ? (v as { isCurrentWorkspaceMemberSelected?: boolean; selectedRecordIds?: unknown })
        : undefined;
    const ids = selected
      ? [...list(selected.selectedRecordIds), ...(selected.isCurrentWorkspaceMemberSelected ? [memberId] : [])]
      : list(v);
    if (ids.length === 0) return undefined;
    const inIds = { [column]: { in: ids } };
    return p.operand === 'IS' ? inIds : orNull(column, inIds);
  }
  const name = field.name;
  if (p.operand === 'IS_EMPTY') return type === 'TEXT' ? { or: [{ [name]: NULL }, { [name]: { eq: '' } }] } : { [name]: NULL };
  if (p.operand === 'IS_NOT_EMPTY')
    return type === 'TEXT' ? { and: [{ [name]: NOT_NULL }, { not: { [name]: { eq: '' } } }] } : { [name]: NOT_NULL };
  const v = parse(value);
  switch (`${type} ${p.operand}`) {
    case 'SELECT IS':
    case 'UUID IS':
      return list(v).length > 0 ? { [name]: { in: list(v) } } : undefined;
    case 'SELECT IS_NOT':
    case 'UUID IS_NOT':
      return list(v).length > 0 ? orNull(name, { [name]: { in: list(v) } }) : undefined;
    case 'TEXT CONTAINS':
      return { [name]: { ilike: `%${String(v)}%` } };
    case 'TEXT DOES_NOT_CONTAIN':
      return orNull(name, { [name]: { ilike: `%${String(v)}%` } });
    case 'NUMBER IS':
      return { [name]: { eq: Number(v) } };
    case 'NUMBER IS_NOT':
      return { [name]: { neq: Number(v) } };
    case 'NUMBER GREATER_THAN_OR_EQUAL':
      return { [name]: { gte: Number(v) } };
    case 'NUMBER LESS_THAN_OR_EQUAL':
      return { [name]: { lte: Number(v) } };
    case 'BOOLEAN IS':
      return { [name]: { eq: v === true || v === 'true' } };
    default:
      return undefined;
  }
}

/** The filter the caller's rules put on an object's records; undefined: none apply. */
export function rowLevelFilter(
  ws: Workspace,
  model: RecordModel,
  roleId: string | undefined,
  memberId: string | undefined,
): FilterInput | undefined {
  if (!roleId || !memberId) return undefined;
  const parts = predicatesOf(ws, roleId, model.object.id)
    .map((p) => {
      const value = p.workspaceMemberFieldMetadataId ? memberValue(ws, memberId, p) : p.value;
      if (p.workspaceMemberFieldMetadataId && (value === null || value === undefined)) return undefined;
      return ruleFilter(model, p, value, memberId);
    })
    .filter((f): f is FilterInput => f !== undefined);
  return parts.length === 0 ? undefined : { and: parts };
}

const violation = (update: boolean): Error =>
  userInputError(`${update ? 'Updated record' : 'Record'} does not satisfy row-level security constraints of your current role`, {
    userFriendlyMessage: 'Record does not satisfy security constraints.',
  });

/**
 * The arguments a records root field runs with under the caller's rules: reads and bulk
 * writes see only matching records; by-id writes of a record outside are "Record not
 * found"; what a write would leave must match. Called before the resolver writes anything.
 */
export function applyRowLevel(ws: Workspace, model: RecordModel, verb: string, args: Args, filter: FilterInput | undefined): Args {
  if (!filter) return args;
  const matches = compileFilter(filter, model.composite);
  const table = ws.table(model.object.id);
  const merged = (row: RecordRow | undefined, data: unknown): RecordRow =>
    ({ ...(row ?? { id: '' }), ...((data ?? {}) as Args) }) as RecordRow;
  const data = args.data;
  switch (verb) {
    case 'findMany':
    case 'findOne':
    case 'updateMany':
    case 'deleteMany':
    case 'destroyMany':
    case 'restoreMany': {
      if (verb === 'updateMany') {
        for (const row of table.rows()) if (matches(row) && !matches(merged(row, data))) throw violation(true);
      }
      return { ...args, filter: args.filter ? { and: [args.filter, filter] } : filter };
    }
    case 'updateOne':
    case 'deleteOne':
    case 'destroyOne':
    case 'restoreOne': {
      const row = table.get(String(args.id));
      if (!row || !matches(row)) throw recordNotFound();
      if (verb === 'updateOne' && !matches(merged(row, data))) throw violation(true);
      return args;
    }
    case 'createOne':
    case 'createMany': {
      for (const d of Array.isArray(data) ? data : [data]) {
        const existing =
          typeof (d as Args | undefined)?.id === 'string' && args.upsert === true ? table.get(String((d as Args).id)) : undefined;
        if (existing && !matches(existing)) throw recordNotFound();
        if (!matches(merged(existing, d))) throw violation(existing !== undefined);
      }
      return args;
    }
    default:
      return args;
  }
}
