// Twenty's standard objects as twenty-sdk 2.43.0 and the hand table describe
// them (src/gen/standard-objects.ts writes the JSON), with lookups by name
// or universal identifier.
import catalogue from './standard-objects.generated.json' with { type: 'json' };
import type { StandardField, StandardObject } from './types.ts';

export type { StandardField, StandardObject, StandardOption } from './types.ts';
export {
  CUSTOM_OBJECT_DEFAULT_FIELDS,
  SYSTEM_FIELD_NAMES,
  customObjectInverseFieldName,
  type CustomObjectDefaultField,
} from './custom-object-defaults.ts';

/** twenty-shared TWENTY_STANDARD_APPLICATION_UNIVERSAL_IDENTIFIER: the application that owns every standard object. */
export const STANDARD_APPLICATION_UNIVERSAL_IDENTIFIER = '20202020-64aa-4b6f-b003-9c74b97cee20';

// The JSON is produced from typed code and checked against it by
// test/pack/standard-objects.test.ts, so it is trusted to have this shape.
const loaded: unknown = catalogue;
export const STANDARD_OBJECTS: readonly StandardObject[] = loaded as StandardObject[];

const byKey = new Map<string, StandardObject>();
const byAnyName = new Map<string, StandardObject>();
for (const object of STANDARD_OBJECTS) {
  byKey.set(object.nameSingular, object);
  byKey.set(object.universalIdentifier.toLowerCase(), object);
  byAnyName.set(object.nameSingular, object);
  byAnyName.set(object.namePlural, object);
}

const STANDARD_PREFIX = 'standard:';

/** A standard object by nameSingular or universalIdentifier; a leading `standard:` is ignored. */
export function findStandardObject(nameOrUid: string): StandardObject | undefined {
  const key = nameOrUid.startsWith(STANDARD_PREFIX) ? nameOrUid.slice(STANDARD_PREFIX.length) : nameOrUid;
  return byKey.get(key) ?? byKey.get(key.toLowerCase());
}

/** The standard object whose nameSingular or namePlural is `name`: a custom object may use neither. */
export function findStandardObjectUsingName(name: string): StandardObject | undefined {
  return byAnyName.get(name);
}

/** A typed field of `object` by name or universalIdentifier. */
export function findStandardField(object: StandardObject, nameOrUid: string): StandardField | undefined {
  const uid = nameOrUid.toLowerCase();
  return object.fields.find((f) => f.name === nameOrUid || f.universalIdentifier === uid);
}

/** Every field name the object has, typed or not (`untypedFieldNames`): names a new field may not take. */
export function standardFieldNames(object: StandardObject): string[] {
  return [...object.fields.map((f) => f.name), ...(object.untypedFieldNames ?? [])];
}
