/**
 * The linked model: every object a record can belong to (the pack's and Twenty's standard
 * ones, with the pack's fields on the standard objects they extend), every field its
 * records carry (declared, standard, and the system fields Twenty adds to every custom
 * object, from ./standard/custom-object-defaults.ts, the one list), each relation with its
 * target object's name and join column, each option with its translations, and each
 * object's label identifier. Built once per validation from the reference index
 * (./refs.ts); workflows, letters, deploy, jobs and roles read it and resolve nothing again.
 *
 *   const lead = model.object('intelLead');           // a name, `standard:company` or a UUID
 *   lead?.fields.get('createdAt')?.type;              // 'DATE_TIME' (a system field)
 *   lead?.joinColumns.get('companyId')?.name;         // 'company'
 */
import type { EntityRef, FieldDef, FieldType, ObjectDef, Pack, RelationType } from './model.ts';
import { type FieldOrigin, type FieldTarget, type ObjectOrigin, type ObjectTarget, type RefIndex } from './refs.ts';
import { CUSTOM_OBJECT_DEFAULT_FIELDS, customObjectInverseFieldName } from './standard/index.ts';

export interface LinkedOption {
  value: string;
  label: string;
  /** locale → label, for locales other than the pack's default (pack options only). */
  translations?: Record<string, string>;
}

export interface LinkedRelation {
  type: RelationType;
  /** nameSingular of the object on the other side. */
  targetObject: string;
  /** MANY_TO_ONE only: the column holding the other record's id (`companyId`). */
  joinColumn?: string;
}

export interface LinkedField {
  name: string;
  type: FieldType;
  label: string;
  /** 'pack' (declared here), 'standard' (Twenty's standard objects) or 'system' (added by Twenty to a custom object). */
  origin: FieldOrigin;
  options?: readonly LinkedOption[];
  relation?: LinkedRelation;
  /** The pack field as written, for its source and translations; absent for standard and system fields. */
  def?: FieldDef;
}

export interface LinkedObject {
  nameSingular: string;
  namePlural: string;
  universalIdentifier: string;
  origin: ObjectOrigin;
  /** The field that names a record: the declared label identifier, else Twenty's `name`. */
  labelIdentifier: string;
  /** Every field records carry, by name. */
  fields: ReadonlyMap<string, LinkedField>;
  /** Join column → its MANY_TO_ONE relation field (`companyId` → company). */
  joinColumns: ReadonlyMap<string, LinkedField>;
  /** The object file, for pack objects. */
  def?: ObjectDef;
}

export interface LinkedModel {
  /** Every object, by nameSingular: the pack's, then Twenty's standard ones. */
  readonly objects: ReadonlyMap<string, LinkedObject>;
  /** The object a reference names (a pack name, `standard:company`, a UUID). */
  object(ref: EntityRef): LinkedObject | undefined;
  /** The object and field a field reference names; a bare name is read on `context` (an object reference). */
  field(ref: EntityRef, context?: EntityRef): { object: LinkedObject; field: LinkedField } | undefined;
}

export function linkModel(pack: Pack, refs: RefIndex): LinkedModel {
  const objects = new Map<string, LinkedObject>();
  const byTarget = new Map<ObjectTarget, LinkedObject>();
  const fieldsOf = new Map<string, Map<string, LinkedField>>();
  const joinsOf = new Map<string, Map<string, LinkedField>>();
  const put = (object: string, field: LinkedField): void => {
    fieldsOf.get(object)?.set(field.name, field);
    if (field.relation?.joinColumn) joinsOf.get(object)?.set(field.relation.joinColumn, field);
  };
  for (const target of refs.objects) {
    if (objects.has(target.nameSingular)) continue; // a pack object shadowing a standard name: validation reports it
    const fields = new Map<string, LinkedField>();
    const joinColumns = new Map<string, LinkedField>();
    fieldsOf.set(target.nameSingular, fields);
    joinsOf.set(target.nameSingular, joinColumns);
    const object: LinkedObject = {
      nameSingular: target.nameSingular,
      namePlural: target.namePlural,
      universalIdentifier: target.universalIdentifier,
      origin: target.origin,
      labelIdentifier: target.origin === 'standard' ? target.def.labelIdentifierFieldName : labelIdentifierOf(target, refs),
      fields,
      joinColumns,
      ...(target.origin === 'pack' ? { def: target.def } : {}),
    };
    objects.set(target.nameSingular, object);
    byTarget.set(target, object);
  }
  for (const [target, object] of byTarget) {
    for (const f of refs.fieldsOf(target)) {
      const field = linkField(f, refs);
      if (field) put(object.nameSingular, field);
    }
  }
  // The leg Twenty adds on each standard object a custom object's system relations point at
  // (taskTarget.targetIntelLead, join column targetIntelLeadId): custom-object-defaults.ts.
  for (const object of byTarget.values()) {
    if (object.origin !== 'pack') continue;
    for (const d of CUSTOM_OBJECT_DEFAULT_FIELDS) {
      if (!d.relation) continue;
      const leg = customObjectInverseFieldName(object.nameSingular);
      put(d.relation.targetObject, {
        name: leg,
        type: 'MORPH_RELATION',
        label: object.nameSingular,
        origin: 'system',
        relation: { type: 'MANY_TO_ONE', targetObject: object.nameSingular, joinColumn: `${leg}Id` },
      });
    }
  }

  const object = (ref: EntityRef): LinkedObject | undefined => {
    const found = refs.resolveObject(ref);
    return found.found ? byTarget.get(found.object) : undefined;
  };
  return {
    objects,
    object,
    field: (ref, context) => {
      const found = refs.resolveField(ref, context);
      if (!found.found) return undefined;
      const owner = byTarget.get(found.object);
      const field = owner?.fields.get(found.field.name);
      return owner && field ? { object: owner, field } : undefined;
    },
  };
}

function labelIdentifierOf(target: Extract<ObjectTarget, { origin: 'pack' }>, refs: RefIndex): string {
  const ref = target.def.labelIdentifierFieldMetadataUniversalIdentifier;
  const found = ref === undefined ? undefined : refs.resolveField(ref, target);
  return found?.found && found.object === target ? found.field.name : 'name';
}

/** A field as the linked model holds it; undefined for a standard field the catalogue cannot type. */
function linkField(f: FieldTarget, refs: RefIndex): LinkedField | undefined {
  if (f.type === undefined) return undefined;
  const base = { name: f.name, type: f.type, origin: f.origin };
  switch (f.origin) {
    case 'pack': {
      const def = f.def;
      const settings = def.universalSettings ?? {};
      const target = def.relationTargetObjectMetadataUniversalIdentifier
        ? refs.resolveObject(def.relationTargetObjectMetadataUniversalIdentifier)
        : undefined;
      const type: RelationType = settings.relationType === 'ONE_TO_MANY' ? 'ONE_TO_MANY' : 'MANY_TO_ONE';
      const joinColumn = typeof settings.joinColumnName === 'string' ? settings.joinColumnName : `${def.name}Id`;
      return {
        ...base,
        label: def.label,
        def,
        ...(def.options
          ? {
              options: def.options.map((o) => ({
                value: o.value,
                label: o.label,
                ...(o.translations ? { translations: o.translations } : {}),
              })),
            }
          : {}),
        ...(def.type === 'RELATION' && target?.found
          ? { relation: { type, targetObject: target.object.nameSingular, ...(type === 'MANY_TO_ONE' ? { joinColumn } : {}) } }
          : {}),
      };
    }
    case 'standard': {
      const def = f.def;
      return {
        ...base,
        label: def?.label ?? f.name,
        ...(def?.options ? { options: def.options.map((o) => ({ value: o.value, label: o.label })) } : {}),
        ...(def?.relation
          ? {
              relation: {
                type: def.relation.type,
                targetObject: def.relation.targetObject,
                ...(def.relation.type === 'MANY_TO_ONE' ? { joinColumn: `${f.name}Id` } : {}),
              },
            }
          : {}),
      };
    }
    case 'system':
      return {
        ...base,
        label: f.def.label,
        ...(f.def.relation ? { relation: { type: 'ONE_TO_MANY', targetObject: f.def.relation.targetObject } } : {}),
      };
  }
}
