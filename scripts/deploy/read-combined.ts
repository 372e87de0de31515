// A plan's reads in as few requests as Twenty allows: different root fields share
// one document, within each endpoint's limits (docs/twenty-facts.md, "Records API"
// and "Metadata API": 10 root resolvers on /metadata, 20 on /graphql, a repeated
// root field refused even under an alias).
// - /metadata: the server check (introspection), objects with their fields,
//   views and (when the pack defines roles) roles, in one request; labels in
//   another locale need their own (x-locale).
// - /graphql: one root field per seeded object, up to 20 a request.
import { judgeCapabilities, type ServerCapabilities } from '../twenty/compat.ts';
import type { TwentyClient } from '../twenty/client.ts';
import { isTwentyError } from '../twenty/errors.ts';
import { parseObjects, parseViews, type RawObjectNode, type RawView } from './parse-actual.ts';
import { allObjectPages, type Connection, OBJECTS_FIELD, pascal, readSeedRecords, recordSelection, seedFilter, VIEWS_FIELD } from './read-actual.ts';
import { ROLES_FIELD, type ActualRole } from './roles-plan.ts';
import type { ActualObject, ActualState, DesiredSeed } from './state.ts';

/** GRAPHQL_MAX_ROOT_RESOLVERS' default. */
export const MAX_RECORDS_ROOT_FIELDS = 20;

const metadataDocument = (roles: boolean): string => `query BankpackWorkspace($after: ConnectionCursor) {
  __schema { queryType { fields { name } } mutationType { fields { name } } }
  ${OBJECTS_FIELD}
  ${VIEWS_FIELD}
  ${roles ? ROLES_FIELD : ''}
}`;

interface MetadataAnswer {
  __schema: { queryType: { fields: Array<{ name: string }> } | null; mutationType: { fields: Array<{ name: string }> } | null };
  objects: Connection<RawObjectNode>;
  getViews: RawView[];
  getRoles?: ActualRole[];
}

export interface WorkspaceMetadata {
  caps: ServerCapabilities;
  objects: ActualObject[];
  views: ActualState['views'];
  /** Present when asked for (`withRoles`). */
  roles?: ActualRole[];
}

/**
 * The server check, objects and views in one request. Undefined when the server refuses the
 * combined document (introspection turned off, or a schema without one of the fields): the
 * caller then reads them one by one, which says precisely what is missing.
 */
export async function readWorkspaceMetadata(client: TwentyClient, options: { withRoles?: boolean } = {}): Promise<WorkspaceMetadata | undefined> {
  let data: MetadataAnswer;
  try {
    data = await client.metadata<MetadataAnswer>(metadataDocument(options.withRoles === true), { after: null }, { operation: "read the workspace's objects, fields and views", kind: 'metadata' });
  } catch (e) {
    if (isTwentyError(e) && (e.kind === 'schema-mismatch' || e.kind === 'invalid-input')) return undefined;
    throw e;
  }
  const caps = judgeCapabilities(data.__schema.queryType?.fields.map((f) => f.name) ?? [], data.__schema.mutationType?.fields.map((f) => f.name) ?? []);
  const OBJECTS = `query BankpackObjects($after: ConnectionCursor) { ${OBJECTS_FIELD} }`;
  const nodes = await allObjectPages<RawObjectNode>(client, OBJECTS, 'metadata', undefined, data.objects);
  return { caps, objects: parseObjects(nodes), views: parseViews(data.getViews), ...(data.getRoles ? { roles: data.getRoles } : {}) };
}

interface SeedRead {
  object: ActualObject;
  seeds: DesiredSeed[];
}

/** Several seeds of one object share its root field: their filters joined with `or`. */
function mergedFilter(read: SeedRead, existing: ReadonlySet<string>): Record<string, unknown> | null {
  const filters = read.seeds.map((s) => seedFilter(s, existing));
  if (filters.some((f) => f === null)) return null;
  return filters.length === 1 ? filters[0]! : { or: filters };
}

/** The records the seeds may already have, every seeded object in one request per 20. */
export async function readSeedsCombined(client: TwentyClient, seeds: readonly DesiredSeed[], objects: readonly ActualObject[]): Promise<ActualState['records']> {
  const byObject = new Map<string, SeedRead>();
  for (const seed of seeds) {
    const object = objects.find((o) => o.nameSingular === seed.object);
    if (!object) continue; // created by this deploy: nothing to read yet
    const read = byObject.get(seed.object) ?? { object, seeds: [] };
    read.seeds.push(seed);
    byObject.set(seed.object, read);
  }
  const records: ActualState['records'] = {};
  const reads = [...byObject.values()];
  for (let i = 0; i < reads.length; i += MAX_RECORDS_ROOT_FIELDS) {
    const chunk = reads.slice(i, i + MAX_RECORDS_ROOT_FIELDS);
    const variables: Record<string, unknown> = {};
    const params: string[] = [];
    const fields = chunk.map((r, n) => {
      const existing = new Set(r.object.fields.filter((f) => f.isActive).map((f) => f.name));
      const selection = recordSelection({ ...r.seeds[0]!, records: r.seeds.flatMap((s) => s.records) }, existing);
      variables[`f${n}`] = mergedFilter(r, existing);
      params.push(`$f${n}: ${pascal(r.object.nameSingular)}FilterInput`);
      return `${r.object.namePlural}(first: 60, filter: $f${n}) { edges { node { ${selection} } } pageInfo { hasNextPage endCursor } }`;
    });
    type Answer = Record<string, Connection<Record<string, unknown> & { id: string }> | undefined>;
    const data = await client.core<Answer>(`query BankpackSeeds(${params.join(', ')}) { ${fields.join(' ')} }`, variables, {
      operation: `read the seeded records (${chunk.map((r) => r.object.namePlural).join(', ')})`,
      kind: 'records',
    });
    await Promise.all(
      chunk.map(async (r) => {
        const conn = data[r.object.namePlural];
        // Past the first page (rare: seeds are read by their keys), read that object seed by seed.
        if (conn?.pageInfo.hasNextPage) {
          records[r.object.nameSingular] = (await Promise.all(r.seeds.map((s) => readSeedRecords(client, s, r.object)))).flat();
        } else records[r.object.nameSingular] = conn?.edges.map((e) => e.node) ?? [];
      }),
    );
  }
  return records;
}
