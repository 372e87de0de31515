// Paged reads of one object's records over /graphql: cursor paging on `pageInfo.endCursor`,
// asking only for the given fields. Twenty orders every page by the caller's orderBy then
// `id AscNullsFirst` (common-find-many-query-runner.service.ts @0149527), so paging is stable.
import type { RequestOptions } from '../twenty/index.ts';
import { recordApiNames, type ObjectNames } from './names.ts';
import { renderSelection, withId, type Selection } from './selection.ts';
import type { RecordsTransport } from './transport.ts';

/**
 * Records per read. QUERY_DEFAULT_LIMIT_RECORDS is 60 in every Twenty version and the
 * documented batch size; QUERY_MAX_RECORDS varies (60 in the docs era, 200 later, 10 000
 * in twenty-shared/src/constants/QueryMaxRecords.ts @3921576), so 60 is the size every
 * server takes. Pass a larger `pageSize` for a server known to allow it.
 */
export const DEFAULT_PAGE_SIZE = 60;

/** A record as read: its id and the asked-for fields, values as Twenty sent them. */
export type RecordRow = { id: string } & Record<string, unknown>;

export interface ReadOptions {
  object: ObjectNames;
  fields: Selection;
  /** A Twenty filter, e.g. `{ stage: { in: ['PUBLISHED'] } }`. */
  filter?: Record<string, unknown>;
  orderBy?: ReadonlyArray<Record<string, unknown>>;
  pageSize?: number;
  /** Start after this cursor (a read continued from a page read elsewhere). */
  after?: string | null;
}

export interface Connection {
  edges: Array<{ node: Record<string, unknown> }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Twenty versions that cap the page size answer with this message; the reader then uses the cap. */
const MAX_PAGE = /Maximum number of records to fetch is (\d+)/;

/** The page cap a refusal names when it is below `asked`, so the read can go on at that size. */
export function pageCapOf(e: unknown, asked: number): number | undefined {
  const max = e instanceof Error ? Number(MAX_PAGE.exec(e.message)?.[1]) : NaN;
  return max > 0 && max < asked ? max : undefined;
}

/**
 * The cursor to read on from, or null at the end. A page that says there is more but
 * gives no new cursor would end the read short (or never), so the read stops loudly.
 */
export function nextCursor(connection: Connection, after: string | null | undefined, what: string): string | null {
  if (!connection.pageInfo.hasNextPage) return null;
  const next = connection.pageInfo.endCursor;
  if (!next || next === after)
    throw new Error(`Twenty says there are more ${what} but gives no new cursor to read them from: the read stopped short`);
  return next;
}

/** Yields one page of records at a time, in Twenty's order. */
export async function* readPages(transport: RecordsTransport, options: ReadOptions): AsyncGenerator<RecordRow[]> {
  const names = recordApiNames(options.object);
  const query =
    `query Read($filter: ${names.filterInput}, $orderBy: [${names.orderByInput}!], $first: Int, $after: String) {` +
    ` ${names.findMany}(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {` +
    ` edges { node { ${renderSelection(withId(options.fields))} } } pageInfo { hasNextPage endCursor } } }`;
  let pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  let after: string | null = options.after ?? null;
  // No page limit: a read ends when Twenty says it has no more, never silently at a cap.
  for (let page = 1; ; page++) {
    const variables = { filter: options.filter ?? null, orderBy: options.orderBy ?? null, first: pageSize, after };
    const opts: RequestOptions = {
      operation: `read ${options.object.namePlural} (page ${page})`,
      kind: `records:${options.object.nameSingular}`,
    };
    let data: Record<string, Connection>;
    try {
      data = await transport.core<Record<string, Connection>>(query, variables, opts);
    } catch (e) {
      const cap = pageCapOf(e, pageSize);
      if (cap === undefined) throw e;
      pageSize = cap;
      page--;
      continue;
    }
    const connection = data[names.findMany];
    if (!connection) throw new Error(`Twenty's answer has no ${names.findMany}`);
    yield connection.edges.map((e) => e.node as RecordRow);
    after = nextCursor(connection, after, options.object.namePlural);
    if (after === null) return;
  }
}

/** Every matching record, read page by page. */
export async function readAll(transport: RecordsTransport, options: ReadOptions): Promise<RecordRow[]> {
  const rows: RecordRow[] = [];
  for await (const page of readPages(transport, options)) rows.push(...page);
  return rows;
}

/** The records with these ids (missing ones are simply absent), `pageSize` ids per request. */
export async function readByIds(
  transport: RecordsTransport,
  options: Omit<ReadOptions, 'filter'> & { ids: readonly string[] },
): Promise<RecordRow[]> {
  const size = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const unique = [...new Set(options.ids)];
  const rows: RecordRow[] = [];
  for (let i = 0; i < unique.length; i += size) {
    rows.push(...(await readAll(transport, { ...options, pageSize: size, filter: { id: { in: unique.slice(i, i + size) } } })));
  }
  return rows;
}
