// Merges twenty-sdk's STANDARD_OBJECT constant (names and universal identifiers)
// with the hand table (types, labels, relations…) into the catalogue the pack
// reads. Pure: the generator writes its result, the test recomputes it.
import type { HandField, HandObject } from './field-info/index.ts';
import type { StandardField, StandardObject } from './types.ts';

/** The part of twenty-sdk's STANDARD_OBJECT this catalogue relies on. */
export interface SdkStandardObject {
  universalIdentifier: string;
  fields: Readonly<Record<string, { universalIdentifier: string }>>;
}
export type SdkStandardObjects = Readonly<Record<string, SdkStandardObject>>;

export interface CatalogueBuild {
  objects: StandardObject[];
  /** The table disagrees with the SDK: it must be fixed before the catalogue is written. */
  errors: string[];
  /** SDK fields no table entry types, as `object.field`. */
  untyped: string[];
}

export function buildStandardCatalogue(
  sdk: SdkStandardObjects,
  table: Readonly<Record<string, HandObject>>,
  systemFields: Readonly<Record<string, HandField>>,
): CatalogueBuild {
  const errors: string[] = [];
  const untyped: string[] = [];
  for (const name of Object.keys(table)) {
    if (!sdk[name]) errors.push(`the hand table describes object "${name}", which twenty-sdk's STANDARD_OBJECT does not have`);
  }
  const objects: StandardObject[] = [];
  for (const name of Object.keys(sdk).sort()) {
    const sdkObject = sdk[name];
    const hand = table[name];
    if (!sdkObject) continue;
    if (!hand) {
      errors.push(
        `twenty-sdk's STANDARD_OBJECT has object "${name}", which the hand table does not describe (src/pack/standard/field-info/)`,
      );
      continue;
    }
    errors.push(...checkObject(name, sdkObject, hand, sdk));
    const fields: StandardField[] = [];
    const untypedHere: string[] = [];
    for (const [fieldName, { universalIdentifier }] of Object.entries(sdkObject.fields)) {
      const info = hand.fields[fieldName] ?? systemFields[fieldName];
      if (info) fields.push(toStandardField(fieldName, universalIdentifier, info));
      else untypedHere.push(fieldName);
    }
    untyped.push(...untypedHere.map((f) => `${name}.${f}`));
    objects.push({
      nameSingular: name,
      namePlural: hand.namePlural,
      universalIdentifier: sdkObject.universalIdentifier,
      labelSingular: hand.labelSingular,
      labelPlural: hand.labelPlural,
      icon: hand.icon,
      isSystem: hand.isSystem,
      labelIdentifierFieldName: hand.labelIdentifierFieldName,
      fields,
      ...(untypedHere.length > 0 ? { untypedFieldNames: untypedHere } : {}),
    });
  }
  return { objects, errors, untyped };
}

function checkObject(name: string, sdkObject: SdkStandardObject, hand: HandObject, sdk: SdkStandardObjects): string[] {
  const errors: string[] = [];
  for (const [fieldName, info] of Object.entries(hand.fields)) {
    if (!sdkObject.fields[fieldName]) {
      errors.push(`the hand table types field "${name}.${fieldName}", which twenty-sdk's STANDARD_OBJECT does not have`);
    }
    if (info.relation) {
      const { targetObject, targetField } = info.relation;
      const target = sdk[targetObject];
      if (!target) errors.push(`"${name}.${fieldName}" points at object "${targetObject}", which twenty-sdk does not have`);
      else if (!target.fields[targetField])
        errors.push(`"${name}.${fieldName}" points at "${targetObject}.${targetField}", which twenty-sdk does not have`);
    }
  }
  if (!sdkObject.fields[hand.labelIdentifierFieldName]) {
    errors.push(`"${name}" names label identifier "${hand.labelIdentifierFieldName}", which twenty-sdk does not list among its fields`);
  }
  return errors;
}

function toStandardField(name: string, universalIdentifier: string, info: HandField): StandardField {
  return {
    name,
    universalIdentifier,
    type: info.type,
    label: info.label,
    ...(info.icon !== undefined ? { icon: info.icon } : {}),
    isNullable: info.isNullable ?? true,
    isSystem: info.isSystem ?? false,
    ...(info.defaultValue !== undefined ? { defaultValue: info.defaultValue } : {}),
    ...(info.options ? { options: info.options } : {}),
    ...(info.relation ? { relation: info.relation } : {}),
  };
}

/** The committed file's exact text: pretty-printed, newline-terminated. */
export function renderCatalogueJson(objects: readonly StandardObject[]): string {
  return `${JSON.stringify(objects, null, 2)}\n`;
}
