// The pack's roles as twenty-sdk `defineRole` entities (RoleManifest,
// node_modules/twenty-sdk/dist/define/index.d.ts L1350-1398): the role files with
// their references resolved once more to universal identifiers, since a manifest
// names everything by those. Flags a file leaves out are written with the value
// deploy sends (ROLE_DEFAULTS), so an app install and a bankpack deploy give the
// same role.
import type { FieldTarget, ObjectTarget, RefIndex, RoleDef } from '../../pack/index.ts';
import { flagKey, PERMISSION_FLAGS, ROLE_DEFAULTS, ROLE_SETTING_KEYS } from '../../roles/index.ts';
import { sdkEnum } from './enum-value.ts';
import type { AppTexts } from './texts.ts';

export interface RoleExportContext {
  refs: RefIndex;
  texts: AppTexts;
  fieldUid: (target: FieldTarget) => string;
  resolveObject: (ref: string) => ObjectTarget;
  resolveField: (ref: string, object: ObjectTarget) => FieldTarget;
}

export function roleConfig(def: RoleDef, c: RoleExportContext): Record<string, unknown> {
  const config: Record<string, unknown> = {
    universalIdentifier: def.universalIdentifier.toLowerCase(),
    label: c.texts.source(def.label, undefined, 'label'),
  };
  if (def.description !== undefined) config.description = c.texts.source(def.description, undefined, 'description');
  if (def.icon !== undefined) config.icon = def.icon;
  for (const k of ROLE_SETTING_KEYS) config[k] = def[k] ?? ROLE_DEFAULTS[k];
  const fieldOf = (objectRef: string, fieldRef: string): { object: ObjectTarget; field: FieldTarget } => {
    const object = c.resolveObject(objectRef);
    return { object, field: c.resolveField(fieldRef, object) };
  };
  if (def.objectPermissions?.length) {
    config.objectPermissions = def.objectPermissions.map((p) => ({
      objectUniversalIdentifier: c.resolveObject(p.objectUniversalIdentifier).universalIdentifier,
      ...pick(p, ['canReadObjectRecords', 'canUpdateObjectRecords', 'canSoftDeleteObjectRecords', 'canDestroyObjectRecords']),
    }));
  }
  if (def.fieldPermissions?.length) {
    config.fieldPermissions = def.fieldPermissions.map((p) => {
      const { object, field } = fieldOf(p.objectUniversalIdentifier, p.fieldUniversalIdentifier);
      return {
        objectUniversalIdentifier: object.universalIdentifier,
        fieldUniversalIdentifier: c.fieldUid(field),
        ...pick(p, ['canReadFieldValue', 'canUpdateFieldValue']),
      };
    });
  }
  if (def.rowLevelPermissionPredicates?.length) {
    config.rowLevelPermissionPredicates = def.rowLevelPermissionPredicates.map((p) => {
      const { object, field } = fieldOf(p.objectUniversalIdentifier, p.fieldUniversalIdentifier);
      const member = p.workspaceMemberFieldUniversalIdentifier
        ? fieldOf('standard:workspaceMember', p.workspaceMemberFieldUniversalIdentifier).field
        : undefined;
      return {
        universalIdentifier: p.universalIdentifier.toLowerCase(),
        objectUniversalIdentifier: object.universalIdentifier,
        fieldUniversalIdentifier: c.fieldUid(field),
        operand: sdkEnum('RowLevelPermissionPredicateOperand', p.operand),
        ...(p.value !== undefined ? { value: p.value } : {}),
        ...(p.subFieldName ? { subFieldName: p.subFieldName } : {}),
        ...(member ? { workspaceMemberFieldUniversalIdentifier: c.fieldUid(member) } : {}),
        ...(p.workspaceMemberSubFieldName ? { workspaceMemberSubFieldName: p.workspaceMemberSubFieldName } : {}),
      };
    });
  }
  const flags = (def.permissionFlagUniversalIdentifiers ?? []).map((ref) => flagKey(ref)).filter((k) => k !== undefined);
  if (flags.length > 0) config.permissionFlagUniversalIdentifiers = [...new Set(flags)].sort().map((k) => PERMISSION_FLAGS[k]);
  return config;
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
