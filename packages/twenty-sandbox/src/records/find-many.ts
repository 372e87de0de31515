// findMany paging, as twentyhq/twenty packages/twenty-server/src/engine/api/common/
// common-query-runners/common-find-many-query-runner.service.ts @442e2cd does it:
// order = orderBy + `id AscNullsFirst`, cursors = base64 JSON of the order values
// and id (graphql-query-runner/utils/cursors.util.ts), take limit + 1, hasNextPage
// only when paging forward, hasPreviousPage only backward; argument conflicts
// rejected with the runner's messages. Each page costs O(rows scanned), not O(N):
// ids are kept sorted and other orders are cached until the next write.
import { userInputError } from '../server/twenty-errors.ts';
import type { RecordRow } from '../state/types.ts';
import { compileFilter, candidateIds, type FilterInput, mentionsDeletedAt } from './filter.ts';
import { indexAfter, type RecordTable } from './table.ts';

/** QUERY_DEFAULT_LIMIT_RECORDS (twenty-shared constants). */
export const QUERY_DEFAULT_LIMIT_RECORDS = 60;
/**
 * QUERY_MAX_RECORDS: 200 in twenty-shared/src/constants/QueryMaxRecords.ts @664d0a8,
 * 10_000 in @3921576; which one 2.43.0 ships is unclear, so the stricter 200. Twenty's
 * runner does not say what happens past it; the sandbox refuses the request.
 */
export const QUERY_MAX_RECORDS = 200;

export interface FindManyArgs {
  filter?: FilterInput | null;
  orderBy?: Array<Record<string, unknown>> | null;
  first?: number | null;
  last?: number | null;
  before?: string | null;
  after?: string | null;
  offset?: number | null;
}

export interface Page {
  rows: RecordRow[];
  cursors: string[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => number;
}

type Direction = 'AscNullsFirst' | 'AscNullsLast' | 'DescNullsFirst' | 'DescNullsLast';
interface OrderKey {
  field: string;
  sub?: string;
  dir: Direction;
}

const STANDARD_ERROR = { userFriendlyMessage: 'An error occurred.' };
const defined = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

function orderKeys(orderBy: FindManyArgs['orderBy']): OrderKey[] {
  const keys: OrderKey[] = [];
  for (const entry of orderBy ?? []) {
    for (const [field, dir] of Object.entries(entry)) {
      if (typeof dir === 'string') keys.push({ field, dir: dir as Direction });
      else if (dir && typeof dir === 'object') for (const [sub, d] of Object.entries(dir)) keys.push({ field, sub, dir: d as Direction });
    }
  }
  if (!keys.some((k) => k.field === 'id' && !k.sub)) keys.push({ field: 'id', dir: 'AscNullsFirst' });
  return keys;
}

function valueAt(row: Record<string, unknown>, k: OrderKey): unknown {
  const v = row[k.field];
  return k.sub ? (v as Record<string, unknown> | null | undefined)?.[k.sub] : v;
}

function comparator(keys: OrderKey[], reverse: boolean): (a: Record<string, unknown>, b: Record<string, unknown>) => number {
  return (a, b) => {
    for (const k of keys) {
      const x = valueAt(a, k);
      const y = valueAt(b, k);
      const xn = x === null || x === undefined;
      const yn = y === null || y === undefined;
      let c: number;
      if (xn || yn) {
        if (xn && yn) c = 0;
        else c = (xn ? -1 : 1) * (k.dir.endsWith('NullsFirst') ? 1 : -1);
      } else {
        c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
        if (k.dir.startsWith('Desc')) c = -c;
      }
      if (c !== 0) return reverse ? -c : c;
    }
    return 0;
  };
}

export function encodeCursor(row: RecordRow, keys: OrderKey[]): string {
  const data: Record<string, unknown> = {};
  for (const k of keys) data[k.field] = row[k.field] ?? null;
  data.id = row.id;
  return Buffer.from(JSON.stringify(data)).toString('base64');
}

function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    const data = JSON.parse(Buffer.from(cursor, 'base64').toString()) as unknown;
    if (typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'string')
      return data as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw userInputError(`Invalid cursor: ${cursor}`, STANDARD_ERROR);
}

function validate(args: FindManyArgs): number {
  const conflict = (m: string): never => {
    throw userInputError(m, { subCode: 'ARGS_CONFLICT', ...STANDARD_ERROR });
  };
  if (defined(args.first) && defined(args.last)) conflict('Cannot provide both first and last');
  if (defined(args.before) && defined(args.after)) conflict('Cannot provide both before and after');
  if (defined(args.before) && defined(args.first)) conflict('Cannot provide both before and first');
  if (defined(args.after) && defined(args.last)) conflict('Cannot provide both after and last');
  if (defined(args.first) && args.first < 0) throw userInputError('First argument must be non-negative', STANDARD_ERROR);
  if (defined(args.last) && args.last < 0) throw userInputError('Last argument must be non-negative', STANDARD_ERROR);
  const limit = args.first ?? args.last ?? QUERY_DEFAULT_LIMIT_RECORDS;
  if (limit > QUERY_MAX_RECORDS) throw userInputError(`Maximum number of records to fetch is ${QUERY_MAX_RECORDS}`, STANDARD_ERROR);
  return limit;
}

export function findMany(table: RecordTable, composite: ReadonlySet<string>, args: FindManyArgs, maxLimit?: number): Page {
  const limit = maxLimit === undefined ? validate(args) : Math.min(args.first ?? maxLimit, maxLimit);
  const filter = args.filter ?? undefined;
  const userPred = compileFilter(filter, composite);
  const pred = mentionsDeletedAt(filter) ? userPred : (r: RecordRow) => (r.deletedAt === null || r.deletedAt === undefined) && userPred(r);
  const keys = orderKeys(args.orderBy);
  const forward = !defined(args.before);
  const cursor = defined(args.after) ? decodeCursor(args.after) : defined(args.before) ? decodeCursor(args.before) : undefined;
  const cmp = comparator(keys, false);
  let skip = args.offset ?? 0;
  const picked: RecordRow[] = [];
  const take = (row: RecordRow | undefined): boolean => {
    if (!row || !pred(row)) return false;
    if (skip > 0) {
      skip--;
      return false;
    }
    picked.push(row);
    return picked.length > limit;
  };

  const ids = candidateIds(filter);
  const idOnly = keys.length === 1;
  if (ids) {
    const rows = ids
      .map((id) => table.get(id))
      .filter((r): r is RecordRow => r !== undefined)
      .sort(cmp);
    const ordered = forward ? rows : rows.reverse();
    for (const row of ordered) {
      if (cursor && (forward ? cmp(row, cursor) <= 0 : cmp(row, cursor) >= 0)) continue;
      if (take(row)) break;
    }
  } else if (idOnly) {
    const sorted = table.idsAscending();
    if (forward) {
      for (let i = cursor ? indexAfter(sorted, String(cursor.id)) : 0; i < sorted.length; i++)
        if (take(table.get(sorted[i] as string))) break;
    } else {
      for (let i = (cursor ? indexAfter(sorted, String(cursor.id), true) : sorted.length) - 1; i >= 0; i--)
        if (take(table.get(sorted[i] as string))) break;
    }
  } else {
    const sorted = table.sortedBy(JSON.stringify(keys), cmp);
    const firstAfter = (): number => {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cmp(sorted[mid] as RecordRow, cursor as Record<string, unknown>) <= 0) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    if (forward) {
      for (let i = cursor ? firstAfter() : 0; i < sorted.length; i++) if (take(sorted[i])) break;
    } else {
      let start = sorted.length;
      if (cursor) {
        let lo = 0;
        let hi = sorted.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cmp(sorted[mid] as RecordRow, cursor) < 0) lo = mid + 1;
          else hi = mid;
        }
        start = lo;
      }
      for (let i = start - 1; i >= 0; i--) if (take(sorted[i])) break;
    }
  }

  const more = picked.length > limit;
  const rows = picked.slice(0, limit);
  if (!forward) rows.reverse();
  const cursors = rows.map((r) => encodeCursor(r, keys));
  const unfiltered = !filter || Object.keys(filter).length === 0;
  return {
    rows,
    cursors,
    pageInfo: {
      hasNextPage: forward && more,
      hasPreviousPage: !forward && more,
      startCursor: cursors[0] ?? null,
      endCursor: cursors[cursors.length - 1] ?? null,
    },
    totalCount: () => {
      if (unfiltered) return table.liveCount;
      let n = 0;
      for (const row of table.rows()) if (pred(row)) n++;
      return n;
    },
  };
}

/** Every row a filter selects (bulk mutations), soft-deleted ones only when the filter names deletedAt. */
export function selectRows(
  table: RecordTable,
  composite: ReadonlySet<string>,
  filter: FilterInput | undefined,
  includeDeleted = false,
): RecordRow[] {
  const userPred = compileFilter(filter, composite);
  const keepDeleted = includeDeleted || mentionsDeletedAt(filter);
  const pred = (r: RecordRow): boolean => (keepDeleted || r.deletedAt === null || r.deletedAt === undefined) && userPred(r);
  const ids = candidateIds(filter);
  if (ids) return ids.map((id) => table.get(id)).filter((r): r is RecordRow => r !== undefined && pred(r));
  const out: RecordRow[] = [];
  for (const row of table.rows()) if (pred(row)) out.push(row);
  return out;
}
