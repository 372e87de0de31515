// The shape of the hand-maintained table that completes twenty-sdk's
// STANDARD_OBJECT constant (which names objects and fields but gives no types),
// and small builders that keep the per-object tables short.
import type { FieldType, RelationType } from '../../model.ts';
import type { StandardOption } from '../types.ts';

export interface HandField {
  type: FieldType;
  label: string;
  icon?: string;
  /** Defaults to true, as in Twenty's createStandardFieldFlatMetadata. */
  isNullable?: boolean;
  /** Defaults to false. */
  isSystem?: boolean;
  defaultValue?: unknown;
  options?: StandardOption[];
  relation?: { type: RelationType; targetObject: string; targetField: string };
}

export interface HandObject {
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  icon: string;
  isSystem: boolean;
  labelIdentifierFieldName: string;
  /** Fields beyond the system fields every object shares (SYSTEM_FIELDS). */
  fields: Record<string, HandField>;
}

type Extra = Partial<Pick<HandField, 'isNullable' | 'isSystem' | 'defaultValue' | 'options'>>;

export function field(type: FieldType, label: string, icon: string, extra: Extra = {}): HandField {
  return { type, label, icon, ...extra };
}

/** A MANY_TO_ONE relation (the side holding the `<name>Id` join column). */
export function manyToOne(label: string, icon: string, targetObject: string, targetField: string, extra: Extra = {}): HandField {
  return { type: 'RELATION', label, icon, ...extra, relation: { type: 'MANY_TO_ONE', targetObject, targetField } };
}

export function oneToMany(label: string, icon: string, targetObject: string, targetField: string, extra: Extra = {}): HandField {
  return { type: 'RELATION', label, icon, ...extra, relation: { type: 'ONE_TO_MANY', targetObject, targetField } };
}

/** One leg of a polymorphic target (`targetPerson`, `targetCompany`…): MORPH_RELATION, MANY_TO_ONE. */
export function morphTarget(label: string, icon: string, targetObject: string, targetField: string): HandField {
  return { type: 'MORPH_RELATION', label, icon, relation: { type: 'MANY_TO_ONE', targetObject, targetField } };
}

/** SELECT / MULTI_SELECT options in display order: [value, label, color]. */
export function options(list: ReadonlyArray<readonly [string, string, string]>): StandardOption[] {
  return list.map(([value, label, color], position) => ({ value, label, color, position }));
}

const ACTOR_DEFAULT = { source: "'MANUAL'", name: "'System'", workspaceMemberId: null };

/**
 * The eight fields every standard object carries. Types, labels, icons,
 * nullability and defaults from twentyhq/twenty
 * packages/twenty-server/src/engine/workspace-manager/twenty-standard-application/utils/field-metadata/compute-company-standard-flat-field-metadata.util.ts
 * (the i18nLabel version, where all eight are isSystem: true). Applied only to
 * the fields an object's SDK entry actually has.
 */
export const SYSTEM_FIELDS: Readonly<Record<string, HandField>> = {
  id: field('UUID', 'Id', 'Icon123', { isSystem: true, isNullable: false, defaultValue: 'uuid' }),
  createdAt: field('DATE_TIME', 'Creation date', 'IconCalendar', { isSystem: true, isNullable: false, defaultValue: 'now' }),
  updatedAt: field('DATE_TIME', 'Last update', 'IconCalendarClock', { isSystem: true, isNullable: false, defaultValue: 'now' }),
  deletedAt: field('DATE_TIME', 'Deleted at', 'IconCalendarMinus', { isSystem: true, isNullable: true }),
  createdBy: field('ACTOR', 'Created by', 'IconCreativeCommonsSa', { isSystem: true, isNullable: false, defaultValue: ACTOR_DEFAULT }),
  updatedBy: field('ACTOR', 'Updated by', 'IconUserCircle', { isSystem: true, isNullable: false, defaultValue: ACTOR_DEFAULT }),
  position: field('POSITION', 'Position', 'IconHierarchy2', { isSystem: true, isNullable: false, defaultValue: 0 }),
  searchVector: field('TS_VECTOR', 'Search vector', 'IconUser', { isSystem: true, isNullable: true }),
};

/**
 * The relation fields a standard object gets towards the shared "target"
 * objects: ONE_TO_MANY, inverse `target<Object>` (a MORPH_RELATION leg).
 * Labels and icons: object-metadata/constants/standard-relation-field-properties.constant.ts;
 * calendar and email legs: compute-company-standard-flat-field-metadata.util (compiled 2.x).
 */
export function targetRelations(targetField: string): Record<string, HandField> {
  return {
    taskTargets: oneToMany('Tasks', 'IconCheckbox', 'taskTarget', targetField),
    noteTargets: oneToMany('Notes', 'IconNotes', 'noteTarget', targetField),
    agentChatThreadTargets: oneToMany('Conversations', 'IconMessage', 'agentChatThreadTarget', targetField),
    calendarEventTargets: oneToMany('Calendar events', 'IconCalendar', 'calendarEventTarget', targetField),
    messageThreadTargets: oneToMany('Emails', 'IconMail', 'messageThreadTarget', targetField),
    attachments: oneToMany('Attachments', 'IconPaperclip', 'attachment', targetField),
    timelineActivities: oneToMany('Timeline Activities', 'IconTimelineEvent', 'timelineActivity', targetField),
  };
}
