// Turn Twenty's answers (2.43.0 shapes: Object, Field, Relation, View in
// twenty-client-sdk dist/metadata/generated/schema.d.ts) into the actual state.
import type { FieldType } from '../pack/index.ts';
import type { ActualField, ActualObject, ActualView, OptionState } from './state.ts';

export interface RawField {
  id: string;
  universalIdentifier?: string | null;
  name: string;
  label: string;
  type: string;
  description?: string | null;
  icon?: string | null;
  isActive?: boolean | null;
  isSystem?: boolean | null;
  isNullable?: boolean | null;
  isUnique?: boolean | null;
  defaultValue?: unknown;
  options?: unknown;
  settings?: unknown;
  objectMetadataId: string;
  applicationId?: string | null;
  relation?: {
    type: string;
    targetObjectMetadata: { id: string; nameSingular: string };
    targetFieldMetadata: { id: string; name: string };
  } | null;
}

export interface RawObjectNode {
  id: string;
  universalIdentifier?: string | null;
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  description?: string | null;
  icon?: string | null;
  isActive: boolean;
  isSystem: boolean;
  isSearchable?: boolean | null;
  applicationId?: string | null;
  labelIdentifierFieldMetadataId?: string | null;
  fieldsList: RawField[];
}

export interface RawView {
  id: string;
  universalIdentifier?: string | null;
  objectMetadataId: string;
  name: string;
  type: string;
  key?: string | null;
  icon: string;
  position: number;
  mainGroupByFieldMetadataId?: string | null;
  kanbanAggregateOperation?: string | null;
  viewFields?: Array<{ id: string; fieldMetadataId: string; position: number; isVisible: boolean; size?: number | null }> | null;
  viewGroups?: Array<{ id: string; fieldValue: string; position: number; isVisible: boolean }> | null;
  viewSorts?: Array<{ id: string; fieldMetadataId: string; direction: string }> | null;
  viewFilters?: Array<{ id: string; fieldMetadataId: string; operand: string; value: unknown; subFieldName?: string | null }> | null;
}

export function parseObjects(nodes: readonly RawObjectNode[]): ActualObject[] {
  return nodes.map((n) => ({
    id: n.id,
    ...(n.universalIdentifier ? { universalIdentifier: n.universalIdentifier } : {}),
    nameSingular: n.nameSingular,
    namePlural: n.namePlural,
    labelSingular: n.labelSingular,
    labelPlural: n.labelPlural,
    description: n.description ?? null,
    icon: n.icon ?? null,
    isActive: n.isActive,
    isSystem: n.isSystem,
    ...(typeof n.isSearchable === 'boolean' ? { isSearchable: n.isSearchable } : {}),
    applicationId: n.applicationId ?? null,
    labelIdentifierFieldMetadataId: n.labelIdentifierFieldMetadataId ?? null,
    fields: (n.fieldsList ?? []).map(parseField),
    translations: {},
  }));
}

export function parseField(f: RawField): ActualField {
  const field: ActualField = {
    id: f.id,
    ...(f.universalIdentifier ? { universalIdentifier: f.universalIdentifier } : {}),
    objectId: f.objectMetadataId,
    name: f.name,
    label: f.label,
    type: f.type as FieldType,
    description: f.description ?? null,
    icon: f.icon ?? null,
    isActive: f.isActive !== false,
    isSystem: f.isSystem === true,
    isNullable: f.isNullable !== false,
    isUnique: f.isUnique === true,
    defaultValue: f.defaultValue ?? null,
    options: parseOptions(f.options),
    settings: f.settings && typeof f.settings === 'object' && !Array.isArray(f.settings) ? (f.settings as Record<string, unknown>) : null,
    applicationId: f.applicationId ?? null,
    translations: {},
  };
  if (f.relation) {
    field.relation = {
      type: f.relation.type === 'ONE_TO_MANY' ? 'ONE_TO_MANY' : 'MANY_TO_ONE',
      targetObjectId: f.relation.targetObjectMetadata.id,
      targetObjectName: f.relation.targetObjectMetadata.nameSingular,
      targetFieldId: f.relation.targetFieldMetadata.id,
      targetFieldName: f.relation.targetFieldMetadata.name,
    };
  }
  return field;
}

function parseOptions(raw: unknown): OptionState[] | null {
  if (!Array.isArray(raw)) return null;
  return raw
    .filter((o): o is Record<string, unknown> => o !== null && typeof o === 'object')
    .map((o) => ({
      ...(typeof o.id === 'string' ? { id: o.id } : {}),
      value: String(o.value ?? ''),
      label: String(o.label ?? ''),
      color: String(o.color ?? ''),
      position: typeof o.position === 'number' ? o.position : 0,
    }));
}

export function parseViews(views: readonly RawView[]): ActualView[] {
  return views.map((v) => ({
    id: v.id,
    ...(v.universalIdentifier ? { universalIdentifier: v.universalIdentifier.toLowerCase() } : {}),
    objectMetadataId: v.objectMetadataId,
    name: v.name,
    type: v.type,
    key: v.key ?? null,
    icon: v.icon,
    position: v.position,
    mainGroupByFieldMetadataId: v.mainGroupByFieldMetadataId ?? null,
    kanbanAggregateOperation: v.kanbanAggregateOperation ?? null,
    fields: (v.viewFields ?? []).map((f) => ({
      id: f.id,
      fieldMetadataId: f.fieldMetadataId,
      position: f.position,
      isVisible: f.isVisible,
      size: f.size ?? null,
    })),
    groups: (v.viewGroups ?? []).map((g) => ({ id: g.id, fieldValue: g.fieldValue, position: g.position, isVisible: g.isVisible })),
    sorts: (v.viewSorts ?? []).map((s) => ({ id: s.id, fieldMetadataId: s.fieldMetadataId, direction: s.direction })),
    filters: (v.viewFilters ?? []).map((f) => ({
      id: f.id,
      fieldMetadataId: f.fieldMetadataId,
      operand: f.operand,
      value: f.value,
      subFieldName: f.subFieldName ?? null,
    })),
  }));
}
