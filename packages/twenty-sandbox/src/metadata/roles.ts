// Roles, their object / field permissions and permission flags, and API keys with a role,
// as Twenty 2.43 serves them on /metadata (role.resolver.ts @cecf4bdc, api-key resolver,
// object-permission.service.ts, field-permission.service.ts; docs/twenty-facts.md "Roles and
// permissions"). Kept beside the workspace and saved with it in a --state file. Workspace
// members' roles and user sessions: members.ts.
import { randomUUID } from 'node:crypto';
import { forbiddenError, notFoundError, TwentyError, userInputError } from '../server/twenty-errors.ts';
import { dropPredicatesOfRole, predicateDto, predicatesOf, upsertRowLevelPermissionPredicates } from './row-level.ts';
import type { Workspace } from '../state/workspace.ts';

type Input = Record<string, unknown>;
const FLAGS = [
  'canUpdateAllSettings',
  'canAccessAllTools',
  'canReadAllObjectRecords',
  'canUpdateAllObjectRecords',
  'canSoftDeleteAllObjectRecords',
  'canDestroyAllObjectRecords',
  'canBeAssignedToUsers',
  'canBeAssignedToAgents',
  'canBeAssignedToApiKeys',
] as const;

export interface ObjectPermissionRow {
  objectMetadataId: string;
  canReadObjectRecords: boolean | null;
  canUpdateObjectRecords: boolean | null;
  canSoftDeleteObjectRecords: boolean | null;
  canDestroyObjectRecords: boolean | null;
}
export interface FieldPermissionRow {
  id: string;
  objectMetadataId: string;
  fieldMetadataId: string;
  canReadFieldValue: boolean | null;
  canUpdateFieldValue: boolean | null;
}
export interface RoleRow {
  id: string;
  universalIdentifier: string;
  label: string;
  description: string | null;
  icon: string | null;
  isEditable: boolean;
  settings: Record<(typeof FLAGS)[number], boolean>;
  objectPermissions: ObjectPermissionRow[];
  fieldPermissions: FieldPermissionRow[];
  flags: string[];
}
interface ApiKeyRow {
  id: string;
  name: string;
  expiresAt: string;
  revokedAt: string | null;
  createdAt: string;
  roleId: string;
}

export interface RoleStore {
  roles: Map<string, RoleRow>;
  apiKeys: Map<string, ApiKeyRow>;
  /** Generated tokens → API key id. */
  tokens: Map<string, string>;
  adminRoleId: string;
  /** The role new members get (Twenty's Member), which deleteOneRole refuses. */
  defaultRoleId: string;
  /** workspaceMember id → role id (Twenty keeps it on the userWorkspace; members.ts). */
  memberRoles: Map<string, string>;
  /** User-session tokens made by the sandbox (Sandbox.addUser) → workspaceMember id. */
  userTokens: Map<string, string>;
}

const stores = new WeakMap<Workspace, RoleStore>();

interface SavedRoles {
  roles: RoleRow[];
  apiKeys: ApiKeyRow[];
  tokens: Array<[string, string]>;
  adminRoleId: string;
  defaultRoleId?: string;
  memberRoles?: Array<[string, string]>;
  userTokens?: Array<[string, string]>;
}

/** The workspace's roles; a new workspace has Twenty's Admin role (every permission) and Member role. */
export function roleStore(ws: Workspace): RoleStore {
  let s = stores.get(ws);
  if (s) return s;
  const all = (v: boolean): RoleRow['settings'] => Object.fromEntries(FLAGS.map((f) => [f, v])) as RoleRow['settings'];
  const admin: RoleRow = {
    id: randomUUID(),
    universalIdentifier: randomUUID(),
    label: 'Admin',
    description: 'Admin role',
    icon: 'IconUserCog',
    isEditable: false,
    settings: { ...all(true), canBeAssignedToAgents: false },
    objectPermissions: [],
    fieldPermissions: [],
    flags: [],
  };
  const member: RoleRow = {
    id: randomUUID(),
    universalIdentifier: randomUUID(),
    label: 'Member',
    description: 'Member role',
    icon: 'IconUser',
    isEditable: true,
    settings: {
      ...all(true),
      canUpdateAllSettings: false,
      canAccessAllTools: false,
      canBeAssignedToAgents: false,
      canBeAssignedToApiKeys: false,
    },
    objectPermissions: [],
    fieldPermissions: [],
    flags: [],
  };
  const saved = ws.savedExtras.roles as SavedRoles | undefined;
  // The workspace's first member (the sandbox's own user session) is its admin.
  const firstMember = firstMemberId(ws);
  s = saved
    ? {
        roles: new Map(saved.roles.map((r) => [r.id, r])),
        apiKeys: new Map(saved.apiKeys.map((k) => [k.id, k])),
        tokens: new Map(saved.tokens),
        adminRoleId: saved.adminRoleId,
        defaultRoleId: saved.defaultRoleId ?? saved.roles.find((r) => r.label === 'Member')?.id ?? saved.adminRoleId,
        memberRoles: new Map(saved.memberRoles ?? (firstMember ? [[firstMember, saved.adminRoleId]] : [])),
        userTokens: new Map(saved.userTokens ?? []),
      }
    : {
        roles: new Map([
          [admin.id, admin],
          [member.id, member],
        ]),
        apiKeys: new Map(),
        tokens: new Map(),
        adminRoleId: admin.id,
        defaultRoleId: member.id,
        memberRoles: new Map(firstMember ? [[firstMember, admin.id]] : []),
        userTokens: new Map(),
      };
  const store = s;
  // Roles live as long as the workspace: saved with it in a --state file.
  ws.extraSavers.set('roles', (): SavedRoles => ({
    roles: [...store.roles.values()],
    apiKeys: [...store.apiKeys.values()],
    tokens: [...store.tokens],
    adminRoleId: store.adminRoleId,
    defaultRoleId: store.defaultRoleId,
    memberRoles: [...store.memberRoles],
    userTokens: [...store.userTokens],
  }));
  stores.set(ws, s);
  return s;
}

/** The seeded member the sandbox's own user token stands for (its admin). */
export function firstMemberId(ws: Workspace): string | undefined {
  const object = ws.objectByName('workspaceMember');
  return object ? ws.table(object.id).rows().next().value?.id : undefined;
}

/** The role an API key token carries, undefined for a token the store did not issue. */
export function roleOfToken(ws: Workspace, token: string): RoleRow | undefined {
  const s = roleStore(ws);
  const key = s.apiKeys.get(s.tokens.get(token) ?? '');
  return key && !key.revokedAt ? s.roles.get(key.roleId) : undefined;
}

function roleOrThrow(s: RoleStore, id: unknown): RoleRow {
  const r = s.roles.get(String(id));
  if (!r) throw notFoundError('Role not found');
  return r;
}

const editable = (r: RoleRow): RoleRow => {
  if (!r.isEditable) throw forbiddenError('Role is not editable');
  return r;
};

export function roleDto(ws: Workspace, r: RoleRow): Record<string, unknown> {
  const s = roleStore(ws);
  return {
    id: r.id,
    universalIdentifier: r.universalIdentifier,
    label: r.label,
    description: r.description,
    icon: r.icon,
    isEditable: r.isEditable,
    ...r.settings,
    workspaceMembers: [],
    agents: [],
    apiKeys: [...s.apiKeys.values()]
      .filter((k) => k.roleId === r.id)
      .map((k) => ({ id: k.id, name: k.name, expiresAt: k.expiresAt, revokedAt: k.revokedAt })),
    permissionFlags: r.flags.map((flag) => ({ id: `${r.id}:${flag}`, roleId: r.id, flag })),
    objectPermissions: r.objectPermissions.map((p) => ({
      ...p,
      restrictedFields: restrictedFields(r, p.objectMetadataId),
      rowLevelPermissionPredicates: [],
      rowLevelPermissionPredicateGroups: [],
    })),
    fieldPermissions: r.fieldPermissions.map((p) => ({ ...p, roleId: r.id })),
    // None when the sandbox is not Enterprise, as Twenty's loader answers (metadata/row-level.ts).
    rowLevelPermissionPredicates: predicatesOf(ws, r.id).map(predicateDto),
    rowLevelPermissionPredicateGroups: [],
  };
}

function restrictedFields(r: RoleRow, objectId: string): Record<string, { canRead: boolean | null; canUpdate: boolean | null }> {
  return Object.fromEntries(
    r.fieldPermissions
      .filter((f) => f.objectMetadataId === objectId)
      .map((f) => [f.fieldMetadataId, { canRead: f.canReadFieldValue, canUpdate: f.canUpdateFieldValue }]),
  );
}

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
  createApiKey: (a, ws) => {
    const s = roleStore(ws);
    const input = (a.input ?? {}) as Input;
    const role = roleOrThrow(s, input.roleId);
    if (!role.settings.canBeAssignedToApiKeys) throw forbiddenError('Role cannot be assigned to API keys');
    const now = new Date().toISOString();
    const key: ApiKeyRow = {
      id: randomUUID(),
      name: String(input.name ?? ''),
      expiresAt: String(input.expiresAt ?? now),
      revokedAt: null,
      createdAt: now,
      roleId: role.id,
    };
    s.apiKeys.set(key.id, key);
    return apiKeyDto(ws, key);
  },
  generateApiKeyToken: (a, ws) => {
    const s = roleStore(ws);
    const key = s.apiKeys.get(String(a.apiKeyId));
    if (!key) throw notFoundError('API key not found');
    const token = `sandbox-api-key-${randomUUID()}`;
    s.tokens.set(token, key.id);
    return { token };
  },
  assignRoleToApiKey: (a, ws) => {
    const s = roleStore(ws);
    const key = s.apiKeys.get(String(a.apiKeyId));
    if (!key) throw notFoundError('API key not found');
    const role = roleOrThrow(s, a.roleId);
    if (!role.settings.canBeAssignedToApiKeys) throw forbiddenError('Role cannot be assigned to API keys');
    key.roleId = role.id;
    return true;
  },
};

function apiKeyDto(ws: Workspace, k: ApiKeyRow): Record<string, unknown> {
  return {
    id: k.id,
    name: k.name,
    expiresAt: k.expiresAt,
    revokedAt: k.revokedAt,
    createdAt: k.createdAt,
    updatedAt: k.createdAt,
    role: roleDto(ws, roleStore(ws).roles.get(k.roleId)!),
  };
}

const pick = (v: unknown, old: boolean | null | undefined): boolean | null =>
  typeof v === 'boolean' ? v : v === null ? null : (old ?? null);
