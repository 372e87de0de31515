// The two sides of a deploy, as plain data: what the pack wants (desired) and what
// the workspace has (actual). Objects are matched by nameSingular and fields by
// (object, name), because Twenty's /metadata API lets no client choose their ids
// (../shared/twenty/metadata-api.md §7); views and their parts carry deterministic ids.
import type { FieldType, SourceRef } from '../pack/index.ts';

/** `{ en: { label: "Stage" } }`: per locale, per property, the label Twenty should show. */
export type TranslationMap = Record<string, Record<string, string>>;

export interface OptionState {
  id?: string;
  value: string;
  label: string;
  color: string;
  position: number;
}

// ─── desired ────────────────────────────────────────────────────────────────

export interface DesiredObject {
  universalIdentifier: string;
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  /** Absent when the pack does not set one: then the workspace's stays as it is. */
  description?: string;
  icon: string | null;
  isSearchable?: boolean;
  /** Name of the field shown as the record's title. */
  labelIdentifierFieldName?: string;
  translations: TranslationMap;
  source: SourceRef;
}

export interface DesiredRelation {
  type: 'MANY_TO_ONE' | 'ONE_TO_MANY';
  targetObject: string;
  /** The field on the target object that is the other side. */
  targetField: string;
  onDelete?: string;
}

export interface DesiredField {
  /** nameSingular of the object it belongs to (custom or standard). */
  object: string;
  universalIdentifier: string;
  name: string;
  label: string;
  type: FieldType;
  description?: string;
  icon: string | null;
  isNullable?: boolean;
  isUnique?: boolean;
  defaultValue?: unknown;
  options?: OptionState[];
  settings?: Record<string, unknown>;
  relation?: DesiredRelation;
  translations: TranslationMap;
  source: SourceRef;
}

export interface DesiredViewField {
  id: string;
  field: string;
  position: number;
  isVisible: boolean;
  size?: number;
}

export interface DesiredViewSort {
  id: string;
  field: string;
  direction: 'ASC' | 'DESC';
}

/** A filter of the view's records, as Twenty stores it: the value is JSON (a SELECT's options as an array). */
export interface DesiredViewFilter {
  id: string;
  field: string;
  operand: string;
  value: unknown;
  subFieldName?: string;
}

export interface DesiredViewGroup {
  id: string;
  fieldValue: string;
  position: number;
  isVisible: boolean;
}

export interface DesiredView {
  id: string;
  universalIdentifier: string;
  object: string;
  name: string;
  type: 'TABLE' | 'KANBAN';
  icon: string;
  position: number;
  mainGroupByField?: string;
  kanbanAggregateOperation?: string;
  fields: DesiredViewField[];
  sorts: DesiredViewSort[];
  filters: DesiredViewFilter[];
  /** Kanban columns: one per option of the group-by field, in the field's order. */
  groups: DesiredViewGroup[];
  source: SourceRef;
}

export interface DesiredRecord {
  /** Deterministic id, so that a lost create is recognised on the next read. */
  id: string;
  /** The natural key, as `field=value` pairs joined, for messages. */
  keyText: string;
  data: Record<string, unknown>;
}

export interface DesiredSeed {
  object: string;
  key: string[];
  records: DesiredRecord[];
  source: SourceRef;
}

export interface DesiredState {
  /** The locale whose labels are the labels; the others go as translation overrides. */
  locale: string;
  objects: DesiredObject[];
  fields: DesiredField[];
  views: DesiredView[];
  seeds: DesiredSeed[];
}

// ─── actual ─────────────────────────────────────────────────────────────────

export interface ActualRelation {
  type: 'MANY_TO_ONE' | 'ONE_TO_MANY';
  targetObjectId: string;
  targetObjectName: string;
  targetFieldId: string;
  targetFieldName: string;
}

export interface ActualField {
  id: string;
  universalIdentifier?: string;
  objectId: string;
  name: string;
  label: string;
  type: FieldType;
  description: string | null;
  icon: string | null;
  isActive: boolean;
  isSystem: boolean;
  isNullable: boolean;
  isUnique: boolean;
  defaultValue: unknown;
  options: OptionState[] | null;
  settings: Record<string, unknown> | null;
  applicationId: string | null;
  relation?: ActualRelation;
  /** Labels as Twenty shows them in other locales (read with `x-locale`). */
  translations: TranslationMap;
}

export interface ActualObject {
  id: string;
  universalIdentifier?: string;
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  description: string | null;
  icon: string | null;
  isActive: boolean;
  isSystem: boolean;
  isSearchable?: boolean;
  applicationId: string | null;
  labelIdentifierFieldMetadataId: string | null;
  fields: ActualField[];
  translations: TranslationMap;
}

export interface ActualView {
  id: string;
  /** A view an app installed carries the manifest's identifier, which is the pack's. */
  universalIdentifier?: string;
  objectMetadataId: string;
  name: string;
  type: string;
  key: string | null;
  icon: string;
  position: number;
  mainGroupByFieldMetadataId: string | null;
  kanbanAggregateOperation: string | null;
  fields: Array<{ id: string; fieldMetadataId: string; position: number; isVisible: boolean; size: number | null }>;
  groups: Array<{ id: string; fieldValue: string; position: number; isVisible: boolean }>;
  sorts: Array<{ id: string; fieldMetadataId: string; direction: string }>;
  filters: Array<{ id: string; fieldMetadataId: string; operand: string; value: unknown; subFieldName: string | null }>;
}

export interface ActualState {
  objects: ActualObject[];
  views: ActualView[];
  /** Seed objects' records, by object nameSingular (only the fields the seeds use). */
  records: Record<string, Array<Record<string, unknown> & { id: string }>>;
  /** Locales whose labels were read back. */
  locales: string[];
}
