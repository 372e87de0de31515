// Twenty's composite field types and their sub-fields, as the workspace schema
// builder exposes them (twentyhq/twenty packages/twenty-shared/src/types/
// composite-types/*.composite-type.ts; GraphQL names as in
// packages/twenty-client-sdk/src/generate/__tests__/fixtures/workspace-schema.fixture.ts).
export type SubFieldKind = 'string' | 'float' | 'json' | 'uuid' | 'actorSource';

export interface CompositeType {
  graphqlName: string;
  subFields: ReadonlyArray<{ name: string; kind: SubFieldKind }>;
}

export const COMPOSITE_TYPES: Readonly<Record<string, CompositeType>> = {
  FULL_NAME: {
    graphqlName: 'FullName',
    subFields: [
      { name: 'firstName', kind: 'string' },
      { name: 'lastName', kind: 'string' },
    ],
  },
  EMAILS: {
    graphqlName: 'Emails',
    subFields: [
      { name: 'primaryEmail', kind: 'string' },
      { name: 'additionalEmails', kind: 'json' },
    ],
  },
  PHONES: {
    graphqlName: 'Phones',
    subFields: [
      { name: 'primaryPhoneNumber', kind: 'string' },
      { name: 'primaryPhoneCountryCode', kind: 'string' },
      { name: 'primaryPhoneCallingCode', kind: 'string' },
      { name: 'additionalPhones', kind: 'json' },
    ],
  },
  ADDRESS: {
    graphqlName: 'Address',
    subFields: [
      { name: 'addressStreet1', kind: 'string' },
      { name: 'addressStreet2', kind: 'string' },
      { name: 'addressCity', kind: 'string' },
      { name: 'addressPostcode', kind: 'string' },
      { name: 'addressState', kind: 'string' },
      { name: 'addressCountry', kind: 'string' },
      { name: 'addressLat', kind: 'float' },
      { name: 'addressLng', kind: 'float' },
    ],
  },
  CURRENCY: {
    graphqlName: 'Currency',
    subFields: [
      { name: 'amountMicros', kind: 'float' },
      { name: 'currencyCode', kind: 'string' },
    ],
  },
  LINKS: {
    graphqlName: 'Links',
    subFields: [
      { name: 'primaryLinkLabel', kind: 'string' },
      { name: 'primaryLinkUrl', kind: 'string' },
      { name: 'secondaryLinks', kind: 'json' },
    ],
  },
  ACTOR: {
    graphqlName: 'Actor',
    subFields: [
      { name: 'source', kind: 'actorSource' },
      { name: 'workspaceMemberId', kind: 'uuid' },
      { name: 'name', kind: 'string' },
      { name: 'context', kind: 'json' },
    ],
  },
  RICH_TEXT: {
    graphqlName: 'RichText',
    subFields: [
      { name: 'blocknote', kind: 'string' },
      { name: 'markdown', kind: 'string' },
    ],
  },
};

export const ACTOR_SOURCES = ['API', 'EMAIL', 'IMPORT', 'MANUAL', 'SYSTEM', 'WEBHOOK', 'CALENDAR', 'WORKFLOW', 'AGENT'] as const;

/** Column names a composite field occupies (`createdBySource`, …): taken for new field names. */
export function compositeColumnNames(fieldName: string, type: string): string[] {
  const composite = COMPOSITE_TYPES[type];
  if (!composite) return [];
  return composite.subFields.map((s) => `${fieldName}${s.name.charAt(0).toUpperCase()}${s.name.slice(1)}`);
}
