// Desired state: a pure function of the pack model, the locale to deploy in, and
// the workspace's id deriver. Labels in `locale` are the labels; every other
// locale the pack has becomes a translation override.
import type { FieldDef, ObjectDef, PendingProblem, SelectOption, SourceRef, Translations, ValidPack, ViewDef } from '../pack/index.ts';
import type { IdDeriver } from './ids.ts';
import { packRefs, type PackRefs } from './pack-refs.ts';
import type { DesiredField, DesiredObject, DesiredSeed, DesiredState, DesiredView, OptionState, TranslationMap } from './state.ts';

export interface DesiredOptions {
  /** Defaults to the pack's defaultLocale. */
  locale?: string;
  ids: IdDeriver;
  /** Seed files marked `demo: true` are deployed only when asked. */
  includeDemoSeeds?: boolean;
}

/** Properties Twenty translates (ALL_TRANSLATABLE_PROPERTIES_BY_METADATA_NAME; object/field-metadata resolvers resolve them per `x-locale`). */
export const TRANSLATABLE = {
  object: ['labelSingular', 'labelPlural', 'description'],
  field: ['label', 'description'],
} as const;

const DEFAULT_OPTION_COLOR = 'gray';

export function buildDesired(pack: ValidPack, options: DesiredOptions): { state: DesiredState; problems: PendingProblem[] } {
  const defaultLocale = pack.defaultLocale;
  const locale = options.locale ?? defaultLocale;
  const refs = packRefs(pack);
  const ids = options.ids;
  const problems: PendingProblem[] = [];
  const unresolved = (source: SourceRef, key: string, ref: string, what: string): void => {
    problems.push({
      file: source.file,
      path: [...source.path, key],
      message: `cannot resolve ${what} "${ref}"`,
      hint: 'run `bankpack validate`',
      rule: 'deploy-ref',
    });
  };
  const texts = new LocaleTexts(pack.locales, defaultLocale, locale);

  const objects: DesiredObject[] = pack.objects.map((o) => ({
    universalIdentifier: o.universalIdentifier,
    nameSingular: o.nameSingular,
    namePlural: o.namePlural,
    labelSingular: texts.main(o.labelSingular, o.translations, 'labelSingular'),
    labelPlural: texts.main(o.labelPlural, o.translations, 'labelPlural'),
    ...(o.description !== undefined ? { description: texts.main(o.description, o.translations, 'description') } : {}),
    icon: o.icon ?? null,
    ...(o.isSearchable !== undefined ? { isSearchable: o.isSearchable } : {}),
    ...labelIdentifier(o, refs),
    translations: texts.others(o.translations, { labelSingular: o.labelSingular, labelPlural: o.labelPlural, description: o.description }),
    source: o.source,
  }));

  const fields: DesiredField[] = [];
  const addField = (f: FieldDef, objectName: string): void => {
    const field: DesiredField = {
      object: objectName,
      universalIdentifier: f.universalIdentifier,
      name: f.name,
      label: texts.main(f.label, f.translations, 'label'),
      type: f.type,
      ...(f.description !== undefined ? { description: texts.main(f.description, f.translations, 'description') } : {}),
      icon: f.icon ?? null,
      translations: texts.others(f.translations, { label: f.label, description: f.description }),
      source: f.source,
    };
    if (f.isNullable !== undefined) field.isNullable = f.isNullable;
    if (f.isUnique !== undefined) field.isUnique = f.isUnique;
    if (f.defaultValue !== undefined) field.defaultValue = f.defaultValue;
    if (f.options) field.options = f.options.map((opt) => toOption(opt, f, texts, ids));
    if (f.type === 'RELATION' || f.type === 'MORPH_RELATION') {
      const settings = f.universalSettings ?? {};
      const targetObject = f.relationTargetObjectMetadataUniversalIdentifier
        ? refs.object(f.relationTargetObjectMetadataUniversalIdentifier)
        : undefined;
      const targetField = f.relationTargetFieldMetadataUniversalIdentifier
        ? refs.field(f.relationTargetFieldMetadataUniversalIdentifier, targetObject)
        : undefined;
      if (!targetObject)
        unresolved(
          f.source,
          'relationTargetObjectMetadataUniversalIdentifier',
          f.relationTargetObjectMetadataUniversalIdentifier ?? '',
          'the relation target object',
        );
      else if (!targetField)
        unresolved(
          f.source,
          'relationTargetFieldMetadataUniversalIdentifier',
          f.relationTargetFieldMetadataUniversalIdentifier ?? '',
          'the relation target field',
        );
      else {
        field.relation = {
          type: settings.relationType === 'ONE_TO_MANY' ? 'ONE_TO_MANY' : 'MANY_TO_ONE',
          targetObject,
          targetField: targetField.name,
          ...(typeof settings.onDelete === 'string' ? { onDelete: settings.onDelete } : {}),
        };
      }
    } else if (f.universalSettings) field.settings = f.universalSettings;
    fields.push(field);
  };
  for (const o of pack.objects) for (const f of o.fields) addField(f, o.nameSingular);
  for (const f of pack.fields) {
    const owner = f.objectUniversalIdentifier ? refs.object(f.objectUniversalIdentifier) : undefined;
    if (!owner) unresolved(f.source, 'objectUniversalIdentifier', f.objectUniversalIdentifier ?? '', 'the object of this field');
    else addField(f, owner);
  }

  const views: DesiredView[] = [];
  for (const v of pack.views) {
    const view = toView(v, { refs, ids, texts, fields, unresolved });
    if (view) views.push(view);
  }

  const seeds: DesiredSeed[] = [];
  for (const s of pack.seeds) {
    if (s.demo && !options.includeDemoSeeds) continue;
    const object = refs.object(s.object);
    if (!object) {
      unresolved(s.source, 'object', s.object, 'the seed object');
      continue;
    }
    seeds.push({
      object,
      key: s.key,
      source: s.source,
      records: s.records.map((data) => {
        const keyValues = s.key.map((k) => JSON.stringify(data[k] ?? null));
        return { id: ids('record', object, ...keyValues), keyText: s.key.map((k, i) => `${k}=${keyValues[i]}`).join(', '), data };
      }),
    });
  }

  return { state: { locale, objects, fields, views, seeds }, problems };
}

function labelIdentifier(o: ObjectDef, refs: PackRefs): { labelIdentifierFieldName?: string } {
  const ref = o.labelIdentifierFieldMetadataUniversalIdentifier;
  if (!ref) return {};
  const found = refs.field(ref, o.nameSingular);
  return found && found.object === o.nameSingular ? { labelIdentifierFieldName: found.name } : {};
}

function toOption(opt: SelectOption, f: FieldDef, texts: LocaleTexts, ids: IdDeriver): OptionState {
  return {
    id: opt.id ?? ids('option', f.universalIdentifier, opt.value),
    value: opt.value,
    label: texts.option(opt),
    color: opt.color ?? DEFAULT_OPTION_COLOR,
    position: opt.position,
  };
}

function toView(
  v: ViewDef,
  ctx: {
    refs: PackRefs;
    ids: IdDeriver;
    texts: LocaleTexts;
    fields: DesiredField[];
    unresolved: (s: SourceRef, k: string, r: string, w: string) => void;
  },
): DesiredView | undefined {
  const object = ctx.refs.object(v.objectUniversalIdentifier);
  if (!object) {
    ctx.unresolved(v.source, 'objectUniversalIdentifier', v.objectUniversalIdentifier, 'the object of this view');
    return undefined;
  }
  const fieldName = (ref: string, key: (string | number)[]): string | undefined => {
    const found = ctx.refs.field(ref, object);
    if (!found || found.object !== object) {
      ctx.unresolved(
        { file: v.source.file, path: [...v.source.path, ...key.slice(0, -1)] },
        String(key[key.length - 1]),
        ref,
        'the view field',
      );
      return undefined;
    }
    return found.name;
  };
  const viewFields = v.fields.flatMap((vf, i) => {
    const name = fieldName(vf.fieldMetadataUniversalIdentifier, ['fields', i, 'fieldMetadataUniversalIdentifier']);
    if (!name) return [];
    const id = vf.universalIdentifier ? ctx.ids('viewField', vf.universalIdentifier) : ctx.ids('viewField', v.universalIdentifier, name);
    return [
      { id, field: name, position: vf.position, isVisible: vf.isVisible ?? true, ...(vf.size !== undefined ? { size: vf.size } : {}) },
    ];
  });
  const sorts = (v.sorts ?? []).flatMap((s, i) => {
    const name = fieldName(s.fieldMetadataUniversalIdentifier, ['sorts', i, 'fieldMetadataUniversalIdentifier']);
    return name
      ? [{ id: ctx.ids('viewSort', s.universalIdentifier ?? `${v.universalIdentifier}:${name}`), field: name, direction: s.direction }]
      : [];
  });
  const filters = (v.filters ?? []).flatMap((f, i) => {
    const name = fieldName(f.fieldMetadataUniversalIdentifier, ['filters', i, 'fieldMetadataUniversalIdentifier']);
    if (!name) return [];
    const id = ctx.ids('viewFilter', f.universalIdentifier ?? `${v.universalIdentifier}:${name}`);
    return [{ id, field: name, operand: f.operand, value: f.value, ...(f.subFieldName ? { subFieldName: f.subFieldName } : {}) }];
  });
  let mainGroupByField: string | undefined;
  let groups: DesiredView['groups'] = [];
  if (v.mainGroupByFieldMetadataUniversalIdentifier) {
    mainGroupByField = fieldName(v.mainGroupByFieldMetadataUniversalIdentifier, ['mainGroupByFieldMetadataUniversalIdentifier']);
    const groupField = ctx.fields.find((f) => f.object === object && f.name === mainGroupByField);
    // The file's groups first, in their order and visibility; the options it does not list follow, shown.
    const listed = new Map((v.groups ?? []).map((g) => [g.fieldValue, g]));
    const options = groupField?.options ?? [];
    const inFile = options.filter((o) => listed.has(o.value)).sort((a, b) => listed.get(a.value)!.position - listed.get(b.value)!.position);
    const rest = options.filter((o) => !listed.has(o.value)).sort((a, b) => a.position - b.position);
    groups = [...inFile, ...rest].map((o, i) => ({
      id: ctx.ids('viewGroup', v.universalIdentifier, o.value),
      fieldValue: o.value,
      position: i,
      isVisible: listed.get(o.value)?.isVisible ?? true,
    }));
  }
  return {
    id: ctx.ids('view', v.universalIdentifier),
    universalIdentifier: v.universalIdentifier,
    object,
    name: ctx.texts.main(v.name, v.translations, 'name'),
    type: v.type,
    icon: v.icon ?? (v.type === 'KANBAN' ? 'IconLayoutKanban' : 'IconList'),
    position: v.position ?? 0,
    ...(mainGroupByField ? { mainGroupByField } : {}),
    ...(v.kanbanAggregateOperation ? { kanbanAggregateOperation: v.kanbanAggregateOperation } : {}),
    fields: viewFields,
    sorts,
    filters,
    groups,
    source: v.source,
  };
}

/** Picks each text in the deploy locale, and the overrides for the other locales. */
class LocaleTexts {
  constructor(
    private readonly locales: readonly string[],
    private readonly defaultLocale: string,
    private readonly locale: string,
  ) {}

  /** The text in the deploy locale; the default-locale text when no translation exists. */
  main(base: string, translations: Translations | undefined, property: string): string {
    if (this.locale === this.defaultLocale) return base;
    return translations?.[this.locale]?.[property] ?? base;
  }

  option(opt: SelectOption): string {
    if (this.locale === this.defaultLocale) return opt.label;
    return opt.translations?.[this.locale] ?? opt.label;
  }

  /** Overrides for every other locale the pack has a text for. */
  others(translations: Translations | undefined, base: Record<string, string | undefined>): TranslationMap {
    const out: TranslationMap = {};
    const locales = new Set([...this.locales, ...Object.keys(translations ?? {})]);
    for (const loc of locales) {
      if (loc === this.locale) continue;
      for (const [property, baseValue] of Object.entries(base)) {
        const value = loc === this.defaultLocale ? baseValue : translations?.[loc]?.[property];
        if (value === undefined) continue;
        (out[loc] ??= {})[property] = value;
      }
    }
    return out;
  }
}
