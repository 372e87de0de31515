// What the letters know of the workspace's data model: every object with its
// fields, taken from Twenty's standard catalogue and the pack's own objects and
// fields. The static check, the query builder and the --where parser all read it,
// so a template is checked against exactly what the pack deploys.
import type { FieldDef, FieldType, Pack, PackSettings, RelationType } from '../pack/model.ts';
import type { StandardObject } from '../pack/standard/types.ts';
import type { OptionLabel } from './helpers/option-labels.ts';

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
  /** Every way the pack may name an object (`company`, `standard:company`, its UUID) → nameSingular. */
  refs: Map<string, string>;
  defaultLocale: string;
  /** settings/bank.yaml: what `{{bank.…}}` and `{{email.…}}` print (absent: the pack has none). */
  settings?: PackSettings;
}

/** The object a template's `object:` names, if the catalogue has it. */
export function objectByRef(catalogue: Catalogue, ref: string): CatalogueObject | undefined {
  const name = catalogue.refs.get(ref) ?? catalogue.refs.get(ref.replace(/^standard:/, ''));
  return name === undefined ? undefined : catalogue.objects.get(name);
}

export { COMPOSITE_SUB_FIELDS as COMPOSITE_SUBFIELDS } from '../pack/standard/composite-fields.ts';
import { COMPOSITE_SUB_FIELDS as COMPOSITE_SUBFIELDS } from '../pack/standard/composite-fields.ts';

export function isComposite(type: FieldType): boolean {
  return COMPOSITE_SUBFIELDS[type] !== undefined;
}

export function buildCatalogue(standard: readonly StandardObject[], pack: Pack): Catalogue {
  const objects = new Map<string, CatalogueObject>();
  const byRef = new Map<string, string>();
  for (const s of standard) {
    const fields = new Map<string, CatalogueField>();
    for (const f of s.fields) {
      fields.set(f.name, {
        name: f.name,
        type: f.type,
        label: f.label,
        ...(f.options ? { options: f.options.map((o) => ({ value: o.value, label: o.label })) } : {}),
        ...(f.relation ? { relation: { type: f.relation.type, target: f.relation.targetObject, ...(f.relation.type === 'MANY_TO_ONE' ? { joinColumn: `${f.name}Id` } : {}) } } : {}),
      });
    }
    objects.set(s.nameSingular, { nameSingular: s.nameSingular, namePlural: s.namePlural, labelIdentifier: s.labelIdentifierFieldName, fields });
    byRef.set(s.universalIdentifier, s.nameSingular);
    byRef.set(`standard:${s.nameSingular}`, s.nameSingular);
    byRef.set(s.nameSingular, s.nameSingular);
  }
  for (const o of pack.objects) {
    byRef.set(o.universalIdentifier, o.nameSingular);
    byRef.set(o.nameSingular, o.nameSingular);
  }
  const resolveObject = (ref: string | undefined): string | undefined => (ref === undefined ? undefined : byRef.get(ref) ?? byRef.get(ref.split('.')[0] ?? ''));

  const toField = (f: FieldDef): CatalogueField => {
    const settings = f.universalSettings ?? {};
    const target = resolveObject(f.relationTargetObjectMetadataUniversalIdentifier);
    const relationType = settings.relationType === 'ONE_TO_MANY' ? 'ONE_TO_MANY' : 'MANY_TO_ONE';
    return {
      name: f.name,
      type: f.type,
      label: f.label,
      ...(f.options ? { options: f.options.map((o) => ({ value: o.value, label: o.label, ...(o.translations ? { translations: o.translations } : {}) })) } : {}),
      ...(f.type === 'RELATION' && target
        ? {
            relation: {
              type: relationType,
              target,
              ...(relationType === 'MANY_TO_ONE' ? { joinColumn: typeof settings.joinColumnName === 'string' ? settings.joinColumnName : `${f.name}Id` } : {}),
            },
          }
        : {}),
    };
  };

  for (const o of pack.objects) {
    const fields = new Map<string, CatalogueField>();
    // Twenty adds these to every custom object (the SDK's default fields).
    for (const [name, type] of [['id', 'UUID'], ['createdAt', 'DATE_TIME'], ['updatedAt', 'DATE_TIME'], ['deletedAt', 'DATE_TIME'], ['createdBy', 'ACTOR'], ['position', 'POSITION']] as const) {
      fields.set(name, { name, type, label: name });
    }
    for (const f of o.fields) fields.set(f.name, toField(f));
    const labelField = o.fields.find((f) => f.universalIdentifier === o.labelIdentifierFieldMetadataUniversalIdentifier)?.name ?? 'name';
    objects.set(o.nameSingular, { nameSingular: o.nameSingular, namePlural: o.namePlural, labelIdentifier: labelField, fields });
  }
  for (const f of pack.fields) {
    const owner = objects.get(resolveObject(f.objectUniversalIdentifier) ?? '');
    if (owner) owner.fields.set(f.name, toField(f));
  }
  return { objects, refs: byRef, defaultLocale: pack.manifest?.defaultLocale ?? 'zh-CN', ...(pack.settings ? { settings: pack.settings } : {}) };
}

/** The first EMAILS field of an object: where an email to one of its records goes. */
export function emailFieldOf(object: CatalogueObject): CatalogueField | undefined {
  return [...object.fields.values()].find((f) => f.type === 'EMAILS');
}
