// Roles and their object / field permissions and permission flags on /metadata, as Twenty 2.43
// serves them (role.resolver.ts @cecf4bdc, object-permission.service.ts,
// field-permission.service.ts; docs/twenty-facts.md "Roles and permissions"). The store: roles.ts.
import { randomUUID } from 'node:crypto';
import { forbiddenError, notFoundError, TwentyError, userInputError } from '../server/twenty-errors.ts';
import { dropPredicatesOfRole, upsertRowLevelPermissionPredicates } from './row-level.ts';
import {
  editable,
  FLAGS,
  restrictedFields,
  roleDto,
  roleOrThrow,
  roleStore,
  type FieldPermissionRow,
  type ObjectPermissionRow,
  type RoleRow,
  type RoleStore,
} from './roles.ts';
import type { Workspace } from '../state/workspace.ts';

type Input = Record<string, unknown>;

function settingsOf(input: Input, base: RoleRow['settings']): RoleRow['settings'] {
  const out = { ...base };
  for (const f of FLAGS) if (typeof input[f] === 'boolean') out[f] = input[f] as boolean;
  if (!out.canBeAssignedToUsers && !out.canBeAssignedToApiKeys && !out.canBeAssignedToAgents) {
    throw userInputError('Role must be assignable to at least one target type');
  }
  if (
    !out.canReadAllObjectRecords &&
    (out.canUpdateAllObjectRecords || out.canSoftDeleteAllObjectRecords || out.canDestroyAllObjectRecords)
  ) {
    throw userInputError('Cannot give writing permission without reading permission');
  }
  return out;
}

function uniqueLabel(s: RoleStore, label: string, except?: string): void {
  for (const r of s.roles.values()) if (r.label === label && r.id !== except) throw forbiddenError('A role with this label already exists');
}

type Resolver = (args: Input, ws: Workspace) => unknown;

export const ROLE_QUERIES: Record<string, Resolver> = {
  getRoles: (_a, ws) => [...roleStore(ws).roles.values()].map((r) => roleDto(ws, r)),
  getApiKeyRoles: (_a, ws) => [...roleStore(ws).roles.values()].filter((r) => r.settings.canBeAssignedToApiKeys).map((r) => roleDto(ws, r)),
};

export const ROLE_MUTATIONS: Record<string, Resolver> = {
  createOneRole: (a, ws) => {
    const s = roleStore(ws);
    const input = (a.createRoleInput ?? {}) as Input;
    const label = String(input.label ?? '');
    uniqueLabel(s, label);
    const id = typeof input.id === 'string' && input.id ? input.id : randomUUID();
    if (s.roles.has(id)) throw userInputError('A role with this id already exists');
    const role: RoleRow = {
      id,
      universalIdentifier: randomUUID(),
      label,
      description: (input.description as string | undefined) ?? null,
      icon: (input.icon as string | undefined) ?? null,
      isEditable: true,
      settings: settingsOf(
        input,
        Object.fromEntries(
          FLAGS.map((f) => [f, f === 'canBeAssignedToUsers' || f === 'canBeAssignedToApiKeys' || f === 'canBeAssignedToAgents']),
        ) as RoleRow['settings'],
      ),
      objectPermissions: [],
      fieldPermissions: [],
      flags: [],
    };
    s.roles.set(id, role);
    return roleDto(ws, role);
  },
  updateOneRole: (a, ws) => {
    const s = roleStore(ws);
    const input = (a.updateRoleInput ?? {}) as { id?: string; update?: Input };
    const role = editable(roleOrThrow(s, input.id));
    const update = input.update ?? {};
    if (typeof update.label === 'string') {
      uniqueLabel(s, update.label, role.id);
      role.label = update.label;
    }
    if ('description' in update) role.description = (update.description as string | null) ?? null;
    if ('icon' in update) role.icon = (update.icon as string | null) ?? null;
    role.settings = settingsOf(update, role.settings);
    return roleDto(ws, role);
  },
  deleteOneRole: (a, ws) => {
    const s = roleStore(ws);
    const role = editable(roleOrThrow(s, a.roleId));
    // role.service.ts deleteRole: the default role stays (the exception is rethrown as it is, not mapped:
    // permission-graphql-api-exception-handler.util.ts); members holding the role get the default one.
    if (role.id === s.defaultRoleId)
      throw new TwentyError('Default role cannot be deleted', 'INTERNAL_SERVER_ERROR', {
        subCode: 'DEFAULT_ROLE_CANNOT_BE_DELETED',
        userFriendlyMessage: 'The default role cannot be deleted.',
      });
    for (const k of s.apiKeys.values()) if (k.roleId === role.id) k.roleId = s.defaultRoleId;
    for (const [member, roleId] of s.memberRoles) if (roleId === role.id) s.memberRoles.set(member, s.defaultRoleId);
    s.roles.delete(role.id);
    dropPredicatesOfRole(ws, role.id);
    return role.id;
  },
  upsertObjectPermissions: (a, ws) => {
    const input = (a.upsertObjectPermissionsInput ?? {}) as { roleId?: string; objectPermissions?: Input[] };
    const role = editable(roleOrThrow(roleStore(ws), input.roleId));
    for (const p of input.objectPermissions ?? []) {
      const objectMetadataId = String(p.objectMetadataId);
      const object = ws.objects.get(objectMetadataId);
      if (!object) throw notFoundError('Object metadata not found');
      if (object.isSystem && object.nameSingular !== 'workspaceMember')
        throw userInputError('Cannot add object permission on system object');
      const existing = role.objectPermissions.find((o) => o.objectMetadataId === objectMetadataId);
      const next: ObjectPermissionRow = {
        objectMetadataId,
        canReadObjectRecords: pick(p.canReadObjectRecords, existing?.canReadObjectRecords),
        canUpdateObjectRecords: pick(p.canUpdateObjectRecords, existing?.canUpdateObjectRecords),
        canSoftDeleteObjectRecords: pick(p.canSoftDeleteObjectRecords, existing?.canSoftDeleteObjectRecords),
        canDestroyObjectRecords: pick(p.canDestroyObjectRecords, existing?.canDestroyObjectRecords),
      };
      // object-permission.service.ts: no write permission on an object the role cannot read.
      const read = next.canReadObjectRecords ?? role.settings.canReadAllObjectRecords;
      const writes = [
        next.canUpdateObjectRecords ?? role.settings.canUpdateAllObjectRecords,
        next.canSoftDeleteObjectRecords ?? role.settings.canSoftDeleteAllObjectRecords,
        next.canDestroyObjectRecords ?? role.settings.canDestroyAllObjectRecords,
      ];
      if (!read && writes.some(Boolean)) throw userInputError('Cannot give update permission to non-readable object');
      role.objectPermissions = [...role.objectPermissions.filter((o) => o !== existing), next];
    }
    return role.objectPermissions.map((p) => ({ ...p, restrictedFields: restrictedFields(role, p.objectMetadataId) }));
  },
  upsertFieldPermissions: (a, ws) => {
    const input = (a.upsertFieldPermissionsInput ?? {}) as { roleId?: string; fieldPermissions?: Input[] };
    const role = editable(roleOrThrow(roleStore(ws), input.roleId));
    const desired = new Map<string, FieldPermissionRow>();
    for (const p of input.fieldPermissions ?? []) {
      const fieldMetadataId = String(p.fieldMetadataId);
      if ((input.fieldPermissions ?? []).filter((q) => q.fieldMetadataId === fieldMetadataId).length > 1)
        throw userInputError(`Cannot accept more than one fieldPermission for field ${fieldMetadataId} in input.`);
      if (p.canReadFieldValue === true || p.canUpdateFieldValue === true)
        throw forbiddenError('Field permission can only introduce a restriction');
      const object = ws.objects.get(String(p.objectMetadataId));
      if (!object) throw notFoundError('Object metadata not found');
      if (object.isSystem) throw userInputError('Cannot add field permission on system object');
      const field = ws.fields.get(fieldMetadataId);
      if (!field) throw notFoundError('Field metadata not found');
      const row = {
        objectMetadataId: object.id,
        fieldMetadataId,
        canReadFieldValue: (p.canReadFieldValue as boolean | null | undefined) ?? null,
        canUpdateFieldValue: (p.canUpdateFieldValue as boolean | null | undefined) ?? null,
      };
      if (row.canReadFieldValue === null && row.canUpdateFieldValue === null) continue;
      const existing = role.fieldPermissions.find((f) => f.fieldMetadataId === fieldMetadataId);
      desired.set(fieldMetadataId, { id: existing?.id ?? randomUUID(), ...row });
      // addRelatedFieldPermissionsToDesired: a relation's other side gets the same permission.
      if (
        field.type === 'RELATION' &&
        field.relationTargetFieldMetadataId &&
        field.relationTargetObjectMetadataId &&
        !desired.has(field.relationTargetFieldMetadataId)
      ) {
        const mirror = role.fieldPermissions.find((f) => f.fieldMetadataId === field.relationTargetFieldMetadataId);
        desired.set(field.relationTargetFieldMetadataId, {
          ...row,
          id: mirror?.id ?? randomUUID(),
          objectMetadataId: field.relationTargetObjectMetadataId,
          fieldMetadataId: field.relationTargetFieldMetadataId,
        });
      }
    }
    // The input is the role's whole set: what it leaves out is removed (field-permission.service.ts @3162c6e6).
    role.fieldPermissions = [...desired.values()];
    return role.fieldPermissions.map((p) => ({ ...p, roleId: role.id }));
  },
  upsertPermissionFlags: (a, ws) => {
    const input = (a.upsertPermissionFlagsInput ?? {}) as { roleId?: string; permissionFlagKeys?: string[] };
    const role = editable(roleOrThrow(roleStore(ws), input.roleId));
    role.flags = [...new Set(input.permissionFlagKeys ?? [])].sort();
    return role.flags.map((flag) => ({ id: `${role.id}:${flag}`, roleId: role.id, flag }));
  },
  upsertRowLevelPermissionPredicates: (a, ws) => upsertRowLevelPermissionPredicates(a, ws, (id) => roleStore(ws).roles.has(id)),
};

const pick = (v: unknown, old: boolean | null | undefined): boolean | null =>
  typeof v === 'boolean' ? v : v === null ? null : (old ?? null);
