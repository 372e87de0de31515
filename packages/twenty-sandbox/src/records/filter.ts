// Record filters ({ field: { op: value } }, and / or / not, composite
// sub-fields), compiled once per request into a predicate, with SQL's null
// semantics (a comparison with NULL is not true). Operators: twentyhq/twenty
// packages/twenty-server/src/engine/api/graphql/workspace-schema-builder/
// graphql-types/input/*-filter.input-type.ts; soft-deleted rows are hidden unless
// the filter names deletedAt (common-query-runners: applyDeletedAtToBuilder).
import type { RecordRow } from '../state/types.ts';

type Pred = (row: RecordRow) => boolean;
export type FilterInput = Record<string, unknown>;

const isNull = (v: unknown): boolean => v === null || v === undefined;

function likeRegex(pattern: string, flags: string): RegExp {
  const body = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '[\\s\\S]*')
    .replace(/_/g, '[\\s\\S]');
  return new RegExp(`^${body}$`, flags);
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function operatorPredicate(op: string, arg: unknown, get: (row: RecordRow) => unknown): Pred {
  switch (op) {
    case 'eq':
      return (r) => {
        const v = get(r);
        return !isNull(v) && compare(v, arg) === 0;
      };
    case 'neq':
      return (r) => {
        const v = get(r);
        return !isNull(v) && compare(v, arg) !== 0;
      };
    case 'gt':
      return (r) => {
        const v = get(r);
        return !isNull(v) && compare(v, arg) > 0;
      };
    case 'gte':
      return (r) => {
        const v = get(r);
        return !isNull(v) && compare(v, arg) >= 0;
      };
    case 'lt':
      return (r) => {
        const v = get(r);
        return !isNull(v) && compare(v, arg) < 0;
      };
    case 'lte':
      return (r) => {
        const v = get(r);
        return !isNull(v) && compare(v, arg) <= 0;
      };
    case 'in': {
      const set = new Set((Array.isArray(arg) ? arg : []).map(String));
      return (r) => {
        const v = get(r);
        return !isNull(v) && set.has(String(v));
      };
    }
    case 'is':
      return arg === 'NULL' ? (r) => isNull(get(r)) : (r) => !isNull(get(r));
    case 'like':
    case 'ilike': {
      const re = likeRegex(String(arg), op === 'ilike' ? 'i' : '');
      return (r) => {
        const v = get(r);
        return !isNull(v) && re.test(typeof v === 'string' ? v : JSON.stringify(v));
      };
    }
    case 'startsWith':
      return (r) => {
        const v = get(r);
        return typeof v === 'string' && v.startsWith(String(arg));
      };
    case 'endsWith':
      return (r) => {
        const v = get(r);
        return typeof v === 'string' && v.endsWith(String(arg));
      };
    case 'regex':
    case 'iregex': {
      const re = new RegExp(String(arg), op === 'iregex' ? 'i' : '');
      return (r) => {
        const v = get(r);
        return typeof v === 'string' && re.test(v);
      };
    }
    case 'containsAny': {
      const wanted = new Set((Array.isArray(arg) ? arg : []).map(String));
      return (r) => {
        const v = get(r);
        return Array.isArray(v) && v.some((x) => wanted.has(String(x)));
      };
    }
    case 'containsIlike': {
      const re = likeRegex(String(arg), 'i');
      return (r) => {
        const v = get(r);
        return Array.isArray(v) && v.some((x) => re.test(String(x)));
      };
    }
    case 'isEmptyArray':
      return (r) => {
        const v = get(r);
        return Array.isArray(v) && (v.length === 0) === (arg === true);
      };
    default:
      return () => true;
  }
}

function comparisonPredicate(cmp: Record<string, unknown>, get: (row: RecordRow) => unknown): Pred {
  const preds = Object.entries(cmp)
    .filter(([, arg]) => arg !== undefined && arg !== null)
    .map(([op, arg]) => operatorPredicate(op, arg, get));
  return (row) => preds.every((p) => p(row));
}

/** Compiles a filter; `composite` names the composite fields (their filter nests one level of sub-fields). */
export function compileFilter(filter: FilterInput | undefined, composite: ReadonlySet<string>): Pred {
  if (!filter) return () => true;
  const preds: Pred[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (key === 'and') {
      const parts = (value as FilterInput[]).map((f) => compileFilter(f, composite));
      preds.push((r) => parts.every((p) => p(r)));
    } else if (key === 'or') {
      const parts = (value as FilterInput[]).map((f) => compileFilter(f, composite));
      if (parts.length > 0) preds.push((r) => parts.some((p) => p(r)));
    } else if (key === 'not') {
      const inner = compileFilter(value as FilterInput, composite);
      preds.push((r) => !inner(r));
    } else if (composite.has(key)) {
      for (const [sub, cmp] of Object.entries(value as FilterInput)) {
        if (cmp === undefined || cmp === null) continue;
        preds.push(
          comparisonPredicate(cmp as Record<string, unknown>, (r) => (r[key] as Record<string, unknown> | null | undefined)?.[sub]),
        );
      }
    } else {
      preds.push(comparisonPredicate(value as Record<string, unknown>, (r) => r[key]));
    }
  }
  return (row) => preds.every((p) => p(row));
}

export function mentionsDeletedAt(filter: unknown): boolean {
  if (Array.isArray(filter)) return filter.some(mentionsDeletedAt);
  if (typeof filter !== 'object' || filter === null) return false;
  return Object.entries(filter).some(([k, v]) => k === 'deletedAt' || ((k === 'and' || k === 'or' || k === 'not') && mentionsDeletedAt(v)));
}

/** Ids the filter restricts to at its top level (`id: { eq | in }`, also inside `and`), or undefined. */
export function candidateIds(filter: FilterInput | undefined): string[] | undefined {
  if (!filter) return undefined;
  let ids: string[] | undefined;
  const narrow = (list: string[]): void => {
    ids = ids === undefined ? list : ids.filter((i) => list.includes(i));
  };
  const idCmp = filter.id as Record<string, unknown> | undefined;
  if (idCmp && typeof idCmp.eq === 'string') narrow([idCmp.eq]);
  if (idCmp && Array.isArray(idCmp.in)) narrow((idCmp.in as unknown[]).map(String));
  if (Array.isArray(filter.and))
    for (const f of filter.and as FilterInput[]) {
      const inner = candidateIds(f);
      if (inner) narrow(inner);
    }
  return ids === undefined ? undefined : [...new Set(ids)];
}
