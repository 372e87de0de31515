// Builders for new metadata rows with Twenty's column defaults.
import { randomUUID } from 'node:crypto';
import type { FieldMeta, FieldType, ObjectMeta, ViewRow } from '../state/types.ts';

export const nowIso = (): string => new Date().toISOString();

export function newField(
  partial: Partial<FieldMeta> & Pick<FieldMeta, 'objectMetadataId' | 'name' | 'label' | 'type' | 'applicationId'>,
): FieldMeta {
  const id = partial.id ?? randomUUID();
  const at = nowIso();
  return {
    id,
    universalIdentifier: id,
    description: null,
    icon: null,
    isCustom: true,
    isActive: true,
    isSystem: false,
    isNullable: true,
    isUnique: false,
    isUIReadOnly: false,
    isLabelSyncedWithName: false,
    defaultValue: null,
    options: null,
    settings: null,
    relationTargetObjectMetadataId: null,
    relationTargetFieldMetadataId: null,
    translations: [],
    createdAt: at,
    updatedAt: at,
    ...partial,
  };
}

interface BaseFieldSpec {
  name: string;
  label: string;
  type: FieldType;
  icon: string;
  description: string;
  isNullable: boolean;
  isSystem: boolean;
  isUnique?: boolean;
  defaultValue: unknown;
}

/**
 * The fields Twenty adds to every custom object: twentyhq/twenty
 * packages/twenty-server/src/engine/metadata-modules/object-metadata/utils/
 * build-default-flat-field-metadatas-for-custom-object.util.ts @fbfd69b (copied
 * property by property; all are isCustom false, isUIReadOnly true except `name`).
 */
export const DEFAULT_CUSTOM_OBJECT_FIELDS: readonly BaseFieldSpec[] = [
  {
    name: 'id',
    label: 'Id',
    type: 'UUID',
    icon: 'Icon123',
    description: 'Id',
    isNullable: false,
    isSystem: true,
    isUnique: true,
    defaultValue: 'uuid',
  },
  {
    name: 'name',
    label: 'Name',
    type: 'TEXT',
    icon: 'IconAbc',
    description: 'Name',
    isNullable: true,
    isSystem: false,
    defaultValue: null,
  },
  {
    name: 'createdAt',
    label: 'Creation date',
    type: 'DATE_TIME',
    icon: 'IconCalendar',
    description: 'Creation date',
    isNullable: false,
    isSystem: false,
    defaultValue: 'now',
  },
  {
    name: 'updatedAt',
    label: 'Last update',
    type: 'DATE_TIME',
    icon: 'IconCalendarClock',
    description: 'Last time the record was changed',
    isNullable: false,
    isSystem: false,
    defaultValue: 'now',
  },
  {
    name: 'updatedBy',
    label: 'Updated by',
    type: 'ACTOR',
    icon: 'IconUserCircle',
    description: 'The workspace member who last updated the record',
    isNullable: false,
    isSystem: false,
    defaultValue: { name: "''", source: "'MANUAL'" },
  },
  {
    name: 'deletedAt',
    label: 'Deleted at',
    type: 'DATE_TIME',
    icon: 'IconCalendarClock',
    description: 'Deletion date',
    isNullable: true,
    isSystem: false,
    defaultValue: null,
  },
  {
    name: 'createdBy',
    label: 'Created by',
    type: 'ACTOR',
    icon: 'IconCreativeCommonsSa',
    description: 'The creator of the record',
    isNullable: false,
    isSystem: false,
    defaultValue: { name: "''", source: "'MANUAL'" },
  },
  {
    name: 'position',
    label: 'Position',
    type: 'POSITION',
    icon: 'IconHierarchy2',
    description: 'Position',
    isNullable: false,
    isSystem: true,
    defaultValue: 0,
  },
  {
    name: 'searchVector',
    label: 'Search vector',
    type: 'TS_VECTOR',
    icon: 'IconSearch',
    description: 'Search vector',
    isNullable: true,
    isSystem: true,
    defaultValue: null,
  },
];

export function defaultFieldsFor(object: ObjectMeta, skipNameField: boolean): FieldMeta[] {
  return DEFAULT_CUSTOM_OBJECT_FIELDS.filter((s) => !(skipNameField && s.name === 'name')).map((s) =>
    newField({
      objectMetadataId: object.id,
      applicationId: object.applicationId,
      name: s.name,
      label: s.label,
      type: s.type,
      icon: s.icon,
      description: s.description,
      isNullable: s.isNullable,
      isSystem: s.isSystem,
      isUnique: s.isUnique ?? false,
      isCustom: false,
      isUIReadOnly: s.name !== 'name',
      defaultValue: s.defaultValue,
      settings: s.type === 'TS_VECTOR' ? { asExpression: 'name', generatedType: 'STORED' } : null,
    }),
  );
}

export function newView(partial: Partial<ViewRow> & Pick<ViewRow, 'name' | 'objectMetadataId' | 'icon' | 'applicationId'>): ViewRow {
  const id = partial.id ?? randomUUID();
  const at = nowIso();
  return {
    id,
    universalIdentifier: id,
    type: 'TABLE',
    key: null,
    position: 0,
    isCompact: false,
    isCustom: true,
    openRecordIn: 'SIDE_PANEL',
    kanbanAggregateOperation: null,
    kanbanAggregateOperationFieldMetadataId: null,
    mainGroupByFieldMetadataId: null,
    shouldHideEmptyGroups: false,
    kanbanColumnWidth: null,
    groupLoadLimit: null,
    calendarFieldMetadataId: null,
    calendarEndFieldMetadataId: null,
    calendarLayout: null,
    anyFieldFilterValue: null,
    visibility: 'WORKSPACE',
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    ...partial,
  };
}
