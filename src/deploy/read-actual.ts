// Actual state: what the workspace has, in as few reads as Twenty allows: one
// paged metadata read (objects with their fieldsList), one read of the labels per
// other locale (Twenty answers labels in the `x-locale` asked for; object- and
// field-metadata resolvers, resolveTranslatableString), one read of all views. The
// seeded records are read by the seed phase (seed/read.ts).
import type { TwentyClient } from '../twenty/index.ts';
import { parseObjects, parseViews, type RawObjectNode, type RawView } from './parse-actual.ts';
import type { ActualObject, ActualState, TranslationMap } from './state.ts';

const PAGE = 1000; // MAX_METADATA_GRAPHQL_PAGE_SIZE (pagination/utils/parse-graphql-metadata-pagination.util.ts @41d2425)

/** One object node of the full metadata read. */
export const OBJECT_NODE = `id universalIdentifier nameSingular namePlural labelSingular labelPlural description icon
        isActive isSystem isSearchable applicationId labelIdentifierFieldMetadataId
        fieldsList {
          id universalIdentifier name label type description icon isActive isSystem isNullable isUnique
          defaultValue options settings objectMetadataId applicationId
          relation { type targetObjectMetadata { id nameSingular } targetFieldMetadata { id name } }
        }`;

/** The `objects` root field, one page of it. */
export const OBJECTS_FIELD = `objects(paging: { first: ${PAGE}, after: $after }) {
      pageInfo { hasNextPage endCursor }
      edges { node { ${OBJECT_NODE} } }
    }`;

/** The `getViews` root field. */
export const VIEWS_FIELD = `getViews {
      id universalIdentifier objectMetadataId name type key icon position mainGroupByFieldMetadataId kanbanAggregateOperation
      viewFields { id fieldMetadataId position isVisible size }
      viewGroups { id fieldValue position isVisible }
      viewSorts { id fieldMetadataId direction }
      viewFilters { id fieldMetadataId operand value subFieldName }
    }`;

const OBJECTS = `query BankpackObjects($after: ConnectionCursor) { ${OBJECTS_FIELD} }`;

const LABELS = /* GraphQL */ `
  query BankpackLabels($after: ConnectionCursor) {
    objects(paging: { first: ${PAGE}, after: $after }) {
      pageInfo { hasNextPage endCursor }
      edges { node { id labelSingular labelPlural description fieldsList { id label description } } }
    }
  }
`;

const VIEWS = `query BankpackViews { ${VIEWS_FIELD} }`;

export interface Connection<N> {
  pageInfo: { hasNextPage?: boolean | null; endCursor?: string | null };
  edges: Array<{ node: N }>;
}

/** Every page of `objects`, with the query given (the full read or the labels read). */
export async function allObjectPages<N>(
  client: TwentyClient,
  query: string,
  kind: string,
  locale?: string,
  first?: Connection<N>,
): Promise<N[]> {
  const out: N[] = first ? first.edges.map((e) => e.node) : [];
  if (first && (!first.pageInfo.hasNextPage || !first.pageInfo.endCursor)) return out;
  let after: string | null = first?.pageInfo.endCursor ?? null;
  for (let page = 0; page < 100; page++) {
    const data: { objects: Connection<N> } = await client.metadata<{ objects: Connection<N> }>(
      query,
      { after },
      {
        operation: locale ? `read the workspace's ${locale} labels` : "read the workspace's objects and fields",
        kind,
        ...(locale ? { locale } : {}),
      },
    );
    out.push(...data.objects.edges.map((e) => e.node));
    if (!data.objects.pageInfo.hasNextPage || !data.objects.pageInfo.endCursor) break;
    after = data.objects.pageInfo.endCursor;
  }
  return out;
}

export async function readObjects(client: TwentyClient): Promise<ActualObject[]> {
  return parseObjects(await allObjectPages<RawObjectNode>(client, OBJECTS, 'metadata'));
}

/** Labels as Twenty shows them in `locale`, merged into the objects' and fields' translation maps. */
export async function readTranslations(client: TwentyClient, objects: ActualObject[], locale: string): Promise<void> {
  type Node = {
    id: string;
    labelSingular: string;
    labelPlural: string;
    description: string | null;
    fieldsList: Array<{ id: string; label: string; description: string | null }>;
  };
  const nodes = await allObjectPages<Node>(client, LABELS, `translations:${locale}`, locale);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const put = (map: TranslationMap, property: string, value: string | null): void => {
    if (value !== null && value !== undefined) (map[locale] ??= {})[property] = value;
  };
  for (const o of objects) {
    const n = byId.get(o.id);
    if (!n) continue;
    put(o.translations, 'labelSingular', n.labelSingular);
    put(o.translations, 'labelPlural', n.labelPlural);
    put(o.translations, 'description', n.description);
    const fields = new Map(n.fieldsList.map((f) => [f.id, f]));
    for (const f of o.fields) {
      const nf = fields.get(f.id);
      if (!nf) continue;
      put(f.translations, 'label', nf.label);
      put(f.translations, 'description', nf.description);
    }
  }
}

export async function readViews(client: TwentyClient): Promise<ActualState['views']> {
  const data = await client.metadata<{ getViews: RawView[] }>(VIEWS, undefined, { operation: "read the workspace's views", kind: 'views' });
  return parseViews(data.getViews);
}

/**
 * The application that owns what is created through /metadata (schema-apply.service.ts uses
 * workspaceCustomFlatApplication); undefined when the server will not say.
 */
export async function readCustomApplicationId(client: TwentyClient): Promise<string | undefined> {
  try {
    const data = await client.metadata<{ currentWorkspace: { workspaceCustomApplicationId: string | null } }>(
      'query BankpackWorkspace { currentWorkspace { workspaceCustomApplicationId } }',
      undefined,
      { operation: "read the workspace's custom application", kind: 'workspace' },
    );
    return data.currentWorkspace.workspaceCustomApplicationId ?? undefined;
  } catch {
    return undefined;
  }
}
