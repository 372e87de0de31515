// A plan's reads in as few requests as Twenty allows: different root fields share
// one document, within each endpoint's limits (docs/twenty-facts.md, "Records API"
// and "Metadata API": 10 root resolvers on /metadata, 20 on /graphql, a repeated
// root field refused even under an alias).
// - /metadata: the server check (introspection), objects with their fields,
//   views and (when the pack defines roles) roles, in one request; labels in
//   another locale need their own (x-locale).
// - /graphql: the seeded records, one root field per seeded object (seed/read.ts).
import { judgeCapabilities, type ServerCapabilities, type TwentyClient, isTwentyError } from '../twenty/index.ts';
import { parseObjects, parseViews, type RawObjectNode, type RawView } from './parse-actual.ts';
import { allObjectPages, type Connection, OBJECTS_FIELD, VIEWS_FIELD } from './read-actual.ts';
import { ROLES_FIELDS, workspaceRolesOf, type RolesAnswer, type WorkspaceRoles } from './roles-read.ts';
import type { ActualObject, ActualState } from './state.ts';

const metadataDocument = (roles: boolean): string => `query BankpackWorkspace($after: ConnectionCursor) {
  __schema { queryType { fields { name } } mutationType { fields { name } } }
  ${OBJECTS_FIELD}
  ${VIEWS_FIELD}
  ${roles ? ROLES_FIELDS : ''}
}`;

interface MetadataAnswer extends Partial<RolesAnswer> {
  __schema: { queryType: { fields: Array<{ name: string }> } | null; mutationType: { fields: Array<{ name: string }> } | null };
  objects: Connection<RawObjectNode>;
  getViews: RawView[];
}

export interface WorkspaceMetadata {
  caps: ServerCapabilities;
  objects: ActualObject[];
  views: ActualState['views'];
  /** Present when asked for (`withRoles`). */
  roles?: WorkspaceRoles;
}

/**
 * The server check, objects and views in one request. Undefined when the server refuses the
 * combined document (introspection turned off, or a schema without one of the fields): the
 * caller then reads them one by one, which says precisely what is missing.
 */
export async function readWorkspaceMetadata(
  client: TwentyClient,
  options: { withRoles?: boolean } = {},
): Promise<WorkspaceMetadata | undefined> {
  let data: MetadataAnswer;
  try {
    data = await client.metadata<MetadataAnswer>(
      metadataDocument(options.withRoles === true),
      { after: null },
      { operation: "read the workspace's objects, fields and views", kind: 'metadata' },
    );
  } catch (e) {
    if (isTwentyError(e) && (e.kind === 'schema-mismatch' || e.kind === 'invalid-input')) return undefined;
    throw e;
  }
  const caps = judgeCapabilities(
    data.__schema.queryType?.fields.map((f) => f.name) ?? [],
    data.__schema.mutationType?.fields.map((f) => f.name) ?? [],
  );
  const OBJECTS = `query BankpackObjects($after: ConnectionCursor) { ${OBJECTS_FIELD} }`;
  const nodes = await allObjectPages<RawObjectNode>(client, OBJECTS, 'metadata', undefined, data.objects);
  return {
    caps,
    objects: parseObjects(nodes),
    views: parseViews(data.getViews),
    ...(data.getRoles ? { roles: workspaceRolesOf({ getRoles: data.getRoles, currentWorkspace: data.currentWorkspace ?? null }) } : {}),
  };
}
