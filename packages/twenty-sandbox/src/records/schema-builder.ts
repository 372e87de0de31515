// The /graphql schema of a workspace, generated from its active objects the way
// Twenty's workspace schema builder does (twentyhq/twenty packages/twenty-server/
// src/engine/api/graphql/workspace-schema-builder/): per object an output type,
// Edge and Connection {edges {node cursor} pageInfo totalCount}, FilterInput
// (and / or / not), OrderByInput, CreateInput, UpdateInput, and the resolvers
// named by get-resolver-name.util.ts with the arguments of get-resolver-args.util.ts.
// Rebuilt whenever the workspace's metadata version moves.
import {
  GraphQLBoolean,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLResolveInfo,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { UUIDScalar } from '../schema/scalars.ts';
import type { ObjectMeta, RecordRow } from '../state/types.ts';
import type { Workspace } from '../state/workspace.ts';
import { COMPOSITE_TYPES } from './composite-types.ts';
import { FieldTypes } from './field-types.ts';
import { type FindManyArgs, findMany, type Page } from './find-many.ts';
import type { FilterInput } from './filter.ts';
import { PageInfo } from './graphql-types.ts';
import { type RecordModel, recordModel } from './model.ts';
import * as write from './mutations.ts';
import { resolverNames, typeName } from './naming.ts';
import { specialRootFields } from './special-mutations.ts';
import { checkRecordPermissions, operationOf } from './permissions.ts';
import { applyRowLevel, rowLevelFilter } from './row-level.ts';
import type { RoleRow } from '../metadata/roles.ts';
import { defaultValueOf } from './values.ts';

export interface RecordsContext {
  ws: Workspace;
  /**
   * Runs at the start of every generated records root field, as Twenty's query runner
   * checks throttle and selection complexity per resolver call (server/records-guard.ts).
   */
  beforeRecordsQuery?: (objectId: string, info: GraphQLResolveInfo) => void;
  /** The role of the API key or user session calling (metadata/roles.ts, members.ts); undefined: no restriction. */
  role?: RoleRow;
  /** Who calls: a user session's row-level rules apply to it (records/row-level.ts), an API key's do not. */
  principal?: 'user' | 'apiKey';
  memberId?: string;
}

/** QUERY_MAX_RECORDS_FROM_RELATION (twenty-shared constants): nested one-to-many pages. */
const QUERY_MAX_RECORDS_FROM_RELATION = 60;

interface ObjectTypes {
  model: RecordModel;
  output: GraphQLObjectType;
  connection: GraphQLObjectType;
  filter: GraphQLInputObjectType;
  orderBy: GraphQLInputObjectType;
  create: GraphQLInputObjectType;
  update: GraphQLInputObjectType;
}

function connectionValue(page: Page): Record<string, unknown> {
  return {
    edges: page.rows.map((node, i) => ({ node, cursor: page.cursors[i] })),
    pageInfo: page.pageInfo,
    totalCount: page.totalCount,
  };
}

const findManyArgs = (t: ObjectTypes) => ({
  filter: { type: t.filter },
  orderBy: { type: new GraphQLList(new GraphQLNonNull(t.orderBy)) },
  first: { type: GraphQLInt },
  last: { type: GraphQLInt },
  offset: { type: GraphQLInt },
  before: { type: GraphQLString },
  after: { type: GraphQLString },
});

const NOT_WRITABLE = ['id', 'createdAt', 'updatedAt', 'deletedAt'];

export function buildRecordsSchema(ws: Workspace): GraphQLSchema {
  const types = new Map<string, ObjectTypes>();
  const fieldTypes = new FieldTypes();
  // An object whose type names would clash with a shared type is left out rather
  // than breaking the whole schema (Twenty's reserved names prevent most clashes).
  const taken = new Set(SHARED_TYPE_NAMES);
  const objects = [...ws.objects.values()]
    .filter((o) => o.isActive)
    .sort((a, b) => a.nameSingular.localeCompare(b.nameSingular))
    // Standard objects the catalogue cannot type yet (only system fields known) would
    // give an input type without fields, which graphql-js refuses: they are not served.
    .filter((o) => recordModel(ws, o).fields.some((f) => f.type !== 'RELATION' && !NOT_WRITABLE.includes(f.name)))
    .filter((o) => {
      const name = typeName(o);
      const derived = [
        name,
        `${name}Edge`,
        `${name}Connection`,
        `${name}FilterInput`,
        `${name}OrderByInput`,
        `${name}CreateInput`,
        `${name}UpdateInput`,
      ];
      if (derived.some((d) => taken.has(d))) return false;
      for (const d of derived) taken.add(d);
      return true;
    });
  const now = new Date().toISOString();

  for (const object of objects) {
    const model = recordModel(ws, object);
    const name = typeName(object);
    const t = {} as ObjectTypes;
    t.model = model;
    t.output = new GraphQLObjectType({ name, fields: () => outputFields(t) });
    const edge = new GraphQLObjectType({
      name: `${name}Edge`,
      fields: { node: { type: new GraphQLNonNull(t.output) }, cursor: { type: new GraphQLNonNull(GraphQLString) } },
    });
    t.connection = new GraphQLObjectType({
      name: `${name}Connection`,
      fields: {
        edges: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(edge))) },
        pageInfo: { type: new GraphQLNonNull(PageInfo) },
        totalCount: { type: new GraphQLNonNull(GraphQLInt) },
      },
    });
    t.filter = new GraphQLInputObjectType({ name: `${name}FilterInput`, fields: () => filterFields(t) });
    t.orderBy = new GraphQLInputObjectType({ name: `${name}OrderByInput`, fields: () => orderByFields(t) });
    t.create = new GraphQLInputObjectType({ name: `${name}CreateInput`, fields: () => inputFields(t, 'create') });
    t.update = new GraphQLInputObjectType({ name: `${name}UpdateInput`, fields: () => inputFields(t, 'update') });
    types.set(object.id, t);
  }

  function outputFields(t: ObjectTypes): GraphQLFieldConfigMap<RecordRow, RecordsContext> {
    const fields: GraphQLFieldConfigMap<RecordRow, RecordsContext> = {};
    for (const f of t.model.fields) {
      if (f.type === 'RELATION') {
        const target = f.relationTargetObjectMetadataId ? types.get(f.relationTargetObjectMetadataId) : undefined;
        if (!target) continue;
        const column = f.settings?.joinColumnName;
        if (f.settings?.relationType === 'MANY_TO_ONE' && typeof column === 'string') {
          fields[f.name] = {
            type: target.output,
            resolve: (row, _a, { ws: w }) => {
              const id = row[column];
              const hit = typeof id === 'string' ? w.table(target.model.object.id).get(id) : undefined;
              return hit && (hit.deletedAt === null || hit.deletedAt === undefined) ? hit : null;
            },
          };
          fields[column] = { type: UUIDScalar, resolve: (row) => row[column] ?? null };
        } else {
          const inverse = f.relationTargetFieldMetadataId ? ws.fields.get(f.relationTargetFieldMetadataId) : undefined;
          const inverseColumn = inverse?.settings?.joinColumnName;
          if (typeof inverseColumn !== 'string') continue;
          fields[f.name] = {
            type: target.connection,
            args: findManyArgs(target),
            resolve: (row, args, { ws: w }) => {
              const table = w.table(target.model.object.id);
              const children = table.groupedBy(inverseColumn).get(row.id) ?? [];
              const scoped: FilterInput = { and: [args.filter ?? {}, { id: { in: children.map((c) => c.id) } }] };
              return connectionValue(
                findMany(table, target.model.composite, { ...(args as FindManyArgs), filter: scoped }, QUERY_MAX_RECORDS_FROM_RELATION),
              );
            },
          };
        }
        continue;
      }
      const fallback = defaultValueOf(f, now);
      fields[f.name] = {
        type: fieldTypes.output(t.model.object, f),
        resolve: (row) => (row[f.name] !== undefined ? row[f.name] : fallback),
      };
    }
    return fields;
  }

  function filterFields(t: ObjectTypes): GraphQLInputFieldConfigMap {
    const fields: GraphQLInputFieldConfigMap = {};
    for (const f of t.model.fields) {
      if (f.type === 'RELATION') continue;
      fields[f.name] = { type: fieldTypes.filter(f) };
    }
    for (const j of t.model.joins) fields[j.column] = { type: fieldTypes.filter({ ...j.field, type: 'UUID' }) };
    fields.and = { type: new GraphQLList(new GraphQLNonNull(t.filter)) };
    fields.or = { type: new GraphQLList(new GraphQLNonNull(t.filter)) };
    fields.not = { type: t.filter };
    return fields;
  }

  function orderByFields(t: ObjectTypes): GraphQLInputFieldConfigMap {
    const fields: GraphQLInputFieldConfigMap = {};
    for (const f of t.model.fields) if (f.type !== 'RELATION') fields[f.name] = { type: fieldTypes.orderBy(f) };
    for (const j of t.model.joins) fields[j.column] = { type: fieldTypes.orderBy({ ...j.field, type: 'UUID' }) };
    return fields;
  }

  function inputFields(t: ObjectTypes, kind: 'create' | 'update'): GraphQLInputFieldConfigMap {
    const fields: GraphQLInputFieldConfigMap = {};
    for (const f of t.model.fields) {
      if (f.type === 'RELATION' || ['createdAt', 'updatedAt', 'deletedAt'].includes(f.name)) continue;
      if (f.name === 'id' && kind === 'update') continue;
      fields[f.name] = { type: fieldTypes.input(t.model.object, f, kind) };
    }
    for (const j of t.model.joins) fields[j.column] = { type: UUIDScalar };
    return fields;
  }

  const query: GraphQLFieldConfigMap<unknown, RecordsContext> = {};
  const mutation: GraphQLFieldConfigMap<unknown, RecordsContext> = {};
  for (const object of objects) {
    const t = types.get(object.id) as ObjectTypes;
    addRootFields(query, mutation, object, t);
  }
  const special = specialRootFields(ws);
  Object.assign(query, special.query);
  Object.assign(mutation, special.mutation);
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: query }),
    mutation: new GraphQLObjectType({ name: 'Mutation', fields: mutation }),
  });
}

type Root = GraphQLFieldConfigMap<unknown, RecordsContext>;
type Args = Record<string, unknown>;

function addRootFields(query: Root, mutation: Root, object: ObjectMeta, t: ObjectTypes): void {
  const n = resolverNames(object);
  const m = t.model;
  const list = new GraphQLList(t.output);
  const id = { id: { type: new GraphQLNonNull(UUIDScalar) } };
  const filterRequired = { filter: { type: new GraphQLNonNull(t.filter) } };
  const field = (
    type: GraphQLFieldConfig<unknown, RecordsContext>['type'],
    args: GraphQLFieldConfig<unknown, RecordsContext>['args'],
    resolve: (a: Args, ws: Workspace) => unknown,
  ): GraphQLFieldConfig<unknown, RecordsContext> => ({
    type,
    args,
    resolve: (_s, a: Args, ctx, info) => {
      ctx.beforeRecordsQuery?.(object.id, info);
      checkRecordPermissions(ctx.role, m, operationOf(info.fieldName, n as unknown as Record<string, string>), info, a);
      if (ctx.principal !== 'user') return resolve(a, ctx.ws);
      const verb = Object.entries(n).find(([, name]) => name === info.fieldName)?.[0] ?? '';
      return resolve(applyRowLevel(ctx.ws, m, verb, a, rowLevelFilter(ctx.ws, m, ctx.role?.id, ctx.memberId)), ctx.ws);
    },
  });
  const filterOf = (a: Args): FilterInput | undefined => (a.filter ?? undefined) as FilterInput | undefined;

  query[n.findMany] = field(t.connection, findManyArgs(t), (a, ws) =>
    connectionValue(findMany(ws.table(object.id), m.composite, a as FindManyArgs)),
  );
  query[n.findOne] = field(t.output, filterRequired, (a, ws) => {
    const page = findMany(ws.table(object.id), m.composite, { filter: filterOf(a), first: 1 });
    if (!page.rows[0]) throw write.recordNotFound();
    return page.rows[0];
  });
  mutation[n.createOne] = field(
    t.output,
    { data: { type: new GraphQLNonNull(t.create) }, upsert: { type: GraphQLBoolean } },
    (a, ws) => write.createRecords(ws, m, [a.data as Args], a.upsert === true, false)[0],
  );
  mutation[n.createMany] = field(
    list,
    { data: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(t.create))) }, upsert: { type: GraphQLBoolean } },
    (a, ws) => write.createRecords(ws, m, a.data as Args[], a.upsert === true, true),
  );
  mutation[n.updateOne] = field(t.output, { ...id, data: { type: new GraphQLNonNull(t.update) } }, (a, ws) =>
    write.updateOne(ws, m, String(a.id), a.data as Args),
  );
  mutation[n.updateMany] = field(list, { data: { type: new GraphQLNonNull(t.update) }, ...filterRequired }, (a, ws) =>
    write.updateMany(ws, m, filterOf(a), a.data as Args),
  );
  mutation[n.deleteOne] = field(t.output, id, (a, ws) => write.softDeleteOne(ws, m, String(a.id)));
  mutation[n.deleteMany] = field(list, filterRequired, (a, ws) => write.softDeleteMany(ws, m, filterOf(a)));
  mutation[n.destroyOne] = field(t.output, id, (a, ws) => write.destroyOne(ws, m, String(a.id)));
  mutation[n.destroyMany] = field(list, filterRequired, (a, ws) => write.destroyMany(ws, m, filterOf(a)));
  mutation[n.restoreOne] = field(t.output, id, (a, ws) => write.restoreOne(ws, m, String(a.id)));
  mutation[n.restoreMany] = field(list, filterRequired, (a, ws) => write.restoreMany(ws, m, filterOf(a)));
}

const SHARED_TYPE_NAMES = [
  'Query',
  'Mutation',
  'PageInfo',
  'OrderByDirection',
  'FilterIs',
  'ActorSource',
  'UUID',
  'DateTime',
  'Date',
  'JSON',
  'BigFloat',
  'Position',
  'StringFilter',
  'UUIDFilter',
  'FloatFilter',
  'BigFloatFilter',
  'DateTimeFilter',
  'DateFilter',
  'BooleanFilter',
  'SelectFilter',
  'MultiSelectFilter',
  'RawJsonFilter',
  'ArrayFilter',
  'String',
  'Int',
  'Float',
  'Boolean',
  'ID',
  ...Object.values(COMPOSITE_TYPES).flatMap((c) => [
    c.graphqlName,
    `${c.graphqlName}CreateInput`,
    `${c.graphqlName}UpdateInput`,
    `${c.graphqlName}FilterInput`,
    `${c.graphqlName}OrderByInput`,
  ]),
];

const cache = new WeakMap<Workspace, { version: number; schema: GraphQLSchema }>();

/** The workspace's /graphql schema, rebuilt only when its metadata changed. */
export function recordsSchema(ws: Workspace): GraphQLSchema {
  const hit = cache.get(ws);
  if (hit && hit.version === ws.metadataVersion) return hit.schema;
  const schema = buildRecordsSchema(ws);
  cache.set(ws, { version: ws.metadataVersion, schema });
  return schema;
}
