// Carrying out one role change of a plan: the role created or updated, then its object
// and field permissions, flags and row-level rules. The op type lives here, not beside the
// planning (roles-plan.ts), so that plan.ts can name it without importing the planner
// that imports plan.ts.
import type { TwentyClient } from '../twenty/index.ts';
import { readObjects } from './read-actual.ts';
import { readRoles } from './roles-read.ts';
import { applyPredicates, notOfferedNote, type PredicateSets } from './roles-rls.ts';
import { idempotentWrite, safeWrite } from './safe-write.ts';

type Perm = Record<string, unknown> & { objectMetadataId: string };
/** A permission row by object (and field) name. */
export type NamedPerm = Record<string, unknown> & { object: string; field?: string };

/** What apply sends for one role: the whole of it, in Twenty's ids. */
export interface RoleOp {
  id: string;
  create: boolean;
  role: Record<string, unknown>;
  objectPermissions?: NamedPerm[];
  fieldPermissions?: NamedPerm[];
  flags?: string[];
  /** Row-level rules: the whole set of each object named (roles-rls.ts). */
  predicates?: PredicateSets;
  label?: string;
}

/** Create or update the role, then send its permissions: objects before fields (Twenty checks a field against its object). */
export async function applyRoleOp(client: TwentyClient, op: RoleOp, report: (line: string) => void = () => undefined): Promise<void> {
  const objects = op.objectPermissions || op.fieldPermissions || op.predicates ? await readObjects(client) : [];
  const ids = (p: NamedPerm): Perm => {
    const { object, field, ...rest } = p;
    const o = objects.find((x) => x.nameSingular === object);
    if (!o) throw new Error(`the workspace has no object ${object} for this role`);
    if (field === undefined) return { objectMetadataId: o.id, ...rest };
    const f = o.fields.find((x) => x.name === field);
    if (!f) throw new Error(`the workspace has no field ${object}.${field} for this role`);
    return { objectMetadataId: o.id, fieldMetadataId: f.id, ...rest };
  };
  // Writes: never repeated blindly after a lost answer. A create is checked by reading the
  // roles (its id is ours); updates and upserts set absolute values, so sending again is safe.
  const opts = (operation: string): { operation: string; write: true } => ({ operation, write: true });
  const send = (document: string, variables: Record<string, unknown>, operation: string): Promise<unknown> =>
    idempotentWrite(() => client.metadata(document, variables, opts(operation)));
  if (op.create) {
    const what = `create role ${String(op.role.label)}`;
    await safeWrite({
      write: () =>
        client.metadata(
          'mutation BankpackCreateRole($i: CreateRoleInput!) { createOneRole(createRoleInput: $i) { id } }',
          { i: { id: op.id, ...op.role } },
          opts(what),
        ),
      verify: async () => ((await readRoles(client)).roles.some((r) => r.id === op.id) ? true : undefined),
    });
  } else if (Object.keys(op.role).length > 0) {
    await send(
      'mutation BankpackUpdateRole($i: UpdateRoleInput!) { updateOneRole(updateRoleInput: $i) { id } }',
      { i: { id: op.id, update: op.role } },
      'update a role',
    );
  }
  if (op.objectPermissions && op.objectPermissions.length > 0) {
    await send(
      'mutation BankpackObjectPermissions($i: UpsertObjectPermissionsInput!) { upsertObjectPermissions(upsertObjectPermissionsInput: $i) { objectMetadataId } }',
      { i: { roleId: op.id, objectPermissions: op.objectPermissions.map(ids) } },
      "set a role's object permissions",
    );
  }
  if (op.fieldPermissions) {
    await send(
      'mutation BankpackFieldPermissions($i: UpsertFieldPermissionsInput!) { upsertFieldPermissions(upsertFieldPermissionsInput: $i) { fieldMetadataId } }',
      { i: { roleId: op.id, fieldPermissions: op.fieldPermissions.map(ids) } },
      "set a role's field permissions",
    );
  }
  if (op.flags) {
    await send(
      'mutation BankpackPermissionFlags($i: UpsertPermissionFlagsInput!) { upsertPermissionFlags(upsertPermissionFlagsInput: $i) { flag } }',
      { i: { roleId: op.id, permissionFlagKeys: op.flags } },
      "set a role's permission flags",
    );
  }
  if (op.predicates && !(await applyPredicates(client, op.id, op.predicates, objects))) {
    report(`      · ${notOfferedNote(String(op.label ?? op.role.label ?? op.id))} (the server refused them)`);
  }
}
