// Workspace members as users: each member holds one role (Twenty keeps it on the
// userWorkspace), and a user session's records requests are checked against it, as an
// API key's are against the key's role (records/permissions.ts; Twenty resolves the role
// of either principal in the same permissions service). A new member gets the workspace's
// default role (Member); an admin changes it with updateWorkspaceMemberRole, which is
// user-only (UserAuthGuard), guarded by the ROLES permission (SettingsPermissionGuard),
// refuses the caller's own member (CANNOT_UPDATE_SELF_ROLE) and a role not assignable to
// users (ROLE_CANNOT_BE_ASSIGNED_TO_USERS) — role.resolver.ts @cecf4bdc,
// role-validation.service.ts, permission-graphql-api-exception-handler.util.ts @018f7e08.
import { randomUUID } from 'node:crypto';
import { forbiddenError, notFoundError, userInputError } from '../server/twenty-errors.ts';
import type { Workspace } from '../state/workspace.ts';
import { requireUser, type Principal } from '../workflows/principal.ts';
import { roleDto, roleStore, type RoleRow } from './roles.ts';

export interface SandboxUser {
  workspaceMemberId: string;
  /** A user-session token for /graphql and /metadata. */
  token: string;
}

export interface CallerContext {
  principal?: Principal;
  /** The workspace member of a user session. */
  memberId?: string;
  role?: RoleRow;
}

export function roleOfMember(ws: Workspace, memberId: string): RoleRow | undefined {
  const s = roleStore(ws);
  return s.roles.get(s.memberRoles.get(memberId) ?? s.defaultRoleId);
}

/** The member a token made by addUser stands for. */
export function memberOfToken(ws: Workspace, token: string): string | undefined {
  return roleStore(ws).userTokens.get(token);
}

/** A new workspace member with the default role, and a session token for them (what signing up gives in Twenty). */
export function addUser(ws: Workspace, name: { firstName: string; lastName: string }, email: string): SandboxUser {
  const object = ws.objectByName('workspaceMember');
  if (!object) throw new Error('this sandbox workspace has no workspaceMember object');
  const at = new Date().toISOString();
  const id = randomUUID();
  ws.table(object.id).insert({
    id,
    name,
    userEmail: email,
    colorScheme: 'System',
    locale: 'en',
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
  });
  const s = roleStore(ws);
  s.memberRoles.set(id, s.defaultRoleId);
  const token = `sandbox-user-${randomUUID()}`;
  s.userTokens.set(token, id);
  return { workspaceMemberId: id, token };
}

export function updateWorkspaceMemberRole(args: Record<string, unknown>, ws: Workspace, caller: CallerContext): Record<string, unknown> {
  requireUser(caller);
  const settings = caller.role?.settings;
  if (caller.role && !settings?.canUpdateAllSettings && !caller.role.flags.includes('ROLES')) {
    throw forbiddenError('Entity performing the request does not have permission', {
      subCode: 'PERMISSION_DENIED',
      userFriendlyMessage: 'User does not have permission.',
    });
  }
  const memberId = String(args.workspaceMemberId);
  if (memberId === caller.memberId)
    throw forbiddenError('Cannot update self role', {
      subCode: 'CANNOT_UPDATE_SELF_ROLE',
      userFriendlyMessage: 'You cannot update your own role.',
    });
  const object = ws.objectByName('workspaceMember');
  const member = object ? ws.table(object.id).get(memberId) : undefined;
  if (!member || member.deletedAt) throw notFoundError('Workspace member not found');
  const s = roleStore(ws);
  const role = s.roles.get(String(args.roleId));
  if (!role) throw notFoundError('Role not found', { subCode: 'ROLE_NOT_FOUND', userFriendlyMessage: 'Role not found.' });
  if (!role.settings.canBeAssignedToUsers)
    throw userInputError('Role cannot be assigned to users', {
      subCode: 'ROLE_CANNOT_BE_ASSIGNED_TO_USERS',
      userFriendlyMessage: 'This role cannot be assigned to users.',
    });
  s.memberRoles.set(memberId, role.id);
  return {
    id: memberId,
    name: member.name,
    userEmail: member.userEmail,
    colorScheme: member.colorScheme ?? 'System',
    uiScale: 'AUTO',
    openRecordIn: 'SIDE_PANEL',
    locale: member.locale ?? 'en',
    roles: [roleDto(ws, role)],
    userWorkspaceId: null,
  };
}
