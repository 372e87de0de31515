// A new workspace: Twenty's standard objects and fields from the sandbox's
// own catalogue (src/catalogue), relations linked both ways, an
// "All …" INDEX view per visible object, and one workspace member to own records.
import { randomUUID } from 'node:crypto';
import type { StandardObject } from '../catalogue/types.ts';
import { newField, newView, nowIso } from '../metadata/rows.ts';
import type { FieldMeta, ObjectMeta, RecordRow, ViewChildRow, ViewRow, WorkspaceData } from './types.ts';

export async function loadStandardObjects(): Promise<readonly StandardObject[]> {
  // Loaded when first needed: tests that seed a small catalogue never parse it.
  const { STANDARD_OBJECTS } = await import('../catalogue/index.ts');
  return STANDARD_OBJECTS;
}

function relationSettings(type: string, name: string): Record<string, unknown> {
  return type === 'MANY_TO_ONE' ? { relationType: type, onDelete: 'SET_NULL', joinColumnName: `${name}Id` } : { relationType: type };
}

export function seedWorkspace(catalogue: readonly StandardObject[]): WorkspaceData {
  const standardApplicationId = randomUUID();
  const at = nowIso();
  const objects: ObjectMeta[] = [];
  const fields: FieldMeta[] = [];
  const byName = new Map<string, { object: ObjectMeta; fields: Map<string, FieldMeta> }>();
  for (const s of catalogue) {
    const object: ObjectMeta = {
      id: randomUUID(),
      universalIdentifier: s.universalIdentifier,
      applicationId: standardApplicationId,
      nameSingular: s.nameSingular,
      namePlural: s.namePlural,
      labelSingular: s.labelSingular,
      labelPlural: s.labelPlural,
      description: null,
      icon: s.icon,
      shortcut: null,
      color: null,
      isCustom: false,
      isRemote: false,
      isActive: true,
      isSystem: s.isSystem,
      isSearchable: !s.isSystem,
      isLabelSyncedWithName: false,
      labelIdentifierFieldMetadataId: null,
      imageIdentifierFieldMetadataId: null,
      openRecordIn: 'SIDE_PANEL',
      translations: [],
      createdAt: at,
      updatedAt: at,
    };
    const own = new Map<string, FieldMeta>();
    for (const f of s.fields) {
      const field = newField({
        objectMetadataId: object.id,
        applicationId: standardApplicationId,
        universalIdentifier: f.universalIdentifier,
        name: f.name,
        label: f.label,
        type: f.type,
        icon: f.icon ?? null,
        isCustom: false,
        isSystem: f.isSystem,
        isNullable: f.isNullable,
        isUIReadOnly: f.isSystem,
        defaultValue: f.defaultValue ?? null,
        options: f.options ? f.options.map((o) => ({ id: randomUUID(), ...o })) : null,
        settings: f.relation ? relationSettings(f.relation.type, f.name) : null,
      });
      own.set(f.name, field);
      fields.push(field);
    }
    object.labelIdentifierFieldMetadataId = own.get(s.labelIdentifierFieldName)?.id ?? null;
    objects.push(object);
    byName.set(s.nameSingular, { object, fields: own });
  }
  // Link relation pairs once every field has its id.
  for (const s of catalogue) {
    const own = byName.get(s.nameSingular);
    for (const f of s.fields) {
      if (!f.relation || !own) continue;
      const field = own.fields.get(f.name);
      const target = byName.get(f.relation.targetObject);
      if (!field || !target) continue;
      field.relationTargetObjectMetadataId = target.object.id;
      field.relationTargetFieldMetadataId = target.fields.get(f.relation.targetField)?.id ?? null;
    }
  }
  const views: ViewRow[] = [];
  const viewFields: ViewChildRow[] = [];
  for (const o of objects) {
    if (o.isSystem) continue;
    const view = newView({
      name: `All ${o.labelPlural}`,
      objectMetadataId: o.id,
      icon: 'IconList',
      key: 'INDEX',
      isCustom: false,
      applicationId: standardApplicationId,
    });
    views.push(view);
    if (o.labelIdentifierFieldMetadataId) {
      viewFields.push({
        id: randomUUID(),
        viewId: view.id,
        fieldMetadataId: o.labelIdentifierFieldMetadataId,
        isVisible: true,
        size: 210,
        position: 0,
        aggregateOperation: null,
        viewFieldGroupId: null,
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      });
    }
  }
  const records: Record<string, RecordRow[]> = {};
  const member = byName.get('workspaceMember');
  if (member) {
    records[member.object.id] = [
      {
        id: randomUUID(),
        name: { firstName: 'Sandbox', lastName: 'Admin' },
        userEmail: 'admin@sandbox.localhost',
        colorScheme: 'System',
        locale: 'en',
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      },
    ];
  }
  return {
    formatVersion: 1,
    workspaceId: randomUUID(),
    standardApplicationId,
    customApplicationId: randomUUID(),
    objects,
    fields,
    views,
    viewChildren: { viewField: viewFields, viewGroup: [], viewSort: [], viewFilter: [], viewFilterGroup: [] },
    records,
  };
}
