// METADATA_VALIDATION_FAILED, as current servers send a failed metadata change:
// the workspace-migration builder's report, formatted by
// fromWorkspaceMigrationBuilderExceptionToMetadataValidationResponseError
// (workspace-manager/workspace-migration/interceptors/**):
// extensions = { code, errors: { [metadataName]: [{ type, metadataName,
// flatEntityMinimalInformation, errors: [{code, message, userFriendlyMessage, value?}] }] },
// summary: { totalErrors, [metadataName]: n }, message, userFriendlyMessage }.
// The exact wording of the top message is unconfirmed ("Validation failed for 1 objectMetadata…").
import { TwentyError } from '../server/twenty-errors.ts';
import type { RuleError } from './name-rules.ts';

export type MetadataName =
  'objectMetadata' | 'fieldMetadata' | 'view' | 'viewField' | 'viewGroup' | 'viewSort' | 'viewFilter' | 'viewFilterGroup';

export interface FailedEntity {
  metadataName: MetadataName;
  type: 'create' | 'update' | 'delete';
  entity: Record<string, unknown>;
  errors: RuleError[];
}

export function metadataValidationFailed(failures: FailedEntity[]): TwentyError {
  const errors: Record<string, unknown[]> = {};
  const summary: Record<string, number> = { totalErrors: 0 };
  for (const f of failures) {
    (errors[f.metadataName] ??= []).push({
      type: f.type,
      metadataName: f.metadataName,
      flatEntityMinimalInformation: f.entity,
      errors: f.errors,
    });
    summary.totalErrors = (summary.totalErrors ?? 0) + f.errors.length;
    summary[f.metadataName] = (summary[f.metadataName] ?? 0) + f.errors.length;
  }
  const names = Object.keys(errors);
  const message = `Validation failed for ${failures.length} ${names.join(', ')}`;
  const first = failures[0]?.errors[0];
  return new TwentyError(message, 'METADATA_VALIDATION_FAILED', {
    errors,
    summary,
    message,
    userFriendlyMessage: first?.userFriendlyMessage ?? message,
  });
}

/** One entity, one or more rule errors: the common case. */
export function failIfAny(
  metadataName: MetadataName,
  type: FailedEntity['type'],
  entity: Record<string, unknown>,
  ruleErrors: RuleError[],
): TwentyError | undefined {
  return ruleErrors.length > 0 ? metadataValidationFailed([{ metadataName, type, entity, errors: ruleErrors }]) : undefined;
}
