// FILTER, IF_ELSE and the DATABASE_EVENT trigger filter: step filters evaluated as
// Twenty's executor does (workflow-actions/filter/utils/evaluate-step-filters.util.ts
// and evaluate-filter-conditions.util.ts @41d24255). Each filter's left operand is
// its resolved `stepOutputKey`, the right its resolved `value`; a group ANDs or ORs
// its filters and child groups (an empty group is true); several root groups are
// all required; a filter naming a group that does not exist is an error.
import { resolveInput } from './resolve.ts';

export interface StepFilterGroup {
  id: string;
  logicalOperator: string;
  parentStepFilterGroupId?: string | null;
  positionInStepFilterGroup?: number;
}

export interface StepFilter {
  id?: string;
  type: string;
  stepOutputKey: string;
  operand: string;
  value: unknown;
  stepFilterGroupId: string;
  compositeFieldSubFieldName?: string;
}

export interface ResolvedFilter extends StepFilter {
  left: unknown;
  right: unknown;
}

const isNonEmptyString = (v: unknown): boolean => typeof v === 'string' && v.length > 0;
const notEmptyTextOrArray = (v: unknown): boolean => isNonEmptyString(v) || (Array.isArray(v) && v.length > 0);
const isEqual = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
/** parseBooleanFromStringValue (twenty-shared/workflow). */
const bool = (v: unknown): boolean => v === true || v === 'true';

/** `contains` of evaluate-filter-conditions.util.ts: arrays intersect, a JSON array on the right is any-of, else substring. */
function contains(left: unknown, right: unknown): boolean {
  if (Array.isArray(left) && Array.isArray(right)) return left.some((i) => right.includes(i));
  if ((Array.isArray(left) || typeof left === 'string') && typeof right === 'string') {
    try {
      const parsed: unknown = JSON.parse(right);
      if (Array.isArray(parsed)) return parsed.some((i) => (left as string | unknown[]).includes(i as never));
      return (left as string | unknown[]).includes(parsed as never);
    } catch {
      return (left as string | unknown[]).includes(right as never);
    }
  }
  return String(left).includes(String(right));
}

function unsupported(f: ResolvedFilter, kind: string): never {
  throw new Error(`Operand ${f.operand} not supported for ${kind} filter`);
}

function evaluateFilter(f: ResolvedFilter): boolean {
  const { left, right, operand } = f;
  switch (f.type) {
    case 'NUMBER':
    case 'NUMERIC':
    case 'number':
    case 'CURRENCY':
      switch (operand) {
        case 'GREATER_THAN_OR_EQUAL':
          return Number(left) >= Number(right);
        case 'LESS_THAN_OR_EQUAL':
          return Number(left) <= Number(right);
        case 'IS':
          return Number(left) === Number(right);
        case 'IS_NOT':
          return Number(left) !== Number(right);
        case 'IS_EMPTY':
          return left === null || left === undefined || left === '';
        case 'IS_NOT_EMPTY':
          return !(left === null || left === undefined || left === '');
        default:
          return unsupported(f, 'number');
      }
    case 'DATE':
    case 'DATE_TIME': {
      if (operand === 'IS_EMPTY') return left === null || left === undefined || left === '';
      if (operand === 'IS_NOT_EMPTY') return !(left === null || left === undefined || left === '');
      const l = Date.parse(String(left));
      const r = Date.parse(String(right));
      if (Number.isNaN(l)) return false;
      switch (operand) {
        case 'IS':
          return !Number.isNaN(r) && new Date(l).toISOString().slice(0, 10) === new Date(r).toISOString().slice(0, 10);
        case 'IS_BEFORE':
          return !Number.isNaN(r) && l < r;
        case 'IS_AFTER':
          return !Number.isNaN(r) && l > r;
        default:
          return unsupported(f, 'date');
      }
    }
    case 'SELECT':
      switch (operand) {
        case 'IS':
          return contains(left, right);
        case 'IS_NOT':
          return !contains(left, right);
        case 'IS_EMPTY':
          return !notEmptyTextOrArray(left);
        case 'IS_NOT_EMPTY':
          return notEmptyTextOrArray(left);
        default:
          return unsupported(f, 'select');
      }
    case 'BOOLEAN':
    case 'boolean':
      if (operand !== 'IS') return unsupported(f, 'boolean');
      return bool(left) === bool(right);
    case 'UUID':
    case 'RELATION': {
      const id = (v: unknown): unknown => (v !== null && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v);
      switch (operand) {
        case 'IS':
          return id(left) === id(right);
        case 'IS_NOT':
          return id(left) !== id(right);
        case 'IS_EMPTY':
          return !isNonEmptyString(id(left));
        case 'IS_NOT_EMPTY':
          return isNonEmptyString(id(left));
        default:
          return unsupported(f, 'uuid');
      }
    }
    case 'TEXT':
    case 'MULTI_SELECT':
    case 'FULL_NAME':
    case 'EMAILS':
    case 'PHONES':
    case 'ADDRESS':
    case 'LINKS':
    case 'ARRAY':
    case 'array':
    case 'RAW_JSON':
      switch (operand) {
        case 'CONTAINS':
          return contains(left, right);
        case 'DOES_NOT_CONTAIN':
          return !contains(left, right);
        case 'IS':
          return isEqual(left, right);
        case 'IS_NOT':
          return !isEqual(left, right);
        case 'IS_EMPTY':
          return !notEmptyTextOrArray(left);
        case 'IS_NOT_EMPTY':
          return notEmptyTextOrArray(left);
        default:
          return unsupported(f, 'text');
      }
    default:
      // evaluateDefaultFilter: loose equality, as the source does.
      switch (operand) {
        case 'IS':
          // eslint-disable-next-line eqeqeq
          return left == right;
        case 'IS_NOT':
          // eslint-disable-next-line eqeqeq
          return left != right;
        case 'IS_EMPTY':
          return !notEmptyTextOrArray(left);
        case 'IS_NOT_EMPTY':
          return notEmptyTextOrArray(left);
        case 'CONTAINS':
          return contains(left, right);
        case 'DOES_NOT_CONTAIN':
          return !contains(left, right);
        case 'GREATER_THAN_OR_EQUAL':
          return Number(left) >= Number(right);
        case 'LESS_THAN_OR_EQUAL':
          return Number(left) <= Number(right);
        default:
          return unsupported(f, f.type);
      }
  }
}

function evaluateGroup(groupId: string, groups: StepFilterGroup[], filters: ResolvedFilter[]): boolean {
  const group = groups.find((g) => g.id === groupId);
  if (!group) throw new Error(`Filter group with id ${groupId} not found`);
  const children = groups
    .filter((g) => g.parentStepFilterGroupId === groupId)
    .sort((a, b) => (a.positionInStepFilterGroup ?? 0) - (b.positionInStepFilterGroup ?? 0));
  const results = [
    ...filters.filter((f) => f.stepFilterGroupId === groupId).map(evaluateFilter),
    ...children.map((c) => evaluateGroup(c.id, groups, filters)),
  ];
  if (results.length === 0) return true;
  if (group.logicalOperator === 'AND') return results.every(Boolean);
  if (group.logicalOperator === 'OR') return results.some(Boolean);
  throw new Error(`Unknown logical operator: ${group.logicalOperator}`);
}

export function evaluateFilterConditions(groups: StepFilterGroup[], filters: ResolvedFilter[]): boolean {
  if (groups.length === 0 && filters.length === 0) return true;
  if (groups.length > 0) {
    const ids = new Set(groups.map((g) => g.id));
    for (const f of filters) if (!ids.has(f.stepFilterGroupId)) throw new Error(`Filter group with id ${f.stepFilterGroupId} not found`);
  }
  const roots = groups.filter((g) => !g.parentStepFilterGroupId);
  if (roots.length === 0) return filters.map(evaluateFilter).every(Boolean);
  return roots.map((r) => evaluateGroup(r.id, groups, filters)).every(Boolean);
}

export function resolveFilters(filters: StepFilter[], context: Record<string, unknown>): ResolvedFilter[] {
  return filters.map((f) => ({ ...f, right: resolveInput(f.value, context), left: resolveInput(f.stepOutputKey, context) }));
}

export function evaluateStepFilters(groups: StepFilterGroup[], filters: StepFilter[], context: Record<string, unknown>): boolean {
  return evaluateFilterConditions(groups, resolveFilters(filters, context));
}

/** find-matching-branch.util.ts @41d24255: branch groups must exist; the first branch whose group holds wins; no group = else. */
export function findMatchingBranch<B extends { id: string; filterGroupId?: string | null }>(
  branches: B[],
  groups: StepFilterGroup[],
  resolved: ResolvedFilter[],
): B {
  for (const b of branches) {
    if (b.filterGroupId && !groups.some((g) => g.id === b.filterGroupId))
      throw new Error(`Branch "${b.id}" references filter group "${b.filterGroupId}", which does not exist`);
  }
  const descendants = (root: string): StepFilterGroup[] => {
    const g = groups.find((x) => x.id === root);
    return g ? [g, ...groups.filter((x) => x.parentStepFilterGroupId === root).flatMap((x) => descendants(x.id))] : [];
  };
  const match = branches.find((b) => {
    if (!b.filterGroupId) return true;
    const own = descendants(b.filterGroupId);
    const ids = new Set(own.map((g) => g.id));
    return evaluateFilterConditions(
      own,
      resolved.filter((f) => ids.has(f.stepFilterGroupId)),
    );
  });
  if (!match) throw new Error('No matching branch found in if-else action');
  return match;
}
