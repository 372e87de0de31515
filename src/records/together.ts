// Several objects' records read together: the first page of each is one root field of a
// single /graphql request (Twenty runs up to GRAPHQL_MAX_ROOT_RESOLVERS, default 20, root
// fields a request, and refuses a repeated one even under an alias: docs/twenty-facts.md),
// so a read of a few records from many objects costs one request. An object with more
// pages goes on from its cursor, page by page (reader.ts), never stopping at a cap.
import type { RequestOptions } from '../twenty/index.ts';
import { recordApiNames } from './names.ts';
import { DEFAULT_PAGE_SIZE, nextCursor, pageCapOf, readAll, type Connection, type ReadOptions, type RecordRow } from './reader.ts';
import { renderSelection, withId } from './selection.ts';
import type { RecordsTransport } from './transport.ts';

/** GRAPHQL_MAX_ROOT_RESOLVERS' default: root fields one /graphql request may hold. */
export const MAX_RECORDS_ROOT_FIELDS = 20;

export interface TogetherOptions {
  /** The GraphQL operation name, e.g. `BankpackSeeds`. */
  name: string;
  /** What the reads are for, in the admin's words; the objects' plural names are added. */
  operation: string;
  /** The request counter's kind for the combined requests. */
  kind: string;
}

/**
 * Every matching record of each read, in the order of `reads`. Each read names a different
 * object (one root field each); its `pageSize` and `orderBy` apply, `after` does not.
 */
export async function readTogether(
  transport: RecordsTransport,
  reads: readonly ReadOptions[],
  options: TogetherOptions,
): Promise<RecordRow[][]> {
  const names = reads.map((r) => r.object.nameSingular);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`readTogether: ${twice} is read twice (one root field per object: merge the filters)`);
  const out: RecordRow[][] = [];
  for (let i = 0; i < reads.length; i += MAX_RECORDS_ROOT_FIELDS)
    out.push(...(await readChunk(transport, reads.slice(i, i + MAX_RECORDS_ROOT_FIELDS), options)));
  return out;
}

async function readChunk(transport: RecordsTransport, reads: readonly ReadOptions[], options: TogetherOptions): Promise<RecordRow[][]> {
  const params: string[] = [];
  const fields: string[] = [];
  const base: Record<string, unknown> = {};
  reads.forEach((r, n) => {
    const api = recordApiNames(r.object);
    params.push(`$f${n}: ${api.filterInput}`, `$o${n}: [${api.orderByInput}!]`, `$p${n}: Int`);
    fields.push(
      `${api.findMany}(filter: $f${n}, orderBy: $o${n}, first: $p${n}) { edges { node { ${renderSelection(withId(r.fields))} } } pageInfo { hasNextPage endCursor } }`,
    );
    base[`f${n}`] = r.filter ?? null;
    base[`o${n}`] = r.orderBy ?? null;
  });
  const query = `query ${options.name}(${params.join(', ')}) { ${fields.join(' ')} }`;
  const opts: RequestOptions = {
    operation: `${options.operation} (${reads.map((r) => r.object.namePlural).join(', ')})`,
    kind: options.kind,
  };
  const sizes = reads.map((r) => r.pageSize ?? DEFAULT_PAGE_SIZE);
  let data: Record<string, Connection | undefined>;
  for (;;) {
    const variables = { ...base, ...Object.fromEntries(sizes.map((size, n) => [`p${n}`, size])) };
    try {
      data = await transport.core<Record<string, Connection | undefined>>(query, variables, opts);
      break;
    } catch (e) {
      // A server with a smaller page cap: every read asks for at most that many.
      const cap = pageCapOf(e, Math.max(...sizes));
      if (cap === undefined) throw e;
      sizes.forEach((size, n) => (sizes[n] = Math.min(cap, size)));
    }
  }
  return Promise.all(
    reads.map(async (r, n) => {
      const plural = recordApiNames(r.object).findMany;
      const connection = data[plural];
      if (!connection) throw new Error(`Twenty's answer has no ${plural}`);
      const rows = connection.edges.map((e) => e.node as RecordRow);
      const after = nextCursor(connection, null, r.object.namePlural);
      if (after === null) return rows;
      return [...rows, ...(await readAll(transport, { ...r, pageSize: sizes[n]!, after }))];
    }),
  );
}
