// What a workflow may read and write: the pack's objects and fields, Twenty's
// standard objects (scripts/pack/standard), and the fields Twenty adds to every
// custom object. Built once
// per validation or deploy, looked up by object nameSingular and field name.
import { allPackFields } from '../pack/build-model.ts';
import type { FieldType, Pack } from '../pack/model.ts';
import { CUSTOM_OBJECT_DEFAULT_FIELDS, customObjectInverseFieldName, STANDARD_OBJECTS, type StandardObject } from '../pack/standard/index.ts';
import { packRefs } from '../deploy/pack-refs.ts';

export interface CatalogueField {
  name: string;
  type: FieldType;
  /** SELECT / MULTI_SELECT option values. */
  options?: string[];
  /** RELATION: the other side; MANY_TO_ONE carries the join column `<name>Id`. */
  relation?: { type: 'MANY_TO_ONE' | 'ONE_TO_MANY'; targetObject: string; joinColumn?: string };
}

export interface CatalogueObject {
  nameSingular: string;
  fields: Map<string, CatalogueField>;
  /** Join column name → its relation field (`companyId` → company). */
  joinColumns: Map<string, CatalogueField>;
  isCustom: boolean;
}

export interface Catalogue {
  objects: Map<string, CatalogueObject>;
  object(name: string): CatalogueObject | undefined;
}

export { COMPOSITE_SUB_FIELDS } from '../pack/standard/composite-fields.ts';

export function buildCatalogue(pack: Pack, standard: readonly StandardObject[] = STANDARD_OBJECTS): Catalogue {
  const objects = new Map<string, CatalogueObject>();
  const objectFor = (name: string, isCustom: boolean): CatalogueObject => {
    let o = objects.get(name);
    if (!o) objects.set(name, (o = { nameSingular: name, fields: new Map(), joinColumns: new Map(), isCustom }));
    return o;
  };
  const put = (objectName: string, field: CatalogueField): void => {
    const o = objectFor(objectName, objects.get(objectName)?.isCustom ?? false);
    o.fields.set(field.name, field);
    if (field.relation?.joinColumn) o.joinColumns.set(field.relation.joinColumn, field);
  };

  for (const s of standard) {
    objectFor(s.nameSingular, false);
    for (const f of s.fields) {
      put(s.nameSingular, {
        name: f.name,
        type: f.type,
        ...(f.options ? { options: f.options.map((o) => o.value) } : {}),
        ...(f.relation
          ? { relation: { type: f.relation.type, targetObject: f.relation.targetObject, ...(f.relation.type === 'MANY_TO_ONE' ? { joinColumn: `${f.name}Id` } : {}) } }
          : {}),
      });
    }
  }

  const refs = packRefs(pack);
  for (const o of pack.objects) {
    objectFor(o.nameSingular, true);
    // The fields Twenty gives every custom object, and the MORPH_RELATION leg it adds on each
    // target object (taskTarget.targetIntelLead, join column targetIntelLeadId): custom-object-defaults.ts.
    for (const d of CUSTOM_OBJECT_DEFAULT_FIELDS) {
      if (!d.relation) {
        put(o.nameSingular, { name: d.name, type: d.type });
        continue;
      }
      put(o.nameSingular, { name: d.name, type: 'RELATION', relation: { type: 'ONE_TO_MANY', targetObject: d.relation.targetObject } });
      const leg = customObjectInverseFieldName(o.nameSingular);
      put(d.relation.targetObject, { name: leg, type: 'MORPH_RELATION', relation: { type: 'MANY_TO_ONE', targetObject: o.nameSingular, joinColumn: `${leg}Id` } });
    }
  }
  for (const { field, objectRef } of allPackFields(pack)) {
    const owner = refs.object(objectRef);
    if (!owner) continue;
    const settings = field.universalSettings ?? {};
    const target = field.relationTargetObjectMetadataUniversalIdentifier ? refs.object(field.relationTargetObjectMetadataUniversalIdentifier) : undefined;
    const relationType = settings.relationType === 'ONE_TO_MANY' ? 'ONE_TO_MANY' : 'MANY_TO_ONE';
    const joinColumn = typeof settings.joinColumnName === 'string' ? settings.joinColumnName : `${field.name}Id`;
    put(owner, {
      name: field.name,
      type: field.type,
      ...(field.options ? { options: field.options.map((opt) => opt.value) } : {}),
      ...(field.type === 'RELATION' && target
        ? { relation: { type: relationType, targetObject: target, ...(relationType === 'MANY_TO_ONE' ? { joinColumn } : {}) } }
        : {}),
    });
  }
  return { objects, object: (name) => objects.get(name) };
}

/** The field a record key names: a field name, or a MANY_TO_ONE join column (`companyId`). */
export function fieldOf(object: CatalogueObject, key: string): { field: CatalogueField; viaJoinColumn: boolean } | undefined {
  const direct = object.fields.get(key);
  if (direct) return { field: direct, viaJoinColumn: false };
  const joined = object.joinColumns.get(key);
  return joined ? { field: joined, viaJoinColumn: true } : undefined;
}

/** Every name a record key may take on this object, for did-you-mean. */
export function keyNames(object: CatalogueObject): string[] {
  return [...object.fields.keys(), ...object.joinColumns.keys()];
}
