// pull, roles: the workspace's custom roles (not Twenty's Admin nor its default role,
// roles-read.ts) as roles/*.role.yaml, in the form the plan reads back: every role-wide
// flag written out, objects and fields by pack name, permission flags by key. Each keeps
// its workspace id as universalIdentifier, so that a deploy finds it again
// (roles-plan.ts roleChange) instead of creating a second one; so does each row-level rule
// (Twenty Enterprise; a server without them answers none, roles-read.ts).
import { ROLE_SETTING_KEYS } from '../roles/index.ts';
import type { ActualObject } from './state.ts';
import { isCustomRole, type WorkspaceRoles } from './roles-read.ts';
import { livePredicates } from './roles-rls.ts';

export interface PulledRole {
  /** Path inside the pack: roles/<label>-<id>.role.yaml. */
  path: string;
  data: Record<string, unknown>;
}

const OBJECT_FLAGS = ['canReadObjectRecords', 'canUpdateObjectRecords', 'canSoftDeleteObjectRecords', 'canDestroyObjectRecords'] as const;
const FIELD_FLAGS = ['canReadFieldValue', 'canUpdateFieldValue'] as const;

/** `objectRef`: how the pack names an object (its nameSingular, or `standard:<name>`). */
export function pullRoles(
  workspace: WorkspaceRoles,
  objects: readonly ActualObject[],
  objectRef: (o: ActualObject) => string,
): PulledRole[] {
  const objectOf = (id: string): ActualObject | undefined => objects.find((o) => o.id === id);
  return workspace.roles
    .filter((r) => isCustomRole(r, workspace))
    .map((r) => {
      const objectPermissions = (r.objectPermissions ?? []).flatMap((p) => {
        const o = objectOf(p.objectMetadataId);
        const set = OBJECT_FLAGS.filter((k) => typeof p[k] === 'boolean').map((k) => [k, p[k]] as const);
        return o && set.length > 0 ? [{ objectUniversalIdentifier: objectRef(o), ...Object.fromEntries(set) }] : [];
      });
      const fieldPermissions = (r.fieldPermissions ?? []).flatMap((p) => {
        const o = objectOf(p.objectMetadataId);
        const f = o?.fields.find((x) => x.id === p.fieldMetadataId);
        const set = FIELD_FLAGS.filter((k) => typeof p[k] === 'boolean').map((k) => [k, p[k]] as const);
        return o && f && set.length > 0
          ? [{ objectUniversalIdentifier: objectRef(o), fieldUniversalIdentifier: f.name, ...Object.fromEntries(set) }]
          : [];
      });
      const rowLevelPermissionPredicates = livePredicates(r, objects).flatMap((p) => {
        const o = objects.find((x) => x.nameSingular === p.object);
        return o
          ? [
              {
                universalIdentifier: p.id,
                objectUniversalIdentifier: objectRef(o),
                fieldUniversalIdentifier: p.field,
                operand: p.operand,
                ...(p.value !== null ? { value: p.value } : {}),
                ...(p.subFieldName ? { subFieldName: p.subFieldName } : {}),
                ...(p.workspaceMemberField ? { workspaceMemberFieldUniversalIdentifier: p.workspaceMemberField } : {}),
                ...(p.workspaceMemberSubFieldName ? { workspaceMemberSubFieldName: p.workspaceMemberSubFieldName } : {}),
              },
            ]
          : [];
      });
      const flags = (r.permissionFlags ?? []).map((f) => f.flag).sort();
      const data: Record<string, unknown> = {
        universalIdentifier: r.id,
        label: r.label,
        ...(r.description ? { description: r.description } : {}),
        ...(r.icon ? { icon: r.icon } : {}),
        ...Object.fromEntries(ROLE_SETTING_KEYS.map((k) => [k, r[k] === true])),
        ...(flags.length > 0 ? { permissionFlagUniversalIdentifiers: flags } : {}),
        ...(objectPermissions.length > 0 ? { objectPermissions } : {}),
        ...(fieldPermissions.length > 0 ? { fieldPermissions } : {}),
        ...(rowLevelPermissionPredicates.length > 0 ? { rowLevelPermissionPredicates } : {}),
      };
      const slug = r.label
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      return { path: `roles/${slug ? `${slug}-` : ''}${r.id.slice(0, 8)}.role.yaml`, data };
    });
}
