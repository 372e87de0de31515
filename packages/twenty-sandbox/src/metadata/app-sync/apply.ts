// Applies a sync's actions to the workspace through the sandbox's own metadata rules
// (createObject, createField, createView, the role mutations…), then marks every row
// made as the app's: its universalIdentifier is the manifest's, its applicationId the
// app's (Object/Field/View/ViewField/NavigationMenuItem.applicationId in the 2.43 schema).
// Fields: apply-fields.ts.
import { randomUUID } from 'node:crypto';
import { deleteField, updateField } from '../fields.ts';
import { createObject, deleteObject, updateObject } from '../objects.ts';
import { ROLE_MUTATIONS } from '../role-resolvers.ts';
import { FLAGS, roleStore } from '../roles.ts';
import { createChildren, createView, removeChild, removeView, updateChild, updateView } from '../views.ts';
import { nowIso } from '../rows.ts';
import type { ViewChildKind } from '../../state/types.ts';
import type { Workspace } from '../../state/workspace.ts';
import { owning, pick, str, type Ctx, type Json } from './apply-context.ts';
import { createAppField, systemIdentifiers } from './apply-fields.ts';
import type { DesiredEntity, SyncAction } from './entities.ts';
import { flagKeysOf, idOfUid, withIds } from './refs.ts';
import { appStore, type AppMetadataName, type AppRow } from './store.ts';

const PERMISSION_KINDS = new Set<AppMetadataName>(['objectPermission', 'fieldPermission', 'role']);

export function applyActions(ws: Workspace, app: AppRow, desired: readonly DesiredEntity[], actions: readonly SyncAction[]): void {
  const ctx: Ctx = {
    ws,
    app,
    desired: new Map(desired.map((e) => [e.uid, e])),
    done: new Set(),
    newObjects: new Set(),
    touchedRoles: new Set(),
    deleting: new Set(actions.filter((a) => a.type === 'delete').map((a) => a.universalIdentifier)),
  };
  for (const a of actions) {
    const e = ctx.desired.get(a.universalIdentifier);
    if (a.type === 'delete') remove(ctx, a);
    else if (e && a.type === 'create') app.owned[e.uid] = { metadataName: e.metadataName, props: e.props, ...withId(create(ctx, e)) };
    else if (e) {
      update(ctx, e, a);
      app.owned[e.uid] = { ...app.owned[e.uid]!, props: e.props };
    }
    if (PERMISSION_KINDS.has(a.metadataName)) ctx.touchedRoles.add(roleUidOf(a, e));
  }
  labelIdentifiers(ctx);
  for (const roleUid of ctx.touchedRoles) writePermissions(ctx, roleUid);
}

const withId = (id: string | undefined): { id?: string } => (id ? { id } : {});
const roleUidOf = (a: SyncAction, e: DesiredEntity | undefined): string =>
  a.metadataName === 'role' ? a.universalIdentifier : String((e?.props ?? a.flatEntity).roleUniversalIdentifier);

function create(ctx: Ctx, e: DesiredEntity): string | undefined {
  const { ws, app } = ctx;
  const p = e.props;
  switch (e.metadataName) {
    case 'objectMetadata': {
      const nameField = [...ctx.desired.values()].find(
        (d) => d.metadataName === 'fieldMetadata' && d.props.objectUniversalIdentifier === e.uid && d.props.name === 'name',
      );
      const o = owning(ctx, () =>
        createObject(ws, {
          ...pick(p, ['nameSingular', 'namePlural', 'labelSingular', 'labelPlural', 'description', 'icon']),
          isLabelSyncedWithName: false,
          skipNameField: nameField?.props.type !== 'TEXT',
        }),
      );
      Object.assign(o, { universalIdentifier: e.uid, applicationId: app.id });
      systemIdentifiers(ws, app, o.id, e.uid);
      ctx.newObjects.add(o.id);
      return o.id;
    }
    case 'fieldMetadata':
      return createAppField(ctx, e);
    case 'view': {
      const v = owning(ctx, () => createView(ws, withIds(ws, p)));
      // The manifest lists the view's own groups: none are computed for it.
      for (const [id, g] of ws.viewChildren.viewGroup) if (g.viewId === v.id) ws.viewChildren.viewGroup.delete(id);
      Object.assign(v, { universalIdentifier: e.uid, applicationId: app.id });
      return v.id;
    }
    case 'viewField':
    case 'viewGroup':
    case 'viewFilter':
    case 'viewSort': {
      const [row] = createChildren(ws, e.metadataName, [withIds(ws, p)]);
      Object.assign(row!, { universalIdentifier: e.uid, applicationId: app.id });
      return row!.id;
    }
    case 'role': {
      const made = ROLE_MUTATIONS.createOneRole!({ createRoleInput: pick(p, ['label', 'description', 'icon', ...FLAGS]) }, ws) as {
        id: string;
      };
      roleStore(ws).roles.get(made.id)!.universalIdentifier = e.uid;
      ROLE_MUTATIONS.upsertPermissionFlags!(
        { upsertPermissionFlagsInput: { roleId: made.id, permissionFlagKeys: flagKeysOf(p.permissionFlagUniversalIdentifiers) } },
        ws,
      );
      return made.id;
    }
    case 'navigationMenuItem': {
      const at = nowIso();
      const r = withIds(ws, p);
      const id = randomUUID();
      appStore(ws).navigationMenuItems.set(id, {
        id,
        universalIdentifier: e.uid,
        applicationId: app.id,
        type: String(r.type),
        name: str(r.name) ?? null,
        icon: str(r.icon) ?? null,
        color: str(r.color) ?? null,
        position: typeof r.position === 'number' ? r.position : 0,
        folderId: str(r.folderId) ?? null,
        targetObjectMetadataId: str(r.targetObjectMetadataId) ?? null,
        viewId: str(r.viewId) ?? null,
        link: str(r.link) ?? null,
        createdAt: at,
        updatedAt: at,
      });
      return id;
    }
    default:
      // Permissions are written per role at the end; row-level predicates are kept, not enforced (no Enterprise RLS here).
      return undefined;
  }
}
function changes(ws: Workspace, a: SyncAction, drop: readonly string[] = []): Json {
  const after: Json = {};
  for (const [k, d] of Object.entries(a.diff ?? {})) if (!drop.includes(k)) after[k === 'universalSettings' ? 'settings' : k] = d.after;
  return withIds(ws, after);
}

function update(ctx: Ctx, e: DesiredEntity, a: SyncAction): void {
  const { ws } = ctx;
  const id = ctx.app.owned[e.uid]?.id ?? idOfUid(ws, e.uid);
  if (!id) return;
  switch (e.metadataName) {
    case 'objectMetadata':
      updateObject(ws, id, changes(ws, a));
      return;
    case 'fieldMetadata': {
      const f = ws.fields.get(id);
      if (f?.type === 'RELATION') Object.assign(f, pick(changes(ws, a), ['label', 'description', 'icon']), { updatedAt: nowIso() });
      else updateField(ws, id, changes(ws, a, ['objectUniversalIdentifier']));
      return;
    }
    case 'view':
      updateView(ws, id, changes(ws, a));
      return;
    case 'viewField':
    case 'viewGroup':
    case 'viewFilter':
    case 'viewSort':
      updateChild(ws, e.metadataName, id, changes(ws, a, ['viewUniversalIdentifier']));
      return;
    case 'role': {
      const c = changes(ws, a);
      ROLE_MUTATIONS.updateOneRole!({ updateRoleInput: { id, update: pick(c, ['label', 'description', 'icon', ...FLAGS]) } }, ws);
      if ('permissionFlagUniversalIdentifiers' in c) {
        ROLE_MUTATIONS.upsertPermissionFlags!(
          { upsertPermissionFlagsInput: { roleId: id, permissionFlagKeys: flagKeysOf(c.permissionFlagUniversalIdentifiers) } },
          ws,
        );
      }
      return;
    }
    case 'navigationMenuItem': {
      const row = appStore(ws).navigationMenuItems.get(id);
      if (row) Object.assign(row, changes(ws, a), { updatedAt: nowIso() });
      return;
    }
    default:
      return;
  }
}

function remove(ctx: Ctx, a: SyncAction): void {
  const { ws, app } = ctx;
  const id = app.owned[a.universalIdentifier]?.id;
  delete app.owned[a.universalIdentifier];
  if (!id) return;
  switch (a.metadataName) {
    case 'objectMetadata':
      if (!ws.objects.has(id)) return;
      updateObject(ws, id, { isActive: false });
      deleteObject(ws, id);
      return;
    case 'fieldMetadata': {
      const field = ws.fields.get(id);
      if (!field || ctx.deleting.has(ws.objects.get(field.objectMetadataId)?.universalIdentifier ?? '')) return;
      updateField(ws, id, { isActive: false });
      deleteField(ws, id);
      return;
    }
    case 'view':
      if (ws.views.has(id)) removeView(ws, id, true);
      return;
    case 'viewField':
    case 'viewGroup':
    case 'viewFilter':
    case 'viewSort':
      if (ws.viewChildren[a.metadataName as ViewChildKind].has(id)) removeChild(ws, a.metadataName as ViewChildKind, id, true);
      return;
    case 'role':
      if (roleStore(ws).roles.has(id)) ROLE_MUTATIONS.deleteOneRole!({ roleId: id }, ws);
      return;
    case 'navigationMenuItem':
      appStore(ws).navigationMenuItems.delete(id);
      return;
    default:
      return;
  }
}

/** Objects point at their label field once the fields exist. */
function labelIdentifiers(ctx: Ctx): void {
  for (const e of ctx.desired.values()) {
    if (e.metadataName !== 'objectMetadata' || typeof e.props.labelIdentifierFieldMetadataUniversalIdentifier !== 'string') continue;
    const object = ctx.ws.objects.get(ctx.app.owned[e.uid]?.id ?? '');
    const fieldId = idOfUid(ctx.ws, e.props.labelIdentifierFieldMetadataUniversalIdentifier);
    if (object && fieldId && object.labelIdentifierFieldMetadataId !== fieldId)
      updateObject(ctx.ws, object.id, { labelIdentifierFieldMetadataId: fieldId });
  }
}

/** A role's object and field permissions as the manifest gives them, written whole (upsertFieldPermissions replaces the set). */
function writePermissions(ctx: Ctx, roleUid: string): void {
  const { ws } = ctx;
  const role = [...roleStore(ws).roles.values()].find((r) => r.universalIdentifier === roleUid);
  if (!role) return;
  const mine = (kind: AppMetadataName): Json[] =>
    [...ctx.desired.values()]
      .filter((d) => d.metadataName === kind && d.props.roleUniversalIdentifier === roleUid)
      .map((d) => withIds(ws, d.props));
  role.objectPermissions = [];
  const objectPermissions = mine('objectPermission').map((p) =>
    pick(p, [
      'objectMetadataId',
      'canReadObjectRecords',
      'canUpdateObjectRecords',
      'canSoftDeleteObjectRecords',
      'canDestroyObjectRecords',
    ]),
  );
  if (objectPermissions.length > 0)
    ROLE_MUTATIONS.upsertObjectPermissions!({ upsertObjectPermissionsInput: { roleId: role.id, objectPermissions } }, ws);
  const fieldPermissions = mine('fieldPermission').map((p) =>
    pick(p, ['objectMetadataId', 'fieldMetadataId', 'canReadFieldValue', 'canUpdateFieldValue']),
  );
  ROLE_MUTATIONS.upsertFieldPermissions!({ upsertFieldPermissionsInput: { roleId: role.id, fieldPermissions } }, ws);
}
