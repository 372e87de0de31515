// The checks Twenty's server runs on every object and field name, in its order, and
// the words a person needs to fix each. Sources (twentyhq/twenty):
//   packages/twenty-server/src/engine/metadata-modules/flat-object-metadata/validators/utils/
//     validate-flat-object-metadata-name.util.ts @fbfd69b
//   packages/twenty-server/src/engine/metadata-modules/flat-field-metadata/validators/utils/
//     validate-flat-field-metadata-name.util.ts @a6be128
//   IDENTIFIER_MAX_CHAR_LENGTH = 63, IDENTIFIER_MIN_CHAR_LENGTH = 1
//   packages/twenty-shared/src/metadata/constants/reserved-metadata-name-keywords.constant.ts @1b4e49c
//   packages/twenty-server/src/engine/decorators/metadata/is-valid-metadata-name.decorator.ts @0c0ea3b
//     (the DTO refuses `not`, `or`, `and` too)
import camelCase from 'lodash.camelcase';

export const IDENTIFIER_MAX_LENGTH = 63;
const NAME_PATTERN = /^[a-z][a-zA-Z0-9]*$/;

const CORE_OBJECT_NAMES = [
  'approvedAccessDomain',
  'approvedAccessDomains',
  'appToken',
  'appTokens',
  'billingCustomer',
  'billingCustomers',
  'billingEntitlement',
  'billingEntitlements',
  'billingMeter',
  'billingMeters',
  'billingProduct',
  'billingProducts',
  'billingSubscription',
  'billingSubscriptions',
  'billingSubscriptionItem',
  'billingSubscriptionItems',
  'featureFlag',
  'featureFlags',
  'job',
  'jobs',
  'keyValuePair',
  'keyValuePairs',
  'pageLayout',
  'pageLayouts',
  'pageLayoutTab',
  'pageLayoutTabs',
  'pageLayoutWidget',
  'pageLayoutWidgets',
  'postgresCredential',
  'postgresCredentials',
  'twoFactorMethod',
  'twoFactorMethods',
  'user',
  'users',
  'userWorkspace',
  'userWorkspaces',
  'workspace',
  'workspaces',
  'role',
  'roles',
  'userWorkspaceRole',
  'userWorkspaceRoles',
];

export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...CORE_OBJECT_NAMES,
  'plan',
  'plans',
  'event',
  'events',
  'field',
  'fields',
  'link',
  'links',
  'currency',
  'currencies',
  'fullNames',
  'address',
  'addresses',
  'type',
  'types',
  'object',
  'objects',
  'index',
  'relation',
  'relations',
  'aggregate',
  'not',
  'or',
  'and',
]);

/**
 * Reserved on newer servers only (twentyhq/twenty#25174, nested relation writes); whether
 * 2.43 refuses them is unconfirmed, so they are a warning.
 */
export const SOON_RESERVED_NAMES: ReadonlySet<string> = new Set(['connect', 'create', 'disconnect']);

export interface NameProblem {
  rule: string;
  message: string;
  hint: string;
  severity?: 'warning';
}

/** Why Twenty would refuse `name` as an object or field name, or undefined. `what` is e.g. `nameSingular`. */
export function checkMetadataName(what: string, name: string): NameProblem | undefined {
  if (name.length > IDENTIFIER_MAX_LENGTH) {
    return {
      rule: 'name-length',
      message: `${what} "${name}" is ${name.length} characters long; Twenty allows at most ${IDENTIFIER_MAX_LENGTH}`,
      hint: 'shorten it',
    };
  }
  if (!NAME_PATTERN.test(name)) {
    return {
      rule: 'name-format',
      message: `${what} "${name}" must start with a lowercase letter and hold only letters and digits`,
      hint: suggestion(name) ?? 'write it in camelCase, e.g. intelLead',
    };
  }
  const camel = camelCase(name);
  if (camel !== name) {
    return {
      rule: 'name-camel-case',
      message: `${what} "${name}" is not camelCase as Twenty reads it (lodash camelCase gives "${camel}")`,
      hint: `write "${camel}"${/\d[a-z]/.test(name) ? ': a letter after a digit starts a new word' : ''}`,
    };
  }
  if (RESERVED_NAMES.has(name)) {
    return {
      rule: 'name-reserved',
      message: `${what} "${name}" is reserved by Twenty`,
      hint: `pick another name, e.g. "${name}Custom" or a more specific word`,
    };
  }
  if (SOON_RESERVED_NAMES.has(name)) {
    return {
      rule: 'name-reserved',
      message: `${what} "${name}" is reserved by newer Twenty servers`,
      hint: 'pick another name so the pack keeps working after an upgrade',
      severity: 'warning',
    };
  }
  return undefined;
}

/** A camelCase spelling to offer for a name that is not one, when lodash can make one. */
function suggestion(name: string): string | undefined {
  const camel = camelCase(name);
  return camel && NAME_PATTERN.test(camel) && camel !== name ? `write "${camel}"` : undefined;
}
