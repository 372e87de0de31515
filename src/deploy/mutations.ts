// The GraphQL documents deploy sends, and the inputs built from the desired state.
// Shapes from the 2.43.0 SDL (twenty-client-sdk dist/metadata/generated/schema.d.ts):
// CreateObjectInput, CreateFieldInput, UpdateFieldInput, CreateViewInput,
// CreateViewFieldInput, CreateViewGroupInput, CreateViewSortInput.
import { hasTranslations, translationInputs } from './compare.ts';
import type { DesiredField, DesiredObject, DesiredView } from './state.ts';

export const FIELD_SELECTION = `id universalIdentifier name label type description icon isActive isSystem isNullable isUnique
  defaultValue options settings objectMetadataId applicationId
  relation { type targetObjectMetadata { id nameSingular } targetFieldMetadata { id name } }`;

export const OBJECT_SELECTION = `id universalIdentifier nameSingular namePlural labelSingular labelPlural description icon
  isActive isSystem isSearchable applicationId labelIdentifierFieldMetadataId fieldsList { ${FIELD_SELECTION} }`;

export const CREATE_OBJECT = `mutation BankpackCreateObject($input: CreateOneObjectInput!) { createOneObject(input: $input) { ${OBJECT_SELECTION} } }`;
export const UPDATE_OBJECT = `mutation BankpackUpdateObject($input: UpdateOneObjectInput!) { updateOneObject(input: $input) { id } }`;
export const UPDATE_OBJECTS = `mutation BankpackUpdateObjects($inputs: [UpdateOneObjectInput!]!) { updateManyObjects(inputs: $inputs) { id } }`;
export const DELETE_OBJECT = `mutation BankpackDeleteObject($input: DeleteOneObjectInput!) { deleteOneObject(input: $input) { id } }`;
export const CREATE_FIELD = `mutation BankpackCreateField($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { ${FIELD_SELECTION} } }`;
export const UPDATE_FIELD = `mutation BankpackUpdateField($input: UpdateOneFieldMetadataInput!) { updateOneField(input: $input) { id name } }`;
export const DELETE_FIELD = `mutation BankpackDeleteField($input: DeleteOneFieldInput!) { deleteOneField(input: $input) { id } }`;

const VIEW_SELECTION = `id universalIdentifier objectMetadataId name type key icon position mainGroupByFieldMetadataId kanbanAggregateOperation
  viewFields { id fieldMetadataId position isVisible size }
  viewGroups { id fieldValue position isVisible }
  viewSorts { id fieldMetadataId direction }
  viewFilters { id fieldMetadataId operand value subFieldName }`;

export const GET_VIEW = `query BankpackView($id: String!) { getView(id: $id) { ${VIEW_SELECTION} } }`;
export const CREATE_VIEW = `mutation BankpackCreateView($input: CreateViewInput!) { createView(input: $input) { ${VIEW_SELECTION} } }`;
export const UPDATE_VIEW = `mutation BankpackUpdateView($id: String!, $input: UpdateViewInput!) { updateView(id: $id, input: $input) { id } }`;
export const DELETE_VIEW = `mutation BankpackDeleteView($id: String!) { deleteView(id: $id) }`;
export const CREATE_VIEW_FIELDS = `mutation BankpackCreateViewFields($inputs: [CreateViewFieldInput!]!) { createManyViewFields(inputs: $inputs) { id } }`;
export const UPDATE_VIEW_FIELD = `mutation BankpackUpdateViewField($input: UpdateViewFieldInput!) { updateViewField(input: $input) { id } }`;
export const CREATE_VIEW_GROUPS = `mutation BankpackCreateViewGroups($inputs: [CreateViewGroupInput!]!) { createManyViewGroups(inputs: $inputs) { id } }`;
export const UPDATE_VIEW_GROUP = `mutation BankpackUpdateViewGroup($input: UpdateViewGroupInput!) { updateViewGroup(input: $input) { id } }`;
export const CREATE_VIEW_SORT = `mutation BankpackCreateViewSort($input: CreateViewSortInput!) { createViewSort(input: $input) { id } }`;
export const CREATE_VIEW_FILTER = `mutation BankpackCreateViewFilter($input: CreateViewFilterInput!) { createViewFilter(input: $input) { id } }`;
export const UPDATE_VIEW_FILTER = `mutation BankpackUpdateViewFilter($input: UpdateViewFilterInput!) { updateViewFilter(input: $input) { id } }`;
export const UPDATE_VIEW_SORT = `mutation BankpackUpdateViewSort($input: UpdateViewSortInput!) { updateViewSort(input: $input) { id } }`;

export const RECORD_COUNTS = `query BankpackRecordCounts { objectRecordCounts { objectNamePlural totalCount } }`;

export function createObjectInput(o: DesiredObject, skipNameField: boolean): Record<string, unknown> {
  return {
    nameSingular: o.nameSingular,
    namePlural: o.namePlural,
    labelSingular: o.labelSingular,
    labelPlural: o.labelPlural,
    ...(o.description !== undefined ? { description: o.description } : {}),
    ...(o.icon ? { icon: o.icon } : {}),
    // Names are the pack's own, not computed from (Chinese) labels.
    isLabelSyncedWithName: false,
    ...(skipNameField ? { skipNameField: true } : {}),
  };
}

/** What a created object still needs that createOneObject cannot take. */
export function objectFollowUp(o: DesiredObject): Record<string, unknown> | undefined {
  const update: Record<string, unknown> = {};
  if (hasTranslations(o.translations)) update.translations = translationInputs(o.translations);
  if (o.isSearchable !== undefined) update.isSearchable = o.isSearchable;
  return Object.keys(update).length > 0 ? update : undefined;
}

export function createFieldInput(f: DesiredField, objectMetadataId: string): Record<string, unknown> {
  return {
    objectMetadataId,
    type: f.type,
    name: f.name,
    label: f.label,
    ...(f.description !== undefined ? { description: f.description } : {}),
    ...(f.icon ? { icon: f.icon } : {}),
    ...(f.isNullable !== undefined ? { isNullable: f.isNullable } : {}),
    ...(f.isUnique !== undefined ? { isUnique: f.isUnique } : {}),
    ...(f.defaultValue !== undefined ? { defaultValue: f.defaultValue } : {}),
    // On create Twenty keeps a client-given option id (`{ id: v4(), ...option }`), so ours are stable.
    ...(f.options ? { options: f.options } : {}),
    ...(f.settings ? { settings: f.settings } : {}),
    isLabelSyncedWithName: false,
  };
}

/**
 * RELATION field with `relationCreationPayload` (field-metadata/utils/validate-relation-creation-payload-or-throw.util.ts
 * @0e751fc: targetFieldIcon is required; unknown keys pass, so `targetFieldName` and `onDelete`,
 * honoured by newer servers, do no harm on older ones).
 */
export function createRelationInput(
  source: DesiredField,
  inverse: DesiredField | undefined,
  objectMetadataId: string,
  targetObjectMetadataId: string,
  fallback: { label: string; icon: string; name: string },
): Record<string, unknown> {
  const rel = source.relation!;
  return {
    objectMetadataId,
    type: 'RELATION',
    name: source.name,
    label: source.label,
    ...(source.description !== undefined ? { description: source.description } : {}),
    ...(source.icon ? { icon: source.icon } : {}),
    isLabelSyncedWithName: false,
    relationCreationPayload: {
      type: rel.type,
      targetObjectMetadataId,
      // Servers that ignore targetFieldName name the inverse computeMetadataNameFromLabel(targetFieldLabel)
      // (generate-morph-or-relation-flat-field-metadata-pair.util.ts @04372c6), and do not transliterate
      // every script alike: a label spelt from the wanted name gives that name back. The real label follows.
      targetFieldLabel: labelFromName(inverse?.name ?? fallback.name),
      targetFieldIcon: inverse?.icon ?? fallback.icon,
      targetFieldName: inverse?.name ?? fallback.name,
      ...(rel.onDelete ? { onDelete: rel.onDelete } : {}),
    },
  };
}

/** `intelLeads` → `Intel leads`: lodash camelCase of it is the name again. */
export function labelFromName(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What a created field still needs: its translations (CreateFieldInput has none). */
export function fieldFollowUp(f: DesiredField): Record<string, unknown> | undefined {
  return hasTranslations(f.translations) ? { translations: translationInputs(f.translations) } : undefined;
}

export function createViewInput(v: DesiredView, objectMetadataId: string, groupByFieldId: string | undefined): Record<string, unknown> {
  return {
    id: v.id,
    name: v.name,
    objectMetadataId,
    type: v.type,
    icon: v.icon,
    position: v.position,
    visibility: 'WORKSPACE',
    ...(groupByFieldId ? { mainGroupByFieldMetadataId: groupByFieldId } : {}),
    ...(v.kanbanAggregateOperation ? { kanbanAggregateOperation: v.kanbanAggregateOperation } : {}),
  };
}
