// Roles no pack file defines: listed under "roles" as not in the pack, removed only with
// --prune. Twenty's own roles (Admin, the default Member role) are never listed
// (roles-read.ts isCustomRole). Deleting a role gives its members the workspace's
// default role (role.service.ts deleteRole, assignDefaultRoleToMembersWithRoleToDelete).
import { isTwentyError, type TwentyClient } from '../twenty/index.ts';
import { isCustomRole, type ActualRole, type WorkspaceRoles } from './roles-read.ts';

/** The workspace's custom roles that are neither one of the pack's (by id) nor hold a pack role's label (a conflict, reported apart). */
export function roleOrphans(workspace: WorkspaceRoles, packRoleIds: ReadonlySet<string>, packLabels: ReadonlySet<string>): ActualRole[] {
  return workspace.roles.filter(
    (r) =>
      isCustomRole(r, workspace) &&
      !packRoleIds.has(r.id) &&
      !packRoleIds.has(r.universalIdentifier?.toLowerCase() ?? '') &&
      !packLabels.has(r.label),
  );
}

export async function removeRole(client: TwentyClient, op: { id: string; label: string }): Promise<void> {
  try {
    await client.metadata(
      'mutation BankpackDeleteRole($id: UUID!) { deleteOneRole(roleId: $id) }',
      { id: op.id },
      { operation: `remove role "${op.label}"`, kind: 'roles', write: true },
    );
  } catch (e) {
    // Already gone (a retried deploy): the plan's aim is met.
    if (!(isTwentyError(e) && (e.kind === 'not-found' || /not found/i.test(e.message)))) throw e;
  }
}
