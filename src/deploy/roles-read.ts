// The workspace's roles as deploy, prune and pull read them: one request for getRoles and
// the workspace's default role. Which roles are Twenty's own, never pulled nor pruned: a
// role Twenty marks not editable (Admin; role.service.ts createAdminRole, isEditable false)
// and the workspace's default role (Member: given to every new member, and refused by
// deleteOneRole with DEFAULT_ROLE_CANNOT_BE_DELETED; role.service.ts deleteRole). Member
// cannot be told by isEditable alone: newer Twenty seeds it editable (member-role.ts).
// Row-level rules (Twenty Enterprise) ride in the same request, with what tells whether
// the server offers them: getRoles answers [] when it does not, so the rules alone
// cannot say (docs/twenty-facts.md, "Row-level rules").
import type { TwentyClient } from '../twenty/index.ts';

/** The root fields of the roles read, shared with deploy's combined metadata read (read-combined.ts). */
export const ROLES_FIELDS = /* GraphQL */ `
    getRoles {
      id universalIdentifier label description icon isEditable
      canUpdateAllSettings canAccessAllTools canReadAllObjectRecords canUpdateAllObjectRecords canSoftDeleteAllObjectRecords
      canDestroyAllObjectRecords canBeAssignedToUsers canBeAssignedToAgents canBeAssignedToApiKeys
      permissionFlags { flag }
      objectPermissions { objectMetadataId canReadObjectRecords canUpdateObjectRecords canSoftDeleteObjectRecords canDestroyObjectRecords }
      fieldPermissions { objectMetadataId fieldMetadataId canReadFieldValue canUpdateFieldValue }
      rowLevelPermissionPredicates {
        id objectMetadataId fieldMetadataId operand value subFieldName workspaceMemberFieldMetadataId workspaceMemberSubFieldName
        rowLevelPermissionPredicateGroupId positionInRowLevelPermissionPredicateGroup
      }
      rowLevelPermissionPredicateGroups { id objectMetadataId }
    }
    currentWorkspace { defaultRole { id } hasValidEnterpriseValidityToken billingEntitlements { key value } }
`;
const ROLES = `query BankpackRoles { ${ROLES_FIELDS} }`;

type Perm = Record<string, unknown> & { objectMetadataId: string };
export interface ActualRole extends Record<string, unknown> {
  id: string;
  /** A role the pack's Twenty app installed carries the pack's universalIdentifier. */
  universalIdentifier?: string | null;
  label: string;
  description?: string | null;
  icon?: string | null;
  isEditable: boolean;
  permissionFlags: Array<{ flag: string }> | null;
  objectPermissions: Perm[] | null;
  fieldPermissions: Array<Perm & { fieldMetadataId: string }> | null;
  rowLevelPermissionPredicates?: ActualPredicate[] | null;
  rowLevelPermissionPredicateGroups?: Array<{ id: string; objectMetadataId: string }> | null;
}

/** A row-level rule as getRoles answers it. */
export interface ActualPredicate {
  id: string;
  objectMetadataId: string;
  fieldMetadataId: string;
  operand: string;
  value?: unknown;
  subFieldName?: string | null;
  workspaceMemberFieldMetadataId?: string | null;
  workspaceMemberSubFieldName?: string | null;
  rowLevelPermissionPredicateGroupId?: string | null;
}

export interface WorkspaceRoles {
  roles: ActualRole[];
  /** The role new members get (Twenty's Member unless an admin changed it). */
  defaultRoleId: string | null;
  /** Whether the server offers row-level rules (Twenty Enterprise with the RLS entitlement). */
  rlsOffered: boolean;
}

/** What ROLES_FIELDS answer. */
export interface RolesAnswer {
  getRoles: ActualRole[];
  currentWorkspace: {
    defaultRole: { id: string } | null;
    hasValidEnterpriseValidityToken?: boolean | null;
    billingEntitlements?: Array<{ key: string; value: boolean }> | null;
  } | null;
}

export const workspaceRolesOf = (data: RolesAnswer): WorkspaceRoles => ({
  roles: data.getRoles,
  defaultRoleId: data.currentWorkspace?.defaultRole?.id ?? null,
  rlsOffered: rlsOffered(data.currentWorkspace),
});

/**
 * Twenty's gate is an Enterprise plan AND the RLS entitlement, which is true whenever billing
 * is off. Read from what the workspace answers: a valid validity token, and no RLS
 * entitlement answered false. Stricter where the two differ (a server with only a legacy
 * key reads as not offering); a refusal at apply is reported, not a failure (roles-rls.ts).
 */
export function rlsOffered(workspace: RolesAnswer['currentWorkspace']): boolean {
  if (workspace?.hasValidEnterpriseValidityToken !== true) return false;
  return !(workspace.billingEntitlements ?? []).some((e) => e.key === 'RLS' && e.value === false);
}

export async function readRoles(client: TwentyClient): Promise<WorkspaceRoles> {
  return workspaceRolesOf(await client.metadata<RolesAnswer>(ROLES, undefined, { operation: "read the workspace's roles", kind: 'roles' }));
}

/** A role someone made in this workspace (by hand or by a deploy), as opposed to Twenty's own Admin and default role. */
export function isCustomRole(role: ActualRole, workspace: WorkspaceRoles): boolean {
  return role.isEditable && role.id !== workspace.defaultRoleId;
}
