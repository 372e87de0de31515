// Metadata connections (objects, fields, Object.fields): Twenty's keyset paging
// by id DESC and its filter comparisons. Sources: twentyhq/twenty
// packages/twenty-server/src/engine/metadata-modules/pagination/utils/
// parse-graphql-metadata-pagination.util.ts @4d61642 (rules and messages, default
// 10, max 1000), paginate-metadata-items-by-id.util.ts @20e4faf (id DESC, limit+1),
// build-metadata-cursor-page.util.ts, apply-metadata-filter-to-items.util.ts.
import { userInputError } from '../server/twenty-errors.ts';

const DEFAULT_PAGE_SIZE = 10;
export const MAX_METADATA_PAGE_SIZE = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Paging {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Connection<T> {
  edges: Array<{ node: T; cursor: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const defined = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;
export const encodeIdCursor = (id: string): string => Buffer.from(JSON.stringify({ id })).toString('base64');

function decodeIdCursor(cursor: string): string {
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(cursor, 'base64').toString());
  } catch {
    throw userInputError(`Invalid cursor: ${cursor}`);
  }
  const id = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as { id?: unknown }).id : undefined;
  if (typeof id !== 'string' || !UUID.test(id)) throw userInputError(`Invalid cursor: ${cursor}`);
  return id;
}

export function paginateById<T extends { id: string }>(items: T[], paging: Paging | undefined): Connection<T> {
  const { first, last, after, before } = paging ?? {};
  if (defined(first) && defined(last)) throw userInputError('Cannot use both first and last');
  if (defined(first) && defined(before)) throw userInputError('Cannot use first with before');
  if (defined(last) && defined(after)) throw userInputError('Cannot use last with after');
  if (defined(after) && defined(before)) throw userInputError('Cannot use both after and before');
  if ((defined(first) && first < 0) || (defined(last) && last < 0)) throw userInputError('Page size cannot be negative');
  const limit = first ?? last ?? DEFAULT_PAGE_SIZE;
  if (limit > MAX_METADATA_PAGE_SIZE)
    throw userInputError(`Requested page size of ${limit} exceeds the maximum size of ${MAX_METADATA_PAGE_SIZE}`);
  const backward = defined(last) || defined(before);
  const afterId = defined(after) ? decodeIdCursor(after) : undefined;
  const beforeId = defined(before) ? decodeIdCursor(before) : undefined;
  const fetched = items
    .filter(({ id }) => (afterId !== undefined ? id < afterId : beforeId !== undefined ? id > beforeId : true))
    .sort((a, b) => (backward ? a.id.localeCompare(b.id) : b.id.localeCompare(a.id)))
    .slice(0, limit + 1);
  const more = fetched.length > limit;
  const page = fetched.slice(0, limit);
  if (backward) page.reverse();
  const edges = page.map((node) => ({ node, cursor: encodeIdCursor(node.id) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: backward ? beforeId !== undefined : more,
      hasPreviousPage: backward ? more : afterId !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

type Comparison = Record<string, unknown>;

function likeToRegex(pattern: string, insensitive: boolean): RegExp {
  const escaped = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');
  return new RegExp(`^${escaped}$`, insensitive ? 'i' : '');
}

function matchesComparison(value: unknown, cmp: Comparison): boolean {
  for (const [op, arg] of Object.entries(cmp)) {
    if (arg === undefined) continue;
    const v = value as string | number | boolean | null;
    const a = arg as string | number | boolean | null;
    const ok = (() => {
      switch (op) {
        case 'is':
          return arg === null ? v === null || v === undefined : v === arg;
        case 'isNot':
          return arg === null ? v !== null && v !== undefined : v !== arg;
        case 'eq':
          return v === a;
        case 'neq':
          return v !== a;
        case 'gt':
          return v !== null && a !== null && v > a;
        case 'gte':
          return v !== null && a !== null && v >= a;
        case 'lt':
          return v !== null && a !== null && v < a;
        case 'lte':
          return v !== null && a !== null && v <= a;
        case 'like':
          return typeof v === 'string' && likeToRegex(String(a), false).test(v);
        case 'notLike':
          return typeof v === 'string' && !likeToRegex(String(a), false).test(v);
        case 'iLike':
          return typeof v === 'string' && likeToRegex(String(a), true).test(v);
        case 'notILike':
          return typeof v === 'string' && !likeToRegex(String(a), true).test(v);
        case 'in':
          return Array.isArray(arg) && arg.includes(v);
        case 'notIn':
          return Array.isArray(arg) && !arg.includes(v);
        default:
          return true;
      }
    })();
    if (!ok) return false;
  }
  return true;
}

/** nestjs-query style filter ({ and, or, field: comparison }) over plain items. */
export function matchesMetadataFilter(item: Record<string, unknown>, filter: Record<string, unknown> | undefined): boolean {
  if (!filter) return true;
  for (const [key, cmp] of Object.entries(filter)) {
    if (cmp === undefined || cmp === null) continue;
    if (key === 'and') {
      if (!(cmp as Record<string, unknown>[]).every((f) => matchesMetadataFilter(item, f))) return false;
    } else if (key === 'or') {
      const list = cmp as Record<string, unknown>[];
      if (list.length > 0 && !list.some((f) => matchesMetadataFilter(item, f))) return false;
    } else if (!matchesComparison(item[key], cmp as Comparison)) return false;
  }
  return true;
}
