// Roles and API keys as Twenty 2.43 keeps them (role.resolver.ts @cecf4bdc, api-key resolver;
// docs/twenty-facts.md "Roles and permissions"): the store beside the workspace, saved with it
// in a --state file, and a role as /metadata answers it. The mutations: role-resolvers.ts
// (roles and their permissions), api-keys.ts; workspace members' roles and user sessions: members.ts.
import { randomUUID } from 'node:crypto';
import { forbiddenError, notFoundError } from '../server/twenty-errors.ts';
import { predicateDto, predicatesOf } from './row-level.ts';
import type { Workspace } from '../state/workspace.ts';

export const FLAGS = [
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
export interface ApiKeyRow {
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

export function roleOrThrow(s: RoleStore, id: unknown): RoleRow {
  const r = s.roles.get(String(id));
  if (!r) throw notFoundError('Role not found');
  return r;
}

export const editable = (r: RoleRow): RoleRow => {
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

export function restrictedFields(r: RoleRow, objectId: string): Record<string, { canRead: boolean | null; canUpdate: boolean | null }> {
  return Object.fromEntries(
    r.fieldPermissions
      .filter((f) => f.objectMetadataId === objectId)
      .map((f) => [f.fieldMetadataId, { canRead: f.canReadFieldValue, canUpdate: f.canUpdateFieldValue }]),
  );
}
