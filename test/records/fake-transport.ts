// A RecordsTransport that answers from an in-memory table and records every request,
// for testing the reader and writer without a server.
import type { RequestOptions } from '../../src/twenty/client.ts';
import type { RecordsTransport } from '../../src/records/index.ts';

export interface SentRequest {
  query: string;
  variables: Record<string, unknown> | undefined;
  opts: RequestOptions;
}

export class FakeTransport implements RecordsTransport {
  readonly sent: SentRequest[] = [];
  constructor(private readonly answer: (req: SentRequest) => unknown) {}

  async core<T>(query: string, variables: Record<string, unknown> | undefined, opts: RequestOptions): Promise<T> {
    const req = { query, variables, opts };
    this.sent.push(req);
    return this.answer(req) as T;
  }
}

/** Answers findMany for `plural` from `rows`, paging on the `after` cursor like Twenty (id order). */
export function pagingAnswer(
  plural: string,
  rows: Array<Record<string, unknown> & { id: string }>,
  maxPage = Infinity,
): (req: SentRequest) => unknown {
  return (req) => {
    const v = req.variables ?? {};
    const first = Number(v.first ?? 60);
    if (first > maxPage) throw new Error(`Maximum number of records to fetch is ${maxPage}`);
    const filterIds = (v.filter as { id?: { in?: string[] } } | null)?.id?.in ?? null;
    const pool = rows.filter((r) => !filterIds || filterIds.includes(r.id));
    const start = v.after ? pool.findIndex((r) => r.id === v.after) + 1 : 0;
    const page = pool.slice(start, start + first);
    const last = page[page.length - 1];
    return {
      [plural]: {
        edges: page.map((node) => ({ node })),
        pageInfo: { hasNextPage: start + first < pool.length, endCursor: last ? last.id : null },
      },
    };
  };
}
