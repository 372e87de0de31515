// Twenty's rules for metadata names and labels, with the server's messages.
import camelCase from 'lodash.camelcase';

/** twentyhq/twenty packages/twenty-shared/src/metadata/constants/identifier-max-char-length.constant.ts */
export const IDENTIFIER_MAX_CHAR_LENGTH = 63;
export const IDENTIFIER_MIN_CHAR_LENGTH = 1;

/**
 * twenty-shared/src/metadata/constants/reserved-metadata-name-keywords.constant.ts @1b4e49c.
 * `connect`, `create`, `disconnect` come from a later PR (#25174) whose presence
 * in 2.43.0 is unconfirmed: reserved here too (the stricter reading).
 */
const RESERVED_SINGULAR_PLURAL = [
  'approvedAccessDomain',
  'appToken',
  'billingCustomer',
  'billingEntitlement',
  'billingMeter',
  'billingProduct',
  'billingSubscription',
  'billingSubscriptionItem',
  'featureFlag',
  'job',
  'keyValuePair',
  'pageLayout',
  'pageLayoutTab',
  'pageLayoutWidget',
  'postgresCredential',
  'twoFactorMethod',
  'user',
  'userWorkspace',
  'workspace',
  'role',
  'userWorkspaceRole',
  'plan',
  'event',
  'field',
  'link',
  'type',
  'object',
  'relation',
];
export const RESERVED_METADATA_NAME_KEYWORDS: ReadonlySet<string> = new Set([
  ...RESERVED_SINGULAR_PLURAL,
  ...RESERVED_SINGULAR_PLURAL.map((n) => `${n}s`),
  'currency',
  'currencies',
  'fullNames',
  'address',
  'addresses',
  'index',
  'aggregate',
  'connect',
  'create',
  'disconnect',
]);

export interface RuleError {
  code: string;
  message: string;
  userFriendlyMessage: string;
  value?: unknown;
}

const err = (code: string, message: string, value?: unknown): RuleError => ({
  code,
  message,
  userFriendlyMessage: message,
  ...(value === undefined ? {} : { value }),
});

/**
 * Object names: flat-object-metadata/validators/utils/validate-flat-object-metadata-name.util.ts @fbfd69b.
 * Field names use the same checks (utils/constants/metadata-name-flat-metadata-validators.constants.ts
 * @82f5f6f), whose reserved-name message is "The name is not available".
 */
export function nameErrors(name: string, code: string, kind: 'object' | 'field'): RuleError[] {
  const errors: RuleError[] = [];
  if (name.length > IDENTIFIER_MAX_CHAR_LENGTH) errors.push(err(code, 'Name is too long', name));
  if (name.length < IDENTIFIER_MIN_CHAR_LENGTH) errors.push(err(code, 'Name is too short', name));
  if (name !== camelCase(name)) errors.push(err(code, 'Name should be in camelCase', name));
  if (!/^[a-z][a-zA-Z0-9]*$/.test(name)) {
    errors.push(err(code, 'Name is not valid: it must start with lowercase letter and contain only alphanumeric letters', name));
  }
  if (RESERVED_METADATA_NAME_KEYWORDS.has(name)) {
    errors.push(
      err(
        code,
        kind === 'object'
          ? 'This name is reserved. Use a different name or the system will add "Custom" suffix.'
          : 'The name is not available',
        name,
      ),
    );
  }
  return errors;
}

/** DTO-level check, `@IsValidMetadataName` (decorators/metadata/is-valid-metadata-name.decorator.ts @0c0ea3b). */
export function isValidMetadataNameDto(name: string): boolean {
  return /^(?!(?:not|or|and|Int|Float|Boolean|String|ID)$)[^'"\\;.=*/]+$/.test(name);
}

/** validate-flat-object-metadata-label.util.ts @3962906 */
export function objectLabelErrors(labelSingular: string, labelPlural: string): RuleError[] {
  const errors: RuleError[] = [];
  for (const label of [labelSingular, labelPlural]) {
    if (label.length < IDENTIFIER_MIN_CHAR_LENGTH) errors.push(err('INVALID_OBJECT_INPUT', 'Object label is too short', label));
    if (label.length > IDENTIFIER_MAX_CHAR_LENGTH) errors.push(err('INVALID_OBJECT_INPUT', 'Object label is too long', label));
  }
  if (labelSingular.trim().toLowerCase() === labelPlural.trim().toLowerCase()) {
    errors.push(err('INVALID_OBJECT_INPUT', 'The singular and plural labels cannot be the same for an object', labelSingular));
  }
  return errors;
}

/**
 * twenty-shared/src/metadata/utils/compute-metadata-name-from-label.util.ts @2f7439e:
 * slugify (`_` separator), `n_` before a leading digit, lodash camelCase,
 * `Custom` after a reserved name. Approximation: Twenty's slugify transliterates
 * non-Latin scripts (Chinese → pinyin); the sandbox only strips accents, so a
 * CJK label computes to an empty name here.
 */
export function computeMetadataNameFromLabel(label: string): string {
  const slug = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const prefixed = /^[0-9]/.test(slug) ? `n_${slug}` : slug;
  const name = camelCase(prefixed);
  return RESERVED_METADATA_NAME_KEYWORDS.has(name) ? `${name}Custom` : name;
}

export { err as ruleError };
