// Which universalIdentifiers a pack may use: Twenty's own rule, `isValidUuid` of
// packages/twenty-shared/src/utils/validation/isValidUuid.ts @41d24255 — versions 1 to 5,
// the RFC 4122 variant (8, 9, a or b), any case. twenty-sdk 2.43.0 bundles that function
// (dist/define/index.mjs) but does not export it, so the expression is copied here;
// test/pack/uuid.test.ts holds it, and schemas/defs.schema.json's `uuid` pattern, to the
// SDK's bundled function on every version and variant.

/** twenty-shared's isValidUuid expression. */
export const TWENTY_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Any 8-4-4-4-12 hex string, with its version digit and the first digit of the fourth group. */
const HEX_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{12}$/i;

export const isValidUuid = (value: string): boolean => TWENTY_UUID.test(value);

/**
 * Why a well-formed hex UUID is refused ("a UUID of version 7; Twenty accepts versions 1 to 5"),
 * or undefined when it is accepted or not UUID-shaped at all.
 */
export function uuidRefusal(value: string): string | undefined {
  const hex = HEX_UUID.exec(value);
  if (!hex || isValidUuid(value)) return undefined;
  const [, version = '', variant = ''] = hex;
  if (!/[1-5]/.test(version)) return `a UUID of version ${version}; Twenty accepts versions 1 to 5`;
  return `a UUID whose fourth group starts with ${variant}; Twenty needs 8, 9, a or b there (the RFC 4122 variant)`;
}
