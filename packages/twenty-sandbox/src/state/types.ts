// The sandbox workspace as plain, JSON-serialisable data: metadata rows shaped
// like Twenty's flat entities (objectMetadata, fieldMetadata, view…) and the
// records of every object, keyed by object id.
import type { FieldType, RelationType } from '../catalogue/types.ts';

export type { FieldType, RelationType };

export interface Translation {
  locale: string;
  property: string;
  value: string | null;
}

export interface ObjectMeta {
  id: string;
  universalIdentifier: string;
  applicationId: string;
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  description: string | null;
  icon: string | null;
  shortcut: string | null;
  color: string | null;
  /** Created through the API (Twenty's `isCustom`, no longer exposed in 2.x). */
  isCustom: boolean;
  isRemote: boolean;
  isActive: boolean;
  isSystem: boolean;
  isSearchable: boolean;
  isLabelSyncedWithName: boolean;
  labelIdentifierFieldMetadataId: string | null;
  imageIdentifierFieldMetadataId: string | null;
  openRecordIn: string;
  translations: Translation[];
  createdAt: string;
  updatedAt: string;
}

export interface FieldOption {
  id: string;
  value: string;
  label: string;
  color: string;
  position: number;
}

export interface FieldMeta {
  id: string;
  universalIdentifier: string;
  applicationId: string;
  objectMetadataId: string;
  name: string;
  label: string;
  type: FieldType;
  description: string | null;
  icon: string | null;
  isCustom: boolean;
  isActive: boolean;
  isSystem: boolean;
  isNullable: boolean;
  isUnique: boolean;
  isUIReadOnly: boolean;
  isLabelSyncedWithName: boolean;
  defaultValue: unknown;
  options: FieldOption[] | null;
  settings: Record<string, unknown> | null;
  relationTargetObjectMetadataId: string | null;
  relationTargetFieldMetadataId: string | null;
  translations: Translation[];
  createdAt: string;
  updatedAt: string;
}

export interface ViewRow {
  id: string;
  universalIdentifier: string;
  applicationId: string;
  name: string;
  objectMetadataId: string;
  type: string;
  key: string | null;
  icon: string;
  position: number;
  isCompact: boolean;
  isCustom: boolean;
  openRecordIn: string;
  kanbanAggregateOperation: string | null;
  kanbanAggregateOperationFieldMetadataId: string | null;
  mainGroupByFieldMetadataId: string | null;
  shouldHideEmptyGroups: boolean;
  kanbanColumnWidth: number | null;
  groupLoadLimit: number | null;
  calendarFieldMetadataId: string | null;
  calendarEndFieldMetadataId: string | null;
  calendarLayout: string | null;
  anyFieldFilterValue: string | null;
  visibility: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** viewField, viewGroup, viewSort, viewFilter, viewFilterGroup rows: their own columns plus the common ones. */
export interface ViewChildRow {
  id: string;
  viewId: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  [column: string]: unknown;
}

export type ViewChildKind = 'viewField' | 'viewGroup' | 'viewSort' | 'viewFilter' | 'viewFilterGroup';

export type RecordRow = Record<string, unknown> & { id: string };

export interface WorkspaceData {
  formatVersion: 1;
  workspaceId: string;
  standardApplicationId: string;
  customApplicationId: string;
  objects: ObjectMeta[];
  fields: FieldMeta[];
  views: ViewRow[];
  viewChildren: Record<ViewChildKind, ViewChildRow[]>;
  /** Records by object id. */
  records: Record<string, RecordRow[]>;
  /** State kept by other parts of the sandbox (roles, API keys), by part name. */
  extras?: Record<string, unknown>;
}

export type { RelationType as RelationKind };
