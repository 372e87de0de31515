// The pack model: plain data read from the YAML, with the key names of Twenty's
// app SDK manifest (twenty-sdk 2.43.0 `ObjectManifest`, `FieldManifest`,
// `ViewManifest`; see ../shared/twenty/sdk-shape.md §1.3–1.7). Every entity keeps
// a `source` so that a problem found anywhere can name its file, line and column.

/** A path into a YAML document, as keys and indexes from its root. */
export type NodePath = ReadonlyArray<string | number>;

/** Where an entity was read from: the file and the path of its node in that file. */
export interface SourceRef {
  file: string;
  path: NodePath;
}

/** A reference to an object or field: a UUID, `standard:company[.name]` or a pack name `intelLead[.stage]`. */
export type EntityRef = string;

/** `translations: { en: { label: "Stage" } }`: labels in locales other than the pack's default. */
export type Translations = Record<string, Record<string, string>>;

export type FieldType =
  | 'ACTOR'
  | 'ADDRESS'
  | 'ARRAY'
  | 'BOOLEAN'
  | 'CURRENCY'
  | 'DATE'
  | 'DATE_TIME'
  | 'EMAILS'
  | 'FILES'
  | 'FULL_NAME'
  | 'LINKS'
  | 'MORPH_RELATION'
  | 'MULTI_SELECT'
  | 'NUMBER'
  | 'NUMERIC'
  | 'PHONES'
  | 'POSITION'
  | 'RATING'
  | 'RAW_JSON'
  | 'RELATION'
  | 'RICH_TEXT'
  | 'SELECT'
  | 'TEXT'
  | 'TS_VECTOR'
  | 'UUID';

export type RelationType = 'MANY_TO_ONE' | 'ONE_TO_MANY';
export type OnDeleteAction = 'CASCADE' | 'RESTRICT' | 'SET_NULL' | 'NO_ACTION';

export interface SelectOption {
  id?: string;
  value: string;
  label: string;
  color?: string | null;
  position: number;
  translations?: Record<string, string>;
}

export interface FieldDef {
  universalIdentifier: string;
  name: string;
  label: string;
  type: FieldType;
  description?: string;
  icon?: string;
  isNullable?: boolean;
  isUnique?: boolean;
  defaultValue?: unknown;
  options?: SelectOption[];
  universalSettings?: Record<string, unknown>;
  relationTargetObjectMetadataUniversalIdentifier?: EntityRef;
  relationTargetFieldMetadataUniversalIdentifier?: EntityRef;
  translations?: Translations;
  /** Set on standalone field files (`fields/*.field.yaml`); inline fields inherit their object. */
  objectUniversalIdentifier?: EntityRef;
  source: SourceRef;
}

export interface ObjectDef {
  universalIdentifier: string;
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  description?: string;
  icon?: string;
  labelIdentifierFieldMetadataUniversalIdentifier?: EntityRef;
  isSearchable?: boolean;
  translations?: Translations;
  fields: FieldDef[];
  source: SourceRef;
}

export interface ViewFieldDef {
  universalIdentifier: string;
  fieldMetadataUniversalIdentifier: EntityRef;
  position: number;
  isVisible?: boolean;
  size?: number;
}

export interface ViewSortDef {
  universalIdentifier: string;
  fieldMetadataUniversalIdentifier: EntityRef;
  direction: 'ASC' | 'DESC';
}

export interface ViewFilterDef {
  universalIdentifier: string;
  fieldMetadataUniversalIdentifier: EntityRef;
  operand: string;
  value: unknown;
  /** For composite fields: the part filtered on. */
  subFieldName?: string;
}

export interface ViewGroupDef {
  universalIdentifier: string;
  fieldValue: string;
  position: number;
  isVisible?: boolean;
}

export interface ViewDef {
  universalIdentifier: string;
  name: string;
  objectUniversalIdentifier: EntityRef;
  type: 'TABLE' | 'KANBAN';
  icon?: string;
  position?: number;
  mainGroupByFieldMetadataUniversalIdentifier?: EntityRef;
  kanbanAggregateOperation?: string;
  fields: ViewFieldDef[];
  sorts?: ViewSortDef[];
  filters?: ViewFilterDef[];
  /** Kanban columns the file orders or hides; options it does not list follow, shown. */
  groups?: ViewGroupDef[];
  translations?: Translations;
  source: SourceRef;
}

/** pack.yaml: the pack's identity and the Twenty versions it targets. */
export interface PackManifest {
  name: string;
  version: string;
  description?: string;
  /** A semver range of Twenty server versions, e.g. ">=2.40.0 <2.44.0". */
  twenty: string;
  defaultLocale: string;
  locales?: string[];
  /** Side-menu folders for the pack's objects (exported as navigation menu items). */
  navigation?: NavigationFolder[];
  source: SourceRef;
}

export interface NavigationFolder {
  key: string;
  label: string;
  translations?: Record<string, string>;
  icon?: string;
  /** Object references: pack names or `standard:<name>`. */
  objects: EntityRef[];
}

/** A workflow file, kept as loaded; its shape belongs to src/workflows. */
export interface WorkflowDef {
  universalIdentifier: string;
  name: string;
  data: Record<string, unknown>;
  source: SourceRef;
}

/** A letter or email template: its front matter and Handlebars body. */
export interface TemplateDef {
  /** `letters/greeting` or `emails/launch-invitation`, from its path. */
  id: string;
  channel: 'letter' | 'email' | 'partial' | 'layout';
  frontMatter: Record<string, unknown>;
  body: string;
  /** Line in the file where the body starts (1-based), for problems inside it. */
  bodyLine: number;
  source: SourceRef;
}

/** Reference records the pack ships, upserted by a natural key. */
export interface SeedDef {
  object: EntityRef;
  key: string[];
  records: Record<string, unknown>[];
  demo: boolean;
  source: SourceRef;
}

/** A policy file read by the jobs (tier thresholds, sample sizes, award rules). */
export interface PolicyDef {
  name: string;
  data: Record<string, unknown>;
  source: SourceRef;
}

/** settings/bank.yaml: the bank's own details, read by letters (letterhead, reply
 *  lines) and by the e-mail send path (From, Reply-To, List-Unsubscribe). */
export interface PackSettings {
  bank: {
    name: string;
    shortName: string;
    nameEn?: string;
    department?: string;
    departmentEn?: string;
    hotline: string;
    address: string;
    addressEn?: string;
    /** Six digits. */
    postcode: string;
    /** Host name, without https://. */
    website: string;
  };
  email: {
    /** The From header: `Name <address>` or an address. */
    from: string;
    replyTo: string;
    /** `url` may hold `{id}` and `{email}`, filled per recipient. */
    unsubscribe: { mailto: string; url?: string };
  };
  source: SourceRef;
}

/** One object's record permissions in a role; an absent flag falls back to the role's `can…AllObjectRecords`. */
export interface ObjectPermissionDef {
  objectUniversalIdentifier: EntityRef;
  canReadObjectRecords?: boolean;
  canUpdateObjectRecords?: boolean;
  canSoftDeleteObjectRecords?: boolean;
  canDestroyObjectRecords?: boolean;
}

/** A field restriction: Twenty accepts only `false` (a field permission can restrict, never grant). */
export interface FieldPermissionDef {
  objectUniversalIdentifier: EntityRef;
  fieldUniversalIdentifier: EntityRef;
  canReadFieldValue?: boolean;
  canUpdateFieldValue?: boolean;
}

/** A row-level rule (Twenty Enterprise): records of the object where `field operand value`. */
export interface RowLevelPredicateDef {
  universalIdentifier: string;
  objectUniversalIdentifier: EntityRef;
  fieldUniversalIdentifier: EntityRef;
  operand: string;
  value?: unknown;
  subFieldName?: string | null;
  workspaceMemberFieldUniversalIdentifier?: EntityRef | null;
  workspaceMemberSubFieldName?: string | null;
}

/** roles/*.role.yaml: twenty-sdk's `RoleManifest` (defineRole), references by pack name or UUID. */
export interface RoleDef {
  universalIdentifier: string;
  label: string;
  description?: string;
  icon?: string;
  canUpdateAllSettings?: boolean;
  canAccessAllTools?: boolean;
  canReadAllObjectRecords?: boolean;
  canUpdateAllObjectRecords?: boolean;
  canSoftDeleteAllObjectRecords?: boolean;
  canDestroyAllObjectRecords?: boolean;
  canBeAssignedToUsers?: boolean;
  canBeAssignedToAgents?: boolean;
  canBeAssignedToApiKeys?: boolean;
  objectPermissions?: ObjectPermissionDef[];
  fieldPermissions?: FieldPermissionDef[];
  rowLevelPermissionPredicates?: RowLevelPredicateDef[];
  /** Permission flag keys (`WORKFLOWS`) or their twenty-sdk universal identifiers. */
  permissionFlagUniversalIdentifiers?: string[];
  source: SourceRef;
}

export interface Pack {
  root: string;
  manifest?: PackManifest;
  /** Absent when the pack has no settings/bank.yaml (or it failed its schema). */
  settings?: PackSettings;
  objects: ObjectDef[];
  /** Standalone fields: extensions of standard objects, or fields added to pack objects. */
  fields: FieldDef[];
  views: ViewDef[];
  workflows: WorkflowDef[];
  templates: TemplateDef[];
  seeds: SeedDef[];
  policies: PolicyDef[];
  /** roles/*.role.yaml; absent in packs assembled by hand without roles. */
  roles?: RoleDef[];
}
