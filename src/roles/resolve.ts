// A role file with its references resolved to Twenty's names (object nameSingular,
// field name), and every flag given its value: what deploy compares and sends, and what
// the cross-file checks read. Pure; unresolved references come back as problems.
import {
  type RoleDef,
  type SourceRef,
  type PendingProblem,
  refOf,
  type FieldTarget,
  type ObjectTarget,
  type RefIndex,
} from '../pack/index.ts';
import { flagKey, type PermissionFlagKey } from './flags.ts';

/** The role-wide flags, each with a value. */
export interface RoleSettings {
  canUpdateAllSettings: boolean;
  canAccessAllTools: boolean;
  canReadAllObjectRecords: boolean;
  canUpdateAllObjectRecords: boolean;
  canSoftDeleteAllObjectRecords: boolean;
  canDestroyAllObjectRecords: boolean;
  canBeAssignedToUsers: boolean;
  canBeAssignedToAgents: boolean;
  canBeAssignedToApiKeys: boolean;
}

export const ROLE_SETTING_KEYS: ReadonlyArray<keyof RoleSettings> = [
  'canUpdateAllSettings',
  'canAccessAllTools',
  'canReadAllObjectRecords',
  'canUpdateAllObjectRecords',
  'canSoftDeleteAllObjectRecords',
  'canDestroyAllObjectRecords',
  'canBeAssignedToUsers',
  'canBeAssignedToAgents',
  'canBeAssignedToApiKeys',
];

/**
 * A flag the file leaves out is false — least privilege — except canBeAssignedToUsers.
 * Deploy always sends every flag, so Twenty's own create defaults never decide.
 */
export const ROLE_DEFAULTS: RoleSettings = {
  canUpdateAllSettings: false,
  canAccessAllTools: false,
  canReadAllObjectRecords: false,
  canUpdateAllObjectRecords: false,
  canSoftDeleteAllObjectRecords: false,
  canDestroyAllObjectRecords: false,
  canBeAssignedToUsers: true,
  canBeAssignedToAgents: false,
  canBeAssignedToApiKeys: false,
};

export interface ObjectAccess {
  read: boolean;
  update: boolean;
  softDelete: boolean;
  destroy: boolean;
}

export interface ResolvedObjectPermission {
  object: string;
  origin: 'pack' | 'standard';
  /** As written: undefined falls back to the role-wide flag. */
  canReadObjectRecords?: boolean;
  canUpdateObjectRecords?: boolean;
  canSoftDeleteObjectRecords?: boolean;
  canDestroyObjectRecords?: boolean;
  index: number;
}

export interface ResolvedFieldPermission {
  object: string;
  field: string;
  canReadFieldValue: boolean | null;
  canUpdateFieldValue: boolean | null;
  index: number;
}

export interface ResolvedPredicate {
  universalIdentifier: string;
  object: string;
  field: string;
  operand: string;
  value: unknown;
  subFieldName: string | null;
  workspaceMemberField: string | null;
  workspaceMemberSubFieldName: string | null;
}

export interface ResolvedRole {
  universalIdentifier: string;
  label: string;
  description: string | null;
  icon: string | null;
  settings: RoleSettings;
  objects: ResolvedObjectPermission[];
  fields: ResolvedFieldPermission[];
  flags: PermissionFlagKey[];
  predicates: ResolvedPredicate[];
  source: SourceRef;
}

/** What the role may do with one object's records (Twenty: the object's permission, else the role-wide flag). */
export function accessTo(role: ResolvedRole, object: string): ObjectAccess {
  const p = role.objects.find((o) => o.object === object);
  return {
    read: p?.canReadObjectRecords ?? role.settings.canReadAllObjectRecords,
    update: p?.canUpdateObjectRecords ?? role.settings.canUpdateAllObjectRecords,
    softDelete: p?.canSoftDeleteObjectRecords ?? role.settings.canSoftDeleteAllObjectRecords,
    destroy: p?.canDestroyObjectRecords ?? role.settings.canDestroyAllObjectRecords,
  };
}

export function resolveRole(def: RoleDef, refs: RefIndex): { role: ResolvedRole; problems: PendingProblem[] } {
  const problems: PendingProblem[] = [];
  const at = (path: Array<string | number>, message: string, hint?: string): void => {
    problems.push({ file: def.source.file, path: [...def.source.path, ...path], rule: 'role-ref', message, ...(hint ? { hint } : {}) });
  };
  const object = (ref: string, path: Array<string | number>): ObjectTarget | undefined => {
    const r = refs.resolveObject(ref);
    if (!r.found) at(path, r.message, r.hint);
    return r.found ? r.object : undefined;
  };
  const field = (ref: string, on: ObjectTarget, path: Array<string | number>): FieldTarget | undefined => {
    const r = refs.resolveField(ref, on);
    if (!r.found) at(path, r.message, r.hint);
    else if (r.object.nameSingular !== on.nameSingular)
      at(path, `field "${refOf(r.field)}" is not on ${refOf(on)}`, `name a field of ${refOf(on)}`);
    else return r.field;
    return undefined;
  };

  const settings = { ...ROLE_DEFAULTS };
  for (const k of ROLE_SETTING_KEYS) if (def[k] !== undefined) settings[k] = def[k];

  const objects: ResolvedObjectPermission[] = [];
  (def.objectPermissions ?? []).forEach((p, i) => {
    const o = object(p.objectUniversalIdentifier, ['objectPermissions', i, 'objectUniversalIdentifier']);
    if (!o) return;
    objects.push({
      object: o.nameSingular,
      origin: o.origin,
      index: i,
      ...(p.canReadObjectRecords !== undefined ? { canReadObjectRecords: p.canReadObjectRecords } : {}),
      ...(p.canUpdateObjectRecords !== undefined ? { canUpdateObjectRecords: p.canUpdateObjectRecords } : {}),
      ...(p.canSoftDeleteObjectRecords !== undefined ? { canSoftDeleteObjectRecords: p.canSoftDeleteObjectRecords } : {}),
      ...(p.canDestroyObjectRecords !== undefined ? { canDestroyObjectRecords: p.canDestroyObjectRecords } : {}),
    });
  });

  const fields: ResolvedFieldPermission[] = [];
  (def.fieldPermissions ?? []).forEach((p, i) => {
    const o = object(p.objectUniversalIdentifier, ['fieldPermissions', i, 'objectUniversalIdentifier']);
    const f = o ? field(p.fieldUniversalIdentifier, o, ['fieldPermissions', i, 'fieldUniversalIdentifier']) : undefined;
    if (!o || !f) return;
    fields.push({
      object: o.nameSingular,
      field: f.name,
      canReadFieldValue: p.canReadFieldValue ?? null,
      canUpdateFieldValue: p.canUpdateFieldValue ?? null,
      index: i,
    });
  });

  const flags = new Set<PermissionFlagKey>();
  (def.permissionFlagUniversalIdentifiers ?? []).forEach((ref, i) => {
    const key = flagKey(ref);
    if (key) flags.add(key);
    else
      at(
        ['permissionFlagUniversalIdentifiers', i],
        `"${ref}" is no permission flag twenty-sdk 2.43 knows`,
        'use a key such as WORKFLOWS, or a SystemPermissionFlag UUID',
      );
  });

  const predicates: ResolvedPredicate[] = [];
  (def.rowLevelPermissionPredicates ?? []).forEach((p, i) => {
    const o = object(p.objectUniversalIdentifier, ['rowLevelPermissionPredicates', i, 'objectUniversalIdentifier']);
    const f = o ? field(p.fieldUniversalIdentifier, o, ['rowLevelPermissionPredicates', i, 'fieldUniversalIdentifier']) : undefined;
    let memberField: string | null = null;
    if (p.workspaceMemberFieldUniversalIdentifier) {
      const member = refs.resolveObject('standard:workspaceMember');
      const mf = member.found
        ? field(p.workspaceMemberFieldUniversalIdentifier, member.object, [
            'rowLevelPermissionPredicates',
            i,
            'workspaceMemberFieldUniversalIdentifier',
          ])
        : undefined;
      if (!mf) return;
      if (mf.relation?.relationType === 'ONE_TO_MANY') {
        // Twenty reads the member's own value (a column, a composite's part, a many-to-one's
        // id); a one-to-many has none, so the rule would be dropped and restrict nothing
        // (build-row-level-permission-record-filter.util.ts; docs/twenty-facts.md).
        problems.push({
          file: def.source.file,
          path: [...def.source.path, 'rowLevelPermissionPredicates', i, 'workspaceMemberFieldUniversalIdentifier'],
          rule: 'role-rule-member-field',
          message: `"${mf.name}" is a one-to-many relation of the workspace member: Twenty finds no value in it, so this row-level rule would restrict nothing`,
          hint: 'compare with a value the member holds itself (a field, or a many-to-one relation), or point the record at the member: a relation to standard:workspaceMember with value { isCurrentWorkspaceMemberSelected: true, selectedRecordIds: [] }',
        });
        return;
      }
      memberField = mf.name;
    }
    if (!o || !f) return;
    predicates.push({
      universalIdentifier: p.universalIdentifier,
      object: o.nameSingular,
      field: f.name,
      operand: p.operand,
      value: p.value ?? null,
      subFieldName: p.subFieldName ?? null,
      workspaceMemberField: memberField,
      workspaceMemberSubFieldName: p.workspaceMemberSubFieldName ?? null,
    });
  });

  return {
    role: {
      universalIdentifier: def.universalIdentifier.toLowerCase(),
      label: def.label,
      description: def.description ?? null,
      icon: def.icon ?? null,
      settings,
      objects,
      fields,
      flags: [...flags].sort(),
      predicates,
      source: def.source,
    },
    problems,
  };
}
