// The fields Twenty adds to every custom object it creates. A pack field may
// not reuse these names, and records of a pack object always carry them.
import type { FieldType } from '../model.ts';

export interface CustomObjectDefaultField {
  name: string;
  type: FieldType;
  label: string;
  isNullable: boolean;
  isSystem: boolean;
  defaultValue?: unknown;
  /** Only `name`: left out when the object is created with `skipNameField`. */
  skippable?: true;
  /**
   * System relations: ONE_TO_MANY to a standard object, whose inverse is a
   * MORPH_RELATION leg named `target<NameSingular>` (see customObjectInverseFieldName).
   */
  relation?: { type: 'ONE_TO_MANY'; targetObject: string };
}

const MANUAL_ACTOR = { name: "''", source: "'MANUAL'" };

/**
 * Plain fields: twentyhq/twenty packages/twenty-server/src/engine/metadata-modules/object-metadata/utils/
 * build-default-flat-field-metadatas-for-custom-object.util.ts @04372c6 (only id, position and
 * searchVector are isSystem there). Relations: build-system-relation-flat-field-metadatas-for-object.util.ts
 * @1afeb26, driven by DEFAULT_RELATIONS_OBJECTS_STANDARD_IDS = timelineActivity, attachment,
 * noteTarget, taskTarget (favorite is gone in 2.x), labels and icons from
 * object-metadata/constants/standard-relation-field-properties.constant.ts.
 */
export const CUSTOM_OBJECT_DEFAULT_FIELDS: readonly CustomObjectDefaultField[] = [
  { name: 'id', type: 'UUID', label: 'Id', isNullable: false, isSystem: true, defaultValue: 'uuid' },
  { name: 'name', type: 'TEXT', label: 'Name', isNullable: true, isSystem: false, skippable: true },
  { name: 'createdAt', type: 'DATE_TIME', label: 'Creation date', isNullable: false, isSystem: false, defaultValue: 'now' },
  { name: 'updatedAt', type: 'DATE_TIME', label: 'Last update', isNullable: false, isSystem: false, defaultValue: 'now' },
  { name: 'deletedAt', type: 'DATE_TIME', label: 'Deleted at', isNullable: true, isSystem: false },
  { name: 'createdBy', type: 'ACTOR', label: 'Created by', isNullable: false, isSystem: false, defaultValue: MANUAL_ACTOR },
  { name: 'updatedBy', type: 'ACTOR', label: 'Updated by', isNullable: false, isSystem: false, defaultValue: MANUAL_ACTOR },
  { name: 'position', type: 'POSITION', label: 'Position', isNullable: false, isSystem: true, defaultValue: 0 },
  { name: 'searchVector', type: 'TS_VECTOR', label: 'Search vector', isNullable: true, isSystem: true },
  {
    name: 'timelineActivities',
    type: 'RELATION',
    label: 'Timeline Activities',
    isNullable: true,
    isSystem: true,
    relation: { type: 'ONE_TO_MANY', targetObject: 'timelineActivity' },
  },
  {
    name: 'attachments',
    type: 'RELATION',
    label: 'Attachments',
    isNullable: true,
    isSystem: true,
    relation: { type: 'ONE_TO_MANY', targetObject: 'attachment' },
  },
  {
    name: 'noteTargets',
    type: 'RELATION',
    label: 'Notes',
    isNullable: true,
    isSystem: true,
    relation: { type: 'ONE_TO_MANY', targetObject: 'noteTarget' },
  },
  {
    name: 'taskTargets',
    type: 'RELATION',
    label: 'Tasks',
    isNullable: true,
    isSystem: true,
    relation: { type: 'ONE_TO_MANY', targetObject: 'taskTarget' },
  },
];

/**
 * The leg Twenty adds on the standard target object (taskTarget, attachment…)
 * for a custom object: `target` + capitalised nameSingular, join column `<that>Id`.
 */
export function customObjectInverseFieldName(nameSingular: string): string {
  return `target${nameSingular.charAt(0).toUpperCase()}${nameSingular.slice(1)}`;
}

/**
 * Names of the fields Twenty adds to a custom object, as a workspace may hold them: the list
 * above, plus `favorites`, the system relation Twenty 1.x added and 2.x no longer creates
 * (build-system-relation-flat-field-metadatas-for-object.util.ts @1afeb26), which objects
 * created before the upgrade still carry. Read a workspace with it; never create from it.
 */
export const SYSTEM_FIELD_NAMES: ReadonlySet<string> = new Set([...CUSTOM_OBJECT_DEFAULT_FIELDS.map((f) => f.name), 'favorites']);
