// Sub-fields of Twenty's composite field types (twentyhq/twenty
// packages/twenty-shared/src/types/composite-types/*.composite-type.ts): the columns a
// composite field is stored in, the keys of its value, and its GraphQL sub-selection.
import type { FieldType } from '../model.ts';

export const COMPOSITE_SUB_FIELDS: Readonly<Partial<Record<FieldType, readonly string[]>>> = {
  FULL_NAME: ['firstName', 'lastName'],
  EMAILS: ['primaryEmail', 'additionalEmails'],
  PHONES: ['primaryPhoneNumber', 'primaryPhoneCountryCode', 'primaryPhoneCallingCode', 'additionalPhones'],
  ADDRESS: [
    'addressStreet1',
    'addressStreet2',
    'addressCity',
    'addressPostcode',
    'addressState',
    'addressCountry',
    'addressLat',
    'addressLng',
  ],
  CURRENCY: ['amountMicros', 'currencyCode'],
  LINKS: ['primaryLinkLabel', 'primaryLinkUrl', 'secondaryLinks'],
  ACTOR: ['source', 'workspaceMemberId', 'name', 'context'],
  RICH_TEXT: ['blocknote', 'markdown'],
};
