// Resolvers of the /metadata root fields and nested fields the sandbox serves.
// Root fields of the 2.43.0 schema that are not listed here answer with an
// explicit "not served by the sandbox" error.
import { defaultFieldResolver, type GraphQLFieldResolver } from 'graphql';
import { notFoundError, TwentyError } from '../server/twenty-errors.ts';
import { myConnectedAccounts } from '../workflows/connected-accounts.ts';
import type { PrincipalContext } from '../workflows/principal.ts';
import type { FieldMeta, ObjectMeta, ViewChildKind, ViewChildRow, ViewRow } from '../state/types.ts';
import type { Workspace } from '../state/workspace.ts';
import { fieldDto, objectDto, viewChildDto, viewDto, workspaceDto } from './dto.ts';
import { createField, deleteField, updateField } from './fields.ts';
import { createObject, deleteObject, updateManyObjects, updateObject } from './objects.ts';
import { updateWorkspaceMemberRole, type CallerContext } from './members.ts';
import { API_KEY_MUTATIONS } from './api-keys.ts';
import { ROLE_MUTATIONS, ROLE_QUERIES } from './role-resolvers.ts';
import { APP_MUTATIONS, APP_QUERIES } from './app-sync/sync.ts';
import { matchesMetadataFilter, paginateById, type Paging } from './paging.ts';
import { childrenOf, createChildren, createView, removeChild, removeView, updateChild, updateView } from './views.ts';

export interface MetadataContext {
  ws: Workspace;
  /** The `x-locale` header: Twenty answers translatable labels in it (object-/field-metadata.resolver.ts, resolveTranslatableString). */
  locale?: string;
}

/** A stored translation override for the asked locale, else the source value. */
const inLocale =
  (property: string): Resolver =>
  (s, _a, { locale }) => {
    const list = Array.isArray(s.translations) ? (s.translations as Array<{ locale: string; property: string; value: string | null }>) : [];
    const hit = locale ? list.find((t) => t.locale === locale && t.property === property && t.value) : undefined;
    return hit ? hit.value : s[property];
  };

type Args = Record<string, unknown>;
type Resolver = (source: Record<string, unknown>, args: Args, ctx: MetadataContext) => unknown;
type Input = Record<string, unknown>;

const objectsOf = (ws: Workspace): Array<ReturnType<typeof objectDto>> => [...ws.objects.values()].map(objectDto);
const fieldsOf = (ws: Workspace, objectId?: string): Array<Record<string, unknown>> =>
  (objectId ? ws.fieldsOf(objectId) : [...ws.fields.values()]).map(fieldDto);

function connection(items: ReadonlyArray<object>, args: Args): unknown {
  const rows = items as Array<Record<string, unknown> & { id: string }>;
  const filtered = rows.filter((i) => matchesMetadataFilter(i, args.filter as Input | undefined));
  return paginateById(filtered, args.paging as Paging | undefined);
}

function metadataWrite<T>(ctx: MetadataContext, fn: () => T): T {
  const result = fn();
  ctx.ws.metadataChanged();
  return result;
}

const views = (ws: Workspace, rows: ViewRow[]): Array<Record<string, unknown>> => rows.map((v) => viewDto(ws, v));
const kids = (ws: Workspace, rows: ViewChildRow[]): Array<Record<string, unknown>> => rows.map((r) => viewChildDto(ws, r));
const liveView = (ws: Workspace, id: string): ViewRow | undefined => {
  const v = ws.views.get(id);
  return v && !v.deletedAt ? v : undefined;
};
const idOf = (args: Args): string => String((args.input as Input | undefined)?.id ?? args.id);

function childQueries(kind: ViewChildKind, plural: string, single: string): Record<string, Resolver> {
  return {
    [plural]: (_s, a, { ws }) => kids(ws, childrenOf(ws, kind, a.viewId === null || a.viewId === undefined ? undefined : String(a.viewId))),
    [single]: (_s, a, { ws }) => {
      const row = ws.viewChildren[kind].get(String(a.id));
      return row && !row.deletedAt ? viewChildDto(ws, row) : null;
    },
  };
}

const Query: Record<string, Resolver> = {
  ...Object.fromEntries(Object.entries(APP_QUERIES).map(([k, r]) => [k, (_s: unknown, a: Args, ctx: MetadataContext) => r(a, ctx.ws)])),
  ...Object.fromEntries(Object.entries(ROLE_QUERIES).map(([k, r]) => [k, (_s: unknown, a: Args, ctx: MetadataContext) => r(a, ctx.ws)])),
  myConnectedAccounts: (_s, _a, ctx) => myConnectedAccounts(ctx as PrincipalContext),
  currentWorkspace: (_s, _a, { ws }) => workspaceDto(ws),
  objects: (_s, a, { ws }) => connection(objectsOf(ws), a),
  object: (_s, a, { ws }) => {
    const o = ws.objects.get(String(a.id));
    if (!o) throw notFoundError('Object does not exist');
    return objectDto(o);
  },
  fields: (_s, a, { ws }) => connection(fieldsOf(ws), a),
  field: (_s, a, { ws }) => {
    const f = ws.fields.get(String(a.id));
    if (!f) throw notFoundError('Field metadata not found');
    return fieldDto(f);
  },
  getViews: (_s, a, { ws }) => {
    const types = Array.isArray(a.viewTypes) ? (a.viewTypes as string[]) : undefined;
    const rows = [...ws.views.values()]
      .filter(
        (v) =>
          !v.deletedAt &&
          (a.objectMetadataId === undefined || a.objectMetadataId === null || v.objectMetadataId === a.objectMetadataId) &&
          (!types || types.includes(v.type)),
      )
      .sort((x, y) => x.position - y.position);
    return views(ws, rows);
  },
  getView: (_s, a, { ws }) => {
    const v = liveView(ws, String(a.id));
    return v ? viewDto(ws, v) : null;
  },
  ...childQueries('viewField', 'getViewFields', 'getViewField'),
  ...childQueries('viewGroup', 'getViewGroups', 'getViewGroup'),
  ...childQueries('viewSort', 'getViewSorts', 'getViewSort'),
  ...childQueries('viewFilter', 'getViewFilters', 'getViewFilter'),
  ...childQueries('viewFilterGroup', 'getViewFilterGroups', 'getViewFilterGroup'),
};

const inputOf = (a: Args): Input => (a.input ?? {}) as Input;
const updateOf = (a: Args): Input => (inputOf(a).update ?? {}) as Input;

const Mutation: Record<string, Resolver> = {
  ...Object.fromEntries(Object.entries(APP_MUTATIONS).map(([k, r]) => [k, (_s: unknown, a: Args, ctx: MetadataContext) => r(a, ctx.ws)])),
  ...Object.fromEntries(Object.entries(ROLE_MUTATIONS).map(([k, r]) => [k, (_s: unknown, a: Args, ctx: MetadataContext) => r(a, ctx.ws)])),
  ...Object.fromEntries(
    Object.entries(API_KEY_MUTATIONS).map(([k, r]) => [k, (_s: unknown, a: Args, ctx: MetadataContext) => r(a, ctx.ws)]),
  ),
  updateWorkspaceMemberRole: (_s, a, ctx) => updateWorkspaceMemberRole(a, ctx.ws, ctx as CallerContext),
  createOneObject: (_s, a, ctx) => metadataWrite(ctx, () => objectDto(createObject(ctx.ws, (inputOf(a).object ?? {}) as Input))),
  updateOneObject: (_s, a, ctx) => metadataWrite(ctx, () => objectDto(updateObject(ctx.ws, String(inputOf(a).id), updateOf(a)))),
  updateManyObjects: (_s, a, ctx) =>
    metadataWrite(ctx, () => updateManyObjects(ctx.ws, (a.inputs as Array<{ id: string; update: Input }>) ?? []).map(objectDto)),
  deleteOneObject: (_s, a, ctx) => metadataWrite(ctx, () => objectDto(deleteObject(ctx.ws, String(inputOf(a).id)))),
  createOneField: (_s, a, ctx) => metadataWrite(ctx, () => fieldDto(createField(ctx.ws, (inputOf(a).field ?? {}) as Input))),
  updateOneField: (_s, a, ctx) => metadataWrite(ctx, () => fieldDto(updateField(ctx.ws, String(inputOf(a).id), updateOf(a)))),
  deleteOneField: (_s, a, ctx) => metadataWrite(ctx, () => fieldDto(deleteField(ctx.ws, String(inputOf(a).id)))),
  createView: (_s, a, { ws }) => viewDto(ws, createView(ws, inputOf(a))),
  updateView: (_s, a, { ws }) => viewDto(ws, updateView(ws, String(a.id), inputOf(a))),
  deleteView: (_s, a, { ws }) => removeView(ws, String(a.id), false),
  destroyView: (_s, a, { ws }) => removeView(ws, String(a.id), true),
  createViewField: (_s, a, { ws }) => kids(ws, createChildren(ws, 'viewField', [inputOf(a)]))[0],
  createManyViewFields: (_s, a, { ws }) => kids(ws, createChildren(ws, 'viewField', (a.inputs as Input[]) ?? [])),
  updateViewField: (_s, a, { ws }) => viewChildDto(ws, updateChild(ws, 'viewField', idOf(a), updateOf(a))),
  deleteViewField: (_s, a, { ws }) => viewChildDto(ws, removeChild(ws, 'viewField', idOf(a), false)),
  destroyViewField: (_s, a, { ws }) => viewChildDto(ws, removeChild(ws, 'viewField', idOf(a), true)),
  createViewGroup: (_s, a, { ws }) => kids(ws, createChildren(ws, 'viewGroup', [inputOf(a)]))[0],
  createManyViewGroups: (_s, a, { ws }) => kids(ws, createChildren(ws, 'viewGroup', (a.inputs as Input[]) ?? [])),
  updateViewGroup: (_s, a, { ws }) => viewChildDto(ws, updateChild(ws, 'viewGroup', idOf(a), updateOf(a))),
  updateManyViewGroups: (_s, a, { ws }) =>
    ((a.inputs as Array<{ id: string; update: Input }>) ?? []).map((i) => viewChildDto(ws, updateChild(ws, 'viewGroup', i.id, i.update))),
  deleteViewGroup: (_s, a, { ws }) => viewChildDto(ws, removeChild(ws, 'viewGroup', idOf(a), false)),
  destroyViewGroup: (_s, a, { ws }) => viewChildDto(ws, removeChild(ws, 'viewGroup', idOf(a), true)),
  createViewSort: (_s, a, { ws }) => kids(ws, createChildren(ws, 'viewSort', [inputOf(a)]))[0],
  updateViewSort: (_s, a, { ws }) => viewChildDto(ws, updateChild(ws, 'viewSort', idOf(a), updateOf(a))),
  deleteViewSort: (_s, a, { ws }) => Boolean(removeChild(ws, 'viewSort', idOf(a), false)),
  destroyViewSort: (_s, a, { ws }) => Boolean(removeChild(ws, 'viewSort', idOf(a), true)),
  createViewFilter: (_s, a, { ws }) => kids(ws, createChildren(ws, 'viewFilter', [inputOf(a)]))[0],
  updateViewFilter: (_s, a, { ws }) => viewChildDto(ws, updateChild(ws, 'viewFilter', idOf(a), updateOf(a))),
  deleteViewFilter: (_s, a, { ws }) => viewChildDto(ws, removeChild(ws, 'viewFilter', idOf(a), false)),
  destroyViewFilter: (_s, a, { ws }) => viewChildDto(ws, removeChild(ws, 'viewFilter', idOf(a), true)),
  createViewFilterGroup: (_s, a, { ws }) => kids(ws, createChildren(ws, 'viewFilterGroup', [inputOf(a)]))[0],
  updateViewFilterGroup: (_s, a, { ws }) => viewChildDto(ws, updateChild(ws, 'viewFilterGroup', String(a.id), inputOf(a))),
  deleteViewFilterGroup: (_s, a, { ws }) => Boolean(removeChild(ws, 'viewFilterGroup', String(a.id), false)),
  destroyViewFilterGroup: (_s, a, { ws }) => Boolean(removeChild(ws, 'viewFilterGroup', String(a.id), true)),
};

const relationOf = (ws: Workspace, f: FieldMeta): Record<string, unknown> | null => {
  if (f.type !== 'RELATION' || !f.relationTargetObjectMetadataId || !f.relationTargetFieldMetadataId) return null;
  const source = ws.objects.get(f.objectMetadataId);
  const target = ws.objects.get(f.relationTargetObjectMetadataId);
  const targetField = ws.fields.get(f.relationTargetFieldMetadataId);
  if (!source || !target || !targetField) return null;
  return {
    type: f.settings?.relationType ?? 'MANY_TO_ONE',
    sourceObjectMetadata: objectDto(source),
    targetObjectMetadata: objectDto(target),
    sourceFieldMetadata: fieldDto(f),
    targetFieldMetadata: fieldDto(targetField),
  };
};

const NESTED: Record<string, Record<string, Resolver>> = {
  Object: {
    labelSingular: inLocale('labelSingular'),
    labelPlural: inLocale('labelPlural'),
    description: inLocale('description'),
    fieldsList: (s, _a, { ws }) => fieldsOf(ws, String(s.id)),
    fields: (s, a, { ws }) => connection(fieldsOf(ws, String(s.id)), a),
    indexMetadataList: () => [],
    indexMetadatas: () => ({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } }),
    searchFieldMetadataList: () => [],
  },
  Field: {
    label: inLocale('label'),
    description: inLocale('description'),
    object: (s, _a, { ws }) => {
      const o: ObjectMeta | undefined = ws.objects.get(String(s.objectMetadataId));
      return o ? objectDto(o) : null;
    },
    relation: (s, _a, { ws }) => {
      const f = ws.fields.get(String(s.id));
      return f ? relationOf(ws, f) : null;
    },
    morphRelations: () => null,
  },
  View: {
    viewFields: (s, _a, { ws }) => kids(ws, childrenOf(ws, 'viewField', String(s.id))),
    viewGroups: (s, _a, { ws }) => kids(ws, childrenOf(ws, 'viewGroup', String(s.id))),
    viewSorts: (s, _a, { ws }) => kids(ws, childrenOf(ws, 'viewSort', String(s.id))),
    viewFilters: (s, _a, { ws }) => kids(ws, childrenOf(ws, 'viewFilter', String(s.id))),
    viewFilterGroups: (s, _a, { ws }) => kids(ws, childrenOf(ws, 'viewFilterGroup', String(s.id))),
    viewFieldGroups: () => [],
  },
};

export const metadataFieldResolver: GraphQLFieldResolver<unknown, MetadataContext> = (source, args, ctx, info) => {
  const parent = info.parentType.name;
  const table = parent === 'Query' ? Query : parent === 'Mutation' ? Mutation : NESTED[parent];
  const resolver = table?.[info.fieldName];
  if (resolver) return resolver((source ?? {}) as Record<string, unknown>, args as Args, ctx);
  if (parent === 'Query' || parent === 'Mutation') {
    throw new TwentyError(`${info.fieldName} is part of Twenty's schema but not served by the sandbox`, 'INTERNAL_SERVER_ERROR', {
      userFriendlyMessage: 'An error occurred.',
    });
  }
  return defaultFieldResolver(source, args, ctx, info);
};

/** Root fields that change state (used to decide whether to save). */
export const METADATA_WRITES = new Set(Object.keys(Mutation));
