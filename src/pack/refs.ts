/**
 * The one place that resolves an `EntityRef` (model.ts) to the object or field it names.
 * Validation, deploy, workflows, templates and jobs all resolve through here, so a
 * reference means the same thing everywhere.
 *
 *   const refs = buildRefIndex(pack);                      // once per pack
 *   const lead = refs.resolveObject('intelLead');
 *   if (!lead.found) report(lead.message, lead.hint);
 *   else refs.resolveField('stage', lead.object);          // a bare name, read on that object
 *
 * Forms accepted (a reference is trimmed first; UUIDs match case-insensitively):
 *   - a UUID: a pack object or field (inline or standalone), or a standard one;
 *   - `standard:<object>` and `standard:<object>.<field>`: Twenty's standard objects
 *     (src/pack/standard), by nameSingular;
 *   - `<object>` and `<object>.<field>`: a pack object by nameSingular. A bare name that
 *     is no pack object's falls back to the standard object of that name (`task`), which
 *     is unambiguous because no pack object may take a standard object's name;
 *   - `<field>` alone, when the caller passes the object it is read on (a view's object,
 *     a relation's target object).
 *
 * Results are discriminated on `found`. Found: `{ object, field?, origin }`, where origin
 * is 'pack' (declared in this pack, including fields the pack adds to standard objects),
 * 'standard' (Twenty's standard objects and fields) or, for fields only, 'system' (a
 * field Twenty adds to every custom object: id, createdAt, position…). Not found:
 * `{ message, hint? }`, worded for the person editing the YAML, with a did-you-mean
 * where a near name exists. Nothing here throws.
 */
import { closest } from './did-you-mean.ts';
import type { EntityRef, FieldDef, FieldType, ObjectDef, Pack, RelationType } from './model.ts';
import {
  CUSTOM_OBJECT_DEFAULT_FIELDS,
  STANDARD_OBJECTS,
  customObjectInverseFieldName,
  findStandardObjectUsingName,
  type CustomObjectDefaultField,
  type StandardField,
  type StandardObject,
} from './standard/index.ts';

export type ObjectOrigin = 'pack' | 'standard';
export type FieldOrigin = 'pack' | 'standard' | 'system';

interface ObjectTargetBase {
  nameSingular: string;
  namePlural: string;
  universalIdentifier: string;
}
export type ObjectTarget =
  (ObjectTargetBase & { origin: 'pack'; def: ObjectDef }) | (ObjectTargetBase & { origin: 'standard'; def: StandardObject });

export interface FieldOption {
  value: string;
  label: string;
}

/** The other side of a relation, as written (pack fields) or as the catalogue knows it. */
export interface RelationSide {
  relationType: RelationType | undefined;
  targetObject: EntityRef;
  targetField: EntityRef | undefined;
}

interface FieldTargetBase {
  name: string;
  /** Undefined only for a standard field twenty-sdk lists but the catalogue does not type. */
  type: FieldType | undefined;
  /** Undefined for fields whose identifier Twenty derives itself (system fields, untyped standard ones). */
  universalIdentifier: string | undefined;
  object: ObjectTarget;
  options: readonly FieldOption[] | undefined;
  relation: RelationSide | undefined;
}
export type FieldTarget =
  | (FieldTargetBase & { origin: 'pack'; def: FieldDef })
  | (FieldTargetBase & { origin: 'standard'; def: StandardField | undefined })
  | (FieldTargetBase & { origin: 'system'; def: CustomObjectDefaultField });

export type PackFieldTarget = Extract<FieldTarget, { origin: 'pack' }>;

export interface NotFound {
  found: false;
  message: string;
  hint?: string;
}
export type ObjectResolution = { found: true; origin: ObjectOrigin; object: ObjectTarget } | NotFound;
export type FieldResolution = { found: true; origin: FieldOrigin; object: ObjectTarget; field: FieldTarget } | NotFound;

export interface RefIndex {
  /** Every object a reference can name: the pack's, then Twenty's standard ones. */
  readonly objects: readonly ObjectTarget[];
  resolveObject(ref: EntityRef): ObjectResolution;
  /** `context` (an object or a reference to one) is where a bare field name is looked up. */
  resolveField(ref: EntityRef, context?: ObjectTarget | EntityRef): FieldResolution;
  /** The other side of a RELATION / MORPH_RELATION field. */
  relationTarget(field: FieldTarget): FieldResolution;
  /** Every field records of the object carry: pack fields first, then system or standard ones. */
  fieldsOf(object: ObjectTarget): readonly FieldTarget[];
  /** A pack field as a target, with the object it belongs to; undefined if that object does not resolve. */
  targetOf(field: FieldDef): FieldTarget | undefined;
}

/** How a message names an object or field: `intelLead`, `standard:company`, `intelLead.stage`. */
export function refOf(target: ObjectTarget | FieldTarget): string {
  if ('object' in target) return `${refOf(target.object)}.${target.name}`;
  return target.origin === 'standard' ? `standard:${target.nameSingular}` : target.nameSingular;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STANDARD = 'standard:';

// Standard objects and their own fields do not depend on the pack: built once.
let standardCache: { objects: ObjectTarget[]; fields: Map<ObjectTarget, FieldTarget[]>; byUid: Map<string, FieldTarget> } | undefined;
function standardTargets(): NonNullable<typeof standardCache> {
  if (standardCache) return standardCache;
  const objects: ObjectTarget[] = [];
  const fields = new Map<ObjectTarget, FieldTarget[]>();
  const byUid = new Map<string, FieldTarget>();
  for (const def of STANDARD_OBJECTS) {
    const object: ObjectTarget = {
      origin: 'standard',
      nameSingular: def.nameSingular,
      namePlural: def.namePlural,
      universalIdentifier: def.universalIdentifier,
      def,
    };
    const list: FieldTarget[] = def.fields.map((f) => ({
      origin: 'standard',
      def: f,
      name: f.name,
      type: f.type,
      universalIdentifier: f.universalIdentifier,
      object,
      options: f.options,
      relation: f.relation
        ? { relationType: f.relation.type, targetObject: `${STANDARD}${f.relation.targetObject}`, targetField: f.relation.targetField }
        : undefined,
    }));
    for (const name of def.untypedFieldNames ?? []) {
      list.push({
        origin: 'standard',
        def: undefined,
        name,
        type: undefined,
        universalIdentifier: undefined,
        object,
        options: undefined,
        relation: undefined,
      });
    }
    for (const f of list) if (f.universalIdentifier) byUid.set(f.universalIdentifier.toLowerCase(), f);
    objects.push(object);
    fields.set(object, list);
  }
  standardCache = { objects, fields, byUid };
  return standardCache;
}

function packFieldTarget(def: FieldDef, object: ObjectTarget): FieldTarget {
  const settings = def.universalSettings ?? {};
  const relationType =
    settings.relationType === 'MANY_TO_ONE' || settings.relationType === 'ONE_TO_MANY' ? settings.relationType : undefined;
  return {
    origin: 'pack',
    def,
    name: def.name,
    type: def.type,
    universalIdentifier: def.universalIdentifier,
    object,
    options: def.options,
    relation: def.relationTargetObjectMetadataUniversalIdentifier
      ? {
          relationType,
          targetObject: def.relationTargetObjectMetadataUniversalIdentifier,
          targetField: def.relationTargetFieldMetadataUniversalIdentifier,
        }
      : undefined,
  };
}

function systemFieldTargets(object: ObjectTarget, declared: ReadonlySet<string>): FieldTarget[] {
  return CUSTOM_OBJECT_DEFAULT_FIELDS.filter((f) => !(f.skippable && declared.has(f.name))).map((f) => ({
    origin: 'system',
    def: f,
    name: f.name,
    type: f.type,
    universalIdentifier: undefined,
    object,
    options: undefined,
    relation: f.relation
      ? {
          relationType: f.relation.type,
          targetObject: `${STANDARD}${f.relation.targetObject}`,
          targetField: customObjectInverseFieldName(object.nameSingular),
        }
      : undefined,
  }));
}

const notFound = (message: string, hint?: string): NotFound => ({ found: false, message, ...(hint ? { hint } : {}) });

export function buildRefIndex(pack: Pack): RefIndex {
  const standard = standardTargets();
  const packObjects: ObjectTarget[] = [];
  const objectByName = new Map<string, ObjectTarget>();
  const objectByPlural = new Map<string, ObjectTarget>();
  const objectByUid = new Map<string, ObjectTarget>();
  for (const def of pack.objects) {
    const object: ObjectTarget = {
      origin: 'pack',
      nameSingular: def.nameSingular,
      namePlural: def.namePlural,
      universalIdentifier: def.universalIdentifier,
      def,
    };
    packObjects.push(object);
    if (!objectByName.has(def.nameSingular)) objectByName.set(def.nameSingular, object);
    if (!objectByPlural.has(def.namePlural)) objectByPlural.set(def.namePlural, object);
    if (!objectByUid.has(def.universalIdentifier.toLowerCase())) objectByUid.set(def.universalIdentifier.toLowerCase(), object);
  }
  for (const object of standard.objects)
    objectByUid.set(object.universalIdentifier.toLowerCase(), objectByUid.get(object.universalIdentifier.toLowerCase()) ?? object);
  const standardByName = new Map(standard.objects.map((o) => [o.nameSingular, o]));

  const resolveObject = (ref: EntityRef): ObjectResolution => {
    const r = ref.trim();
    if (UUID_PATTERN.test(r)) {
      const object = objectByUid.get(r.toLowerCase());
      if (object) return { found: true, origin: object.origin, object };
      const field = fieldByUid.get(r.toLowerCase()) ?? standard.byUid.get(r.toLowerCase());
      if (field)
        return notFound(
          `${r} is the universalIdentifier of field ${refOf(field)}, not of an object`,
          `write the object's name, e.g. "${refOf(field.object)}"`,
        );
      return notFound(
        `no object has the universalIdentifier ${r}`,
        'check the UUID, or write the object by name (intelLead, standard:company)',
      );
    }
    if (r.startsWith(STANDARD)) {
      const name = r.slice(STANDARD.length);
      if (name.includes('.')) return notFound(`"${r}" names a field, not an object`, `write "${STANDARD}${name.split('.')[0]}"`);
      const object = standardByName.get(name);
      if (object) return { found: true, origin: 'standard', object };
      if (objectByName.has(name))
        return notFound(`Twenty has no standard object "${name}"`, `"${name}" is a pack object: write it without "${STANDARD}"`);
      return notFound(`Twenty has no standard object "${name}"`, objectHint(name));
    }
    if (r.includes('.')) return notFound(`"${r}" names a field, not an object`, `write "${r.split('.')[0]}"`);
    const object = objectByName.get(r) ?? standardByName.get(r);
    if (object) return { found: true, origin: object.origin, object };
    const byPlural = objectByPlural.get(r) ?? standardByName.get(findStandardObjectUsingName(r)?.nameSingular ?? '');
    if (byPlural) return notFound(`no object is named "${r}"`, `objects are referred to by their singular name: "${refOf(byPlural)}"`);
    return notFound(`no object is named "${r}"`, objectHint(r));
  };

  const objectHint = (name: string): string | undefined => {
    const packNames = packObjects.map((o) => o.nameSingular);
    const near = closest(name, [...packNames, ...standardByName.keys()]);
    if (near === undefined)
      return packNames.length > 0 ? `pack objects: ${packNames.slice(0, 8).join(', ')}${packNames.length > 8 ? ', …' : ''}` : undefined;
    return `did you mean "${objectByName.has(near) ? near : `${STANDARD}${near}`}"?`;
  };

  // Pack fields, attached to their objects: inline ones to their file's object,
  // standalone ones to whatever their objectUniversalIdentifier resolves to.
  const packFieldsOf = new Map<ObjectTarget, FieldTarget[]>();
  const targetByDef = new Map<FieldDef, FieldTarget>();
  const fieldByUid = new Map<string, FieldTarget>();
  const attach = (def: FieldDef, object: ObjectTarget): void => {
    const target = packFieldTarget(def, object);
    targetByDef.set(def, target);
    const list = packFieldsOf.get(object) ?? [];
    list.push(target);
    packFieldsOf.set(object, list);
    const uid = def.universalIdentifier.toLowerCase();
    if (!fieldByUid.has(uid)) fieldByUid.set(uid, target);
  };
  pack.objects.forEach((def, i) => def.fields.forEach((f) => attach(f, packObjects[i]!)));
  const orphans = new Map<string, FieldDef>();
  for (const def of pack.fields) {
    const owner = def.objectUniversalIdentifier ? resolveObject(def.objectUniversalIdentifier) : undefined;
    if (owner?.found) attach(def, owner.object);
    else orphans.set(def.universalIdentifier.toLowerCase(), def);
  }

  const allFieldsOf = new Map<ObjectTarget, FieldTarget[]>();
  const fieldsOf = (object: ObjectTarget): readonly FieldTarget[] => {
    let list = allFieldsOf.get(object);
    if (!list) {
      const own = packFieldsOf.get(object) ?? [];
      const rest =
        object.origin === 'pack' ? systemFieldTargets(object, new Set(own.map((f) => f.name))) : (standard.fields.get(object) ?? []);
      list = [...own, ...rest];
      allFieldsOf.set(object, list);
    }
    return list;
  };

  const fieldOn = (object: ObjectTarget, name: string): FieldResolution => {
    const field = fieldsOf(object).find((f) => f.name === name);
    if (field) return { found: true, origin: field.origin, object, field };
    const near = closest(
      name,
      fieldsOf(object).map((f) => f.name),
    );
    return notFound(`${refOf(object)} has no field "${name}"`, near !== undefined ? `did you mean "${near}"?` : undefined);
  };

  const resolveField = (ref: EntityRef, context?: ObjectTarget | EntityRef): FieldResolution => {
    const r = ref.trim();
    if (UUID_PATTERN.test(r)) {
      const key = r.toLowerCase();
      const field = fieldByUid.get(key) ?? standard.byUid.get(key);
      if (field) return { found: true, origin: field.origin, object: field.object, field };
      const orphan = orphans.get(key);
      if (orphan)
        return notFound(
          `field "${orphan.name}" (${r}) belongs to an object that does not resolve`,
          `fix its objectUniversalIdentifier (${orphan.objectUniversalIdentifier ?? 'missing'})`,
        );
      const object = objectByUid.get(key);
      if (object)
        return notFound(
          `${r} is the universalIdentifier of object ${refOf(object)}, not of a field`,
          `write a field of it, e.g. "${refOf(object)}.name"`,
        );
      return notFound(`no field has the universalIdentifier ${r}`, 'check the UUID, or write the field by name (stage, intelLead.stage)');
    }
    const body = r.startsWith(STANDARD) ? r.slice(STANDARD.length) : r;
    const dot = body.indexOf('.');
    if (dot >= 0) {
      const owner = resolveObject(r.slice(0, r.length - body.length + dot));
      if (!owner.found) return owner;
      return fieldOn(owner.object, body.slice(dot + 1));
    }
    if (r.startsWith(STANDARD)) return notFound(`"${r}" names an object, not a field`, `write one of its fields, e.g. "${r}.name"`);
    if (context === undefined) {
      const owners = packObjects.filter((o) => fieldsOf(o).some((f) => f.origin === 'pack' && f.name === r));
      const hint = owners.length === 1 ? `write "${refOf(owners[0]!)}.${r}"` : `write it as <object>.${r}`;
      return notFound(`"${r}" does not say which object its field is on`, hint);
    }
    const object =
      typeof context === 'string' ? resolveObject(context) : ({ found: true, origin: context.origin, object: context } as const);
    if (!object.found) return object;
    return fieldOn(object.object, r);
  };

  const relationTarget = (field: FieldTarget): FieldResolution => {
    if (!field.relation) return notFound(`${refOf(field)} is not a relation`);
    const object = resolveObject(field.relation.targetObject);
    if (!object.found) return object;
    const targetField = field.relation.targetField;
    if (targetField === undefined) return notFound(`${refOf(field)} names no field on ${refOf(object.object)}`);
    const found = resolveField(targetField, object.object);
    if (!found.found && field.origin === 'system') {
      return notFound(`${refOf(object.object)}.${targetField} is created by Twenty with ${refOf(field.object)}`);
    }
    return found;
  };

  return {
    objects: [...packObjects, ...standard.objects],
    resolveObject,
    resolveField,
    relationTarget,
    fieldsOf,
    targetOf: (def) => targetByDef.get(def),
  };
}
