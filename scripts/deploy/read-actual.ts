// Actual state: what the workspace has, in as few reads as Twenty allows: one
// paged metadata read (objects with their fieldsList), one read of the labels per
// other locale (Twenty answers labels in the `x-locale` asked for; object- and
// field-metadata resolvers, resolveTranslatableString), one read of all views, and
// one read per seeded object, filtered to the seeds' keys.
import type { TwentyClient } from '../twenty/client.ts';
import { parseObjects, parseViews, type RawObjectNode, type RawView } from './parse-actual.ts';
import type { ActualObject, ActualState, DesiredSeed, TranslationMap } from './state.ts';

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
      id objectMetadataId name type key icon position mainGroupByFieldMetadataId kanbanAggregateOperation
      viewFields { id fieldMetadataId position isVisible size }
      viewGroups { id fieldValue position isVisible }
      viewSorts { id fieldMetadataId direction }
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
export async function allObjectPages<N>(client: TwentyClient, query: string, kind: string, locale?: string, first?: Connection<N>): Promise<N[]> {
  const out: N[] = first ? first.edges.map((e) => e.node) : [];
  if (first && (!first.pageInfo.hasNextPage || !first.pageInfo.endCursor)) return out;
  let after: string | null = first?.pageInfo.endCursor ?? null;
  for (let page = 0; page < 100; page++) {
    const data: { objects: Connection<N> } = await client.metadata<{ objects: Connection<N> }>(query, { after }, {
      operation: locale ? `read the workspace's ${locale} labels` : "read the workspace's objects and fields",
      kind,
      ...(locale ? { locale } : {}),
    });
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
  type Node = { id: string; labelSingular: string; labelPlural: string; description: string | null; fieldsList: Array<{ id: string; label: string; description: string | null }> };
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

/** The records a seed may already have: by deterministic id or by natural key. */
export async function readSeedRecords(
  client: TwentyClient,
  seed: DesiredSeed,
  object: ActualObject,
): Promise<Array<Record<string, unknown> & { id: string }>> {
  const namePlural = object.namePlural;
  const existing = new Set(object.fields.filter((f) => f.isActive).map((f) => f.name));
  const selection = recordSelection(seed, existing);
  const filter = seedFilter(seed, existing);
  const out: Array<Record<string, unknown> & { id: string }> = [];
  let after: string | null = null;
  const query = `query BankpackSeed($after: String, $filter: ${pascal(seed.object)}FilterInput) {
    ${namePlural}(first: 60, after: $after, filter: $filter) { edges { node { ${selection} } } pageInfo { hasNextPage endCursor } }
  }`;
  for (let page = 0; page < 1000; page++) {
    type Page = Record<string, Connection<Record<string, unknown> & { id: string }> | undefined>;
    const data: Page = await client.core<Page>(
      query,
      { after, filter },
      { operation: `read ${namePlural}`, kind: `records:${seed.object}` },
    );
    const conn: Page[string] = data[namePlural];
    if (!conn) break;
    out.push(...conn.edges.map((e) => e.node));
    if (!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor) break;
    after = conn.pageInfo.endCursor;
  }
  return out;
}

/** `id` plus every field the seeds set; composite values select their own sub-fields. */
export function recordSelection(seed: DesiredSeed, existing: ReadonlySet<string>): string {
  const fields = new Map<string, Set<string> | null>();
  for (const r of seed.records) {
    for (const [k, v] of Object.entries(r.data)) {
      if (!existing.has(k)) continue; // a field this deploy has yet to create
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const subs = fields.get(k) ?? new Set<string>();
        for (const sub of Object.keys(v)) subs.add(sub);
        fields.set(k, subs);
      } else if (!fields.has(k)) fields.set(k, null);
    }
  }
  fields.delete('id');
  const parts = ['id'];
  for (const [k, subs] of fields) parts.push(subs && subs.size > 0 ? `${k} { ${[...subs].join(' ')} }` : k);
  return parts.join(' ');
}

/** Only the records that could match: by id, or by a scalar natural key. */
export function seedFilter(seed: DesiredSeed, existing: ReadonlySet<string>): Record<string, unknown> | null {
  const ids = { id: { in: seed.records.map((r) => r.id) } };
  if (!seed.key.every((k) => existing.has(k))) return ids;
  const scalarKey = seed.key.every((k) => seed.records.every((r) => r.data[k] === null || ['string', 'number', 'boolean'].includes(typeof r.data[k])));
  if (!scalarKey || seed.key.length === 0) return null;
  if (seed.key.length === 1) {
    const k = seed.key[0]!;
    return { or: [ids, { [k]: { in: seed.records.map((r) => r.data[k]).filter((v) => v !== null) } }] };
  }
  return { or: [ids, ...seed.records.map((r) => ({ and: seed.key.map((k) => ({ [k]: { eq: r.data[k] } })) }))] };
}

export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export interface ReadOptions {
  /** Locales other than the deploy locale whose labels the pack sets. */
  locales: string[];
  seeds: DesiredSeed[];
}

/** The whole actual state, read once. */
export async function readActual(client: TwentyClient, options: ReadOptions): Promise<ActualState> {
  const objects = await readObjects(client);
  const [views] = await Promise.all([
    readViews(client),
    ...options.locales.map((l) => readTranslations(client, objects, l)),
  ]);
  const records: ActualState['records'] = {};
  await Promise.all(
    options.seeds.map(async (seed) => {
      const object = objects.find((o) => o.nameSingular === seed.object);
      if (!object) return; // created by this deploy: nothing to read yet
      records[seed.object] = [...(records[seed.object] ?? []), ...(await readSeedRecords(client, seed, object))];
    }),
  );
  return { objects, views, records, locales: options.locales };
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
