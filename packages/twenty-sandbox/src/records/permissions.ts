// Object and field permissions on the records API, for an API key's role or a user
// session's member role (metadata/members.ts), as Twenty checks them before a query
// runs: validateOperationIsPermittedOrThrow (twenty-orm/repository/permissions.utils.ts
// @8dc2ba95). The object permission, else the role-wide flag; system objects other than
// workspaceMember are not checked. A refused operation or a selected field the role may not
// read is an error ("Entity performing the request does not have permission", FORBIDDEN),
// never a silently omitted value; so is writing a field the role may not update.
import { type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { RoleRow } from '../metadata/roles.ts';
import { forbiddenError } from '../server/twenty-errors.ts';
import type { RecordModel } from './model.ts';

export type RecordOperation = 'select' | 'insert' | 'update' | 'delete' | 'restore' | 'soft-delete';

const DENIED = 'Entity performing the request does not have permission';
const denied = (detail?: string): Error =>
  forbiddenError(detail ? `${DENIED}: ${detail}` : DENIED, { userFriendlyMessage: 'You do not have permission to perform this action.' });

/** The operation a generated root field runs (get-resolver-name.util.ts names). */
export function operationOf(fieldName: string, names: Record<string, string>): RecordOperation {
  if (fieldName === names.findMany || fieldName === names.findOne) return 'select';
  if (fieldName === names.createOne || fieldName === names.createMany) return 'insert';
  if (fieldName === names.updateOne || fieldName === names.updateMany) return 'update';
  if (fieldName === names.deleteOne || fieldName === names.deleteMany) return 'soft-delete';
  if (fieldName === names.restoreOne || fieldName === names.restoreMany) return 'restore';
  return 'delete';
}

export function checkRecordPermissions(
  role: RoleRow | undefined,
  model: RecordModel,
  op: RecordOperation,
  info: GraphQLResolveInfo,
  args: Record<string, unknown>,
): void {
  if (!role) return;
  const object = model.object;
  if (object.isSystem && object.nameSingular !== 'workspaceMember') return;
  const p = role.objectPermissions.find((o) => o.objectMetadataId === object.id);
  const can = {
    read: p?.canReadObjectRecords ?? role.settings.canReadAllObjectRecords,
    update: p?.canUpdateObjectRecords ?? role.settings.canUpdateAllObjectRecords,
    softDelete: p?.canSoftDeleteObjectRecords ?? role.settings.canSoftDeleteAllObjectRecords,
    destroy: p?.canDestroyObjectRecords ?? role.settings.canDestroyAllObjectRecords,
  };
  const allowed =
    op === 'select' ? can.read : op === 'insert' || op === 'update' ? can.update : op === 'delete' ? can.destroy : can.softDelete;
  if (!allowed) throw denied();

  const restricted = new Map(role.fieldPermissions.filter((f) => f.objectMetadataId === object.id).map((f) => [f.fieldMetadataId, f]));
  if (restricted.size === 0) return;
  const fieldOf = (column: string): { id: string; name: string } | undefined => {
    const f = model.byName.get(column) ?? model.joins.find((j) => j.column === column)?.field;
    return f ? { id: f.id, name: f.name } : undefined;
  };
  for (const column of selectedColumns(info)) {
    const f = fieldOf(column);
    if (f && restricted.get(f.id)?.canReadFieldValue === false)
      throw denied(`no permission to read field "${f.name}" on "${object.nameSingular}"`);
  }
  if (op === 'insert' || op === 'update') {
    const data = args.data;
    for (const row of Array.isArray(data) ? data : [data]) {
      for (const column of Object.keys((row ?? {}) as Record<string, unknown>)) {
        const f = fieldOf(column);
        if (f && restricted.get(f.id)?.canUpdateFieldValue === false)
          throw denied(`no permission to write field "${f.name}" on "${object.nameSingular}"`);
      }
    }
  }
}

/** The record fields a root field selects: its own, or those under edges.node of a connection. */
function selectedColumns(info: GraphQLResolveInfo): string[] {
  const out: string[] = [];
  const walk = (set: SelectionSetNode | undefined, inConnection: boolean): void => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === 'InlineFragment') walk(sel.selectionSet, inConnection);
      else if (sel.kind === 'FragmentSpread') walk(info.fragments[sel.name.value]?.selectionSet, inConnection);
      else if (sel.kind === 'Field') {
        const name = sel.name.value;
        if (inConnection && (name === 'edges' || name === 'node')) walk((sel as FieldNode).selectionSet, name === 'edges');
        else if (!inConnection && !name.startsWith('__')) out.push(name);
      }
    }
  };
  const connection = info.returnType.toString().endsWith('Connection') || info.returnType.toString().endsWith('Connection!');
  for (const node of info.fieldNodes) walk(node.selectionSet, connection);
  return out;
}
