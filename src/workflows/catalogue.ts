// What a workflow may read and write: the pack's linked model (src/pack/linked.ts),
// looked up by object nameSingular and field name: the pack's objects and fields,
// Twenty's standard objects, and the system fields Twenty adds to every custom object.
import type { FieldType } from '../pack/index.ts';

/** What the workflows read of a LinkedPack (src/pack/linked-pack.ts), which is one: only its model. */
export interface WorkflowsPack {
  model: { objects: ReadonlyMap<string, { nameSingular: string; origin: 'pack' | 'standard'; fields: ReadonlyMap<string, LinkedField> }> };
}
type LinkedField = Omit<CatalogueField, 'options'> & { options?: ReadonlyArray<{ value: string }> };

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

export function buildCatalogue(pack: WorkflowsPack): Catalogue {
  const objects = new Map<string, CatalogueObject>();
  for (const o of pack.model.objects.values()) {
    const fields = new Map<string, CatalogueField>();
    const joinColumns = new Map<string, CatalogueField>();
    for (const f of o.fields.values()) {
      const field = toField(f);
      fields.set(f.name, field);
      if (field.relation?.joinColumn) joinColumns.set(field.relation.joinColumn, field);
    }
    objects.set(o.nameSingular, { nameSingular: o.nameSingular, fields, joinColumns, isCustom: o.origin === 'pack' });
  }
  return { objects, object: (name) => objects.get(name) };
}

const toField = (f: LinkedField): CatalogueField => ({
  name: f.name,
  type: f.type,
  ...(f.options ? { options: f.options.map((o) => o.value) } : {}),
  ...(f.relation ? { relation: f.relation } : {}),
});

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
