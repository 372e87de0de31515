// RELATION fields: both sides created together, as twentyhq/twenty
// packages/twenty-server/src/engine/metadata-modules/flat-field-metadata/utils/
// generate-morph-or-relation-flat-field-metadata-pair.util.ts @04372c6 does:
// source field on the object, its inverse on the target named by camel-casing
// `targetFieldLabel` (computeMetadataNameFromLabel), join column `${name}Id` on
// the MANY_TO_ONE side, onDelete SET_NULL.
//
// `targetFieldName` and `onDelete` in the payload appear only in newer
// twenty-shared (RelationCreationPayload.ts); whether 2.43.0 reads them is
// unconfirmed, so the sandbox ignores them (stricter: a client that relies on
// them finds out here).
import { userInputError, type TwentyError } from '../server/twenty-errors.ts';
import type { Workspace } from '../state/workspace.ts';
import type { FieldMeta, ObjectMeta } from '../state/types.ts';
import { computeMetadataNameFromLabel, type RuleError, ruleError } from './name-rules.ts';
import { newField } from './rows.ts';
import { fieldNameErrors } from './field-names.ts';
import { failIfAny } from './validation-error.ts';

export interface RelationPayload {
  type: 'MANY_TO_ONE' | 'ONE_TO_MANY';
  targetObjectMetadataId: string;
  targetFieldLabel: string;
  targetFieldIcon: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * field-metadata/utils/validate-relation-creation-payload-or-throw.util.ts @0e751fc:
 * @IsUUID targetObjectMetadataId, @IsString targetFieldLabel and targetFieldIcon,
 * @IsEnum(RelationType) type; failure → "Relation creation payload is invalid".
 */
export function parseRelationPayload(raw: unknown): RelationPayload | TwentyError {
  const p = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const ok =
    typeof p.targetObjectMetadataId === 'string' &&
    UUID.test(p.targetObjectMetadataId) &&
    typeof p.targetFieldLabel === 'string' &&
    typeof p.targetFieldIcon === 'string' &&
    (p.type === 'MANY_TO_ONE' || p.type === 'ONE_TO_MANY');
  if (!ok) return userInputError('Relation creation payload is invalid', { subCode: 'FIELD_METADATA_RELATION_MALFORMED' });
  return p as unknown as RelationPayload;
}

export const inverseOf = (t: 'MANY_TO_ONE' | 'ONE_TO_MANY'): 'MANY_TO_ONE' | 'ONE_TO_MANY' =>
  t === 'MANY_TO_ONE' ? 'ONE_TO_MANY' : 'MANY_TO_ONE';

function relationSettings(type: 'MANY_TO_ONE' | 'ONE_TO_MANY', name: string): Record<string, unknown> {
  return type === 'MANY_TO_ONE' ? { relationType: type, onDelete: 'SET_NULL', joinColumnName: `${name}Id` } : { relationType: type };
}

export interface RelationSide {
  object: ObjectMeta;
  name: string;
  label: string;
  icon: string | null;
  description?: string | null;
  isCustom?: boolean;
  isSystem?: boolean;
}

/** Builds (without saving) both fields of a relation; rule errors come back as one METADATA_VALIDATION_FAILED. */
export function buildRelationPair(
  ws: Workspace,
  source: RelationSide,
  payload: RelationPayload,
  /** Internal use (the relations Twenty adds to custom objects name their inverse after the object). */
  targetNameOverride?: string,
): { source: FieldMeta; target: FieldMeta } | TwentyError {
  const targetObject = ws.objects.get(payload.targetObjectMetadataId);
  if (!targetObject) {
    return failIfAny('fieldMetadata', 'create', { name: source.name, objectMetadataId: source.object.id }, [
      ruleError(
        'FIELD_METADATA_RELATION_MALFORMED',
        `Object metadata relation target not found for relation creation payload`,
        payload.targetObjectMetadataId,
      ),
    ]) as TwentyError;
  }
  const targetName = targetNameOverride ?? computeMetadataNameFromLabel(payload.targetFieldLabel);
  const sourceField = newField({
    objectMetadataId: source.object.id,
    applicationId: source.object.applicationId,
    name: source.name,
    label: source.label,
    type: 'RELATION',
    icon: source.icon ?? 'IconRelationOneToMany',
    description: source.description ?? null,
    isCustom: source.isCustom ?? true,
    isSystem: source.isSystem ?? false,
    settings: relationSettings(payload.type, source.name),
    relationTargetObjectMetadataId: targetObject.id,
  });
  const targetField = newField({
    objectMetadataId: targetObject.id,
    applicationId: source.object.applicationId,
    name: targetName,
    label: payload.targetFieldLabel,
    type: 'RELATION',
    icon: payload.targetFieldIcon,
    isCustom: source.isCustom ?? true,
    isSystem: source.isSystem ?? false,
    settings: relationSettings(inverseOf(payload.type), targetName),
    relationTargetObjectMetadataId: source.object.id,
    relationTargetFieldMetadataId: sourceField.id,
  });
  sourceField.relationTargetFieldMetadataId = targetField.id;

  const targetErrors: RuleError[] = fieldNameErrors(ws, targetObject.id, targetName, 'RELATION', inverseOf(payload.type));
  // A self-relation puts both names on one object.
  if (targetObject.id === source.object.id && targetName === source.name)
    targetErrors.push(ruleError('NOT_AVAILABLE', `Name "${targetName}" is not available`, targetName));
  const failure = failIfAny('fieldMetadata', 'create', { name: targetName, objectMetadataId: targetObject.id }, targetErrors);
  return failure ?? { source: sourceField, target: targetField };
}

/** The other side of a relation field, if both exist. */
export function inverseField(ws: Workspace, field: FieldMeta): FieldMeta | undefined {
  return field.relationTargetFieldMetadataId ? ws.fields.get(field.relationTargetFieldMetadataId) : undefined;
}
