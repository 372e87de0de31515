// createOneObject / updateOneObject / deleteOneObject / updateManyObjects.
import { randomUUID } from 'node:crypto';
import { notFoundError, userInputError, type TwentyError } from '../server/twenty-errors.ts';
import type { ObjectMeta } from '../state/types.ts';
import type { Workspace } from '../state/workspace.ts';
import {
  computeMetadataNameFromLabel,
  isValidMetadataNameDto,
  nameErrors,
  objectLabelErrors,
  type RuleError,
  ruleError,
} from './name-rules.ts';
import { buildRelationPair } from './relations.ts';
import { defaultFieldsFor, newView, nowIso } from './rows.ts';
import { failIfAny } from './validation-error.ts';
import { onFieldDeleted } from './cascade.ts';

type Input = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Names and labels: flat-object-metadata/validators/utils/
 * validate-flat-object-metadata-name-and-labels.util.ts @c856e0d (names, labels,
 * sync with labels, and no other object — active or not — holding either name
 * in any cross-combination).
 */
function nameAndLabelErrors(
  ws: Workspace,
  o: Pick<ObjectMeta, 'id' | 'nameSingular' | 'namePlural' | 'labelSingular' | 'labelPlural' | 'isLabelSyncedWithName'>,
): RuleError[] {
  const errors: RuleError[] = [];
  for (const name of [o.nameSingular, o.namePlural]) errors.push(...nameErrors(name, 'INVALID_OBJECT_INPUT', 'object'));
  if (o.nameSingular.trim().toLowerCase() === o.namePlural.trim().toLowerCase()) {
    errors.push(ruleError('INVALID_OBJECT_INPUT', 'The singular and plural names cannot be the same for an object', o.namePlural));
  }
  errors.push(...objectLabelErrors(o.labelSingular, o.labelPlural));
  if (
    o.isLabelSyncedWithName &&
    (computeMetadataNameFromLabel(o.labelSingular) !== o.nameSingular || computeMetadataNameFromLabel(o.labelPlural) !== o.namePlural)
  ) {
    errors.push(ruleError('INVALID_OBJECT_INPUT', 'Names are not synced with labels'));
  }
  const clash = [...ws.objects.values()].some(
    (other) => other.id !== o.id && [other.nameSingular, other.namePlural].some((n) => n === o.nameSingular || n === o.namePlural),
  );
  if (clash) errors.push(ruleError('OBJECT_ALREADY_EXISTS', 'Object already exists'));
  return errors;
}

/**
 * Relations every custom object gets: build-system-relation-flat-field-metadatas-for-object.util.ts
 * @1afeb26 (DEFAULT_RELATIONS_OBJECTS_STANDARD_IDS: timelineActivity, attachment, noteTarget,
 * taskTarget; `favorite` is gone in 2.x), labels from
 * object-metadata/constants/standard-relation-field-properties.constant.ts. Each inverse is the
 * leg `target<NameSingular>` on the standard object (join column `target<NameSingular>Id`).
 * Approximation: Twenty makes that leg a MORPH_RELATION; the sandbox a plain RELATION.
 */
const DEFAULT_RELATIONS: ReadonlyArray<{ name: string; label: string; icon: string; target: string }> = [
  { name: 'timelineActivities', label: 'Timeline Activities', icon: 'IconTimelineEvent', target: 'timelineActivity' },
  { name: 'attachments', label: 'Attachments', icon: 'IconFileImport', target: 'attachment' },
  { name: 'noteTargets', label: 'Notes', icon: 'IconNotes', target: 'noteTarget' },
  { name: 'taskTargets', label: 'Tasks', icon: 'IconCheckbox', target: 'taskTarget' },
];

/** The standard side's leg for a custom object: `target` + the capitalised nameSingular. */
const inverseFieldName = (nameSingular: string): string => `target${nameSingular.charAt(0).toUpperCase()}${nameSingular.slice(1)}`;

export function createObject(ws: Workspace, input: Input): ObjectMeta {
  const nameSingular = str(input.nameSingular) ?? '';
  const namePlural = str(input.namePlural) ?? '';
  const labelSingular = str(input.labelSingular) ?? '';
  const labelPlural = str(input.labelPlural) ?? '';
  // DTO level (object-metadata/dtos/create-object.input.ts: @IsNotEmpty, @IsValidMetadataName).
  for (const [k, v] of Object.entries({ nameSingular, namePlural, labelSingular, labelPlural })) {
    if (v === '') throw userInputError(`${k} should not be empty`);
  }
  for (const n of [nameSingular, namePlural])
    if (!isValidMetadataNameDto(n)) throw userInputError(`${n} has failed the name validation check`);
  if (input.isRemote === true) throw userInputError('Remote objects are not supported yet');

  const at = nowIso();
  const id = randomUUID();
  const object: ObjectMeta = {
    id,
    universalIdentifier: id,
    applicationId: ws.customApplicationId,
    nameSingular,
    namePlural,
    labelSingular,
    labelPlural,
    description: str(input.description) ?? null,
    icon: str(input.icon) ?? null,
    shortcut: str(input.shortcut) ?? null,
    color: str(input.color) ?? null,
    isCustom: true,
    isRemote: false,
    isActive: true,
    isSystem: false,
    isSearchable: true,
    isLabelSyncedWithName: input.isLabelSyncedWithName === true,
    labelIdentifierFieldMetadataId: null,
    imageIdentifierFieldMetadataId: null,
    openRecordIn: 'SIDE_PANEL',
    translations: [],
    createdAt: at,
    updatedAt: at,
  };
  const failure = failIfAny('objectMetadata', 'create', { nameSingular, namePlural }, nameAndLabelErrors(ws, object));
  if (failure) throw failure;

  const fields = defaultFieldsFor(object, input.skipNameField === true);
  object.labelIdentifierFieldMetadataId = fields.find((f) => f.name === 'name')?.id ?? null;
  ws.objects.set(id, object);
  for (const f of fields) ws.fields.set(f.id, f);
  for (const rel of DEFAULT_RELATIONS) {
    const target = ws.objectByName(rel.target);
    if (!target) continue;
    const pair = buildRelationPair(
      ws,
      { object, name: rel.name, label: rel.label, icon: rel.icon, isCustom: false, isSystem: true },
      {
        type: 'ONE_TO_MANY',
        targetObjectMetadataId: target.id,
        targetFieldLabel: labelSingular,
        targetFieldIcon: object.icon ?? 'IconBuildingSkyscraper',
      },
      inverseFieldName(nameSingular),
    );
    if ('extensions' in pair) continue;
    ws.fields.set(pair.source.id, pair.source);
    ws.fields.set(pair.target.id, pair.target);
  }
  // The "All {labelPlural}" INDEX view (object-metadata/utils/compute-flat-index-view-to-create.util.ts @0fe47ac).
  const view = newView({
    name: `All ${labelPlural}`,
    objectMetadataId: id,
    icon: 'IconList',
    key: 'INDEX',
    isCustom: false,
    applicationId: ws.customApplicationId,
  });
  ws.views.set(view.id, view);
  const nameField = fields.find((f) => f.name === 'name');
  if (nameField) {
    const vf = {
      id: randomUUID(),
      viewId: view.id,
      fieldMetadataId: nameField.id,
      isVisible: true,
      size: 210,
      position: 0,
      aggregateOperation: null,
      viewFieldGroupId: null,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    };
    ws.viewChildren.viewField.set(vf.id, vf);
  }
  return object;
}

const UPDATABLE = [
  'labelSingular',
  'labelPlural',
  'nameSingular',
  'namePlural',
  'description',
  'icon',
  'shortcut',
  'color',
  'isActive',
  'labelIdentifierFieldMetadataId',
  'imageIdentifierFieldMetadataId',
  'isLabelSyncedWithName',
  'isSearchable',
  'openRecordIn',
  'translations',
] as const;
/** Standard objects keep their names (names and sync flag are the object's API identity). */
const STANDARD_FROZEN = new Set(['nameSingular', 'namePlural', 'isLabelSyncedWithName']);

export function updateObject(ws: Workspace, id: string, update: Input): ObjectMeta {
  const object = ws.objects.get(id);
  if (!object) throw notFoundError('Object does not exist');
  const next: ObjectMeta = { ...object, updatedAt: nowIso() };
  const changed: string[] = [];
  for (const key of UPDATABLE) {
    const value = update[key];
    if (value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify(object[key])) changed.push(key);
    (next as unknown as Input)[key] = value;
  }
  const entity = { id, nameSingular: object.nameSingular, namePlural: object.namePlural };
  const errors: RuleError[] = [];
  if (!object.isCustom) {
    const frozen = changed.filter((k) => STANDARD_FROZEN.has(k));
    if (frozen.length > 0) errors.push(ruleError('OBJECT_MUTATION_NOT_ALLOWED', `Cannot update ${frozen.join(', ')} of a standard object`));
  }
  if (changed.some((k) => ['nameSingular', 'namePlural', 'labelSingular', 'labelPlural', 'isLabelSyncedWithName'].includes(k))) {
    errors.push(...nameAndLabelErrors(ws, next));
  }
  for (const key of ['labelIdentifierFieldMetadataId', 'imageIdentifierFieldMetadataId'] as const) {
    const fieldId = next[key];
    if (changed.includes(key) && fieldId !== null && ws.fields.get(fieldId)?.objectMetadataId !== id) {
      errors.push(ruleError('INVALID_OBJECT_INPUT', `${key} must point at a field of this object`, fieldId));
    }
  }
  const failure = failIfAny('objectMetadata', 'update', entity, errors);
  if (failure) throw failure;
  ws.objects.set(id, next);
  return next;
}

/**
 * flat-object-metadata/services/flat-object-metadata-validator.service.ts
 * (validateFlatObjectMetadataDeletion): exists, not remote, not standard. The
 * stored version has no isActive check; whether the newest server requires
 * deactivating first is unconfirmed, so the sandbox does (stricter reading).
 */
export function deleteObject(ws: Workspace, id: string): ObjectMeta {
  const object = ws.objects.get(id);
  if (!object) throw notFoundError('Object does not exist');
  const errors: RuleError[] = [];
  if (!object.isCustom) errors.push(ruleError('OBJECT_MUTATION_NOT_ALLOWED', 'Standard objects cannot be deleted'));
  if (object.isActive)
    errors.push(ruleError('OBJECT_MUTATION_NOT_ALLOWED', "Active objects can't be deleted, deactivate the object first"));
  const failure = failIfAny('objectMetadata', 'delete', { id, nameSingular: object.nameSingular }, errors);
  if (failure) throw failure;
  for (const f of ws.fieldsOf(id)) {
    if (f.type === 'RELATION' && f.relationTargetFieldMetadataId) {
      const inverse = ws.fields.get(f.relationTargetFieldMetadataId);
      if (inverse && inverse.objectMetadataId !== id) {
        ws.fields.delete(inverse.id);
        onFieldDeleted(ws, inverse);
      }
    }
    ws.fields.delete(f.id);
  }
  for (const view of [...ws.views.values()]) {
    if (view.objectMetadataId !== id) continue;
    ws.views.delete(view.id);
    for (const kind of Object.values(ws.viewChildren)) for (const [cid, row] of kind) if (row.viewId === view.id) kind.delete(cid);
  }
  ws.objects.delete(id);
  ws.dropTable(id);
  return object;
}

/** All or nothing: every input is validated against the state the earlier ones leave. */
export function updateManyObjects(ws: Workspace, inputs: Array<{ id: string; update: Input }>): ObjectMeta[] {
  const snapshot = new Map(ws.objects);
  try {
    return inputs.map((i) => updateObject(ws, i.id, i.update));
  } catch (e) {
    ws.objects.clear();
    for (const [k, v] of snapshot) ws.objects.set(k, v);
    throw e as TwentyError;
  }
}
