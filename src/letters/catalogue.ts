// What the letters know of the workspace's data model: a view of the pack's linked
// model (src/pack/linked.ts): every object with its fields, the system fields
// Twenty adds included, and the pack's default locale. The static check, the query
// builder and the --where parser all read it, so a template is checked against
// exactly what the pack deploys.
import {
  COMPOSITE_SUB_FIELDS as COMPOSITE_SUBFIELDS,
  type EntityRef,
  type FieldType,
  type PackSettings,
  type RelationType,
} from '../pack/index.ts';
import type { OptionLabel } from './helpers/option-labels.ts';

/** What the letters read of a LinkedPack (src/pack/linked-pack.ts), which is one: its default locale, settings and model. */
export interface LettersPack {
  defaultLocale: string;
  settings?: PackSettings;
  model: {
    objects: ReadonlyMap<
      string,
      { nameSingular: string; namePlural: string; labelIdentifier: string; fields: ReadonlyMap<string, LinkedField> }
    >;
    object(ref: EntityRef): { nameSingular: string } | undefined;
  };
}
type LinkedField = Pick<CatalogueField, 'name' | 'type' | 'label'> & {
  options?: readonly OptionLabel[];
  relation?: { type: RelationType; targetObject: string; joinColumn?: string };
};

export interface CatalogueField {
  name: string;
  type: FieldType;
  label: string;
  options?: OptionLabel[];
  /** RELATION fields: the other object (by nameSingular) and which side this is. */
  relation?: { type: RelationType; target: string; joinColumn?: string };
}

export interface CatalogueObject {
  nameSingular: string;
  namePlural: string;
  /** The field that names a record (company.name, person.name). */
  labelIdentifier: string;
  fields: Map<string, CatalogueField>;
}

export interface Catalogue {
  objects: Map<string, CatalogueObject>;
  /** The object a reference names (`company`, `standard:company`, a UUID), by nameSingular. */
  objectName(ref: EntityRef): string | undefined;
  defaultLocale: string;
  /** settings/bank.yaml: what `{{bank.…}}` and `{{email.…}}` print (absent: the pack has none). */
  settings?: PackSettings;
}

/** The object a template's `object:` names, if the catalogue has it. */
export function objectByRef(catalogue: Catalogue, ref: string): CatalogueObject | undefined {
  const name = catalogue.objectName(ref);
  return name === undefined ? undefined : catalogue.objects.get(name);
}

export { COMPOSITE_SUB_FIELDS as COMPOSITE_SUBFIELDS } from '../pack/index.ts';

export function isComposite(type: FieldType): boolean {
  return COMPOSITE_SUBFIELDS[type] !== undefined;
}

export function buildCatalogue(pack: LettersPack): Catalogue {
  const objects = new Map<string, CatalogueObject>();
  for (const o of pack.model.objects.values()) {
    const fields = new Map<string, CatalogueField>();
    for (const f of o.fields.values()) fields.set(f.name, toField(f));
    objects.set(o.nameSingular, { nameSingular: o.nameSingular, namePlural: o.namePlural, labelIdentifier: o.labelIdentifier, fields });
  }
  return {
    objects,
    objectName: (ref) => pack.model.object(ref)?.nameSingular,
    defaultLocale: pack.defaultLocale,
    ...(pack.settings ? { settings: pack.settings } : {}),
  };
}

const toField = (f: LinkedField): CatalogueField => ({
  name: f.name,
  type: f.type,
  label: f.label,
  ...(f.options ? { options: f.options.map((o) => ({ ...o })) } : {}),
  ...(f.relation
    ? {
        relation: {
          type: f.relation.type,
          target: f.relation.targetObject,
          ...(f.relation.joinColumn ? { joinColumn: f.relation.joinColumn } : {}),
        },
      }
    : {}),
});

/** The first EMAILS field of an object: where an email to one of its records goes. */
export function emailFieldOf(object: CatalogueObject): CatalogueField | undefined {
  return [...object.fields.values()].find((f) => f.type === 'EMAILS');
}
