// The pack as twenty-sdk 2.43 manifest entities: plain objects in the shapes of
// `ObjectManifest`, `FieldManifest`, `ViewManifest`, `NavigationMenuItemManifest`
// and `RoleManifest` (node_modules/twenty-sdk/dist/define/index.d.ts). Every
// reference the pack writes by name is turned into the universal identifier the
// SDK wants; identifiers the pack leaves to be derived (view columns, sorts,
// kanban groups, select options) are derived once here, under the application's
// identifier, so the same pack always exports the same app.
import { v5 as uuidv5 } from 'uuid';
import type { FieldDef, FieldTarget, ObjectTarget, Pack, RefIndex, ValidPack, ViewDef } from '../../pack/index.ts';
import { SETTINGS_ENUMS, sdkEnum } from './enum-value.ts';
import { roleConfig } from './roles.ts';
import { AppTexts } from './texts.ts';

/** bankpack's namespace for the identifiers an export derives (a fixed v4, not the deploy's). */
const EXPORT_NAMESPACE = '6f1d3c52-8b7e-4a09-9d2c-51e0b7a4c8f3';

/** The SDK's own derivation of a field identifier that no file names (a custom object's `createdAt`). */
export type SystemFieldUid = (args: { applicationUniversalIdentifier: string; objectUniversalIdentifier: string; name: string }) => string;

export interface AppEntity {
  /** File under src/, e.g. `objects/complaint.object.ts`. */
  file: string;
  /** The `define*` function the file calls. */
  define:
    | 'defineApplication'
    | 'defineApplicationRole'
    | 'defineRole'
    | 'defineObject'
    | 'defineField'
    | 'defineView'
    | 'defineNavigationMenuItem';
  config: Record<string, unknown>;
}

export interface AppModel {
  applicationUniversalIdentifier: string;
  entities: AppEntity[];
  /** locale → { English source text: translation }, for `locales/<locale>.json`. */
  catalogs: Record<string, Record<string, string>>;
  /** Texts whose English source is shared by two different translations: Twenty keys translations by source text. */
  collisions: string[];
}

export interface NavigationGroup {
  key: string;
  label: string;
  translations?: Record<string, string>;
  icon?: string;
  objects: string[];
}

export function applicationUid(pack: Pack): string {
  return uuidv5(`application:${pack.manifest?.name ?? 'bankpack'}`, EXPORT_NAMESPACE);
}

export interface AppModelOptions {
  systemFieldUid: SystemFieldUid;
  navigation?: NavigationGroup[];
  /** The locale the labels are written in; defaults to the pack's default locale. */
  sourceLocale?: string;
}

export function buildAppModel(pack: ValidPack, options: AppModelOptions): AppModel {
  const appUid = applicationUid(pack);
  const derive = (...parts: string[]): string => uuidv5(parts.join(':'), appUid);
  const refs = pack.refs;
  const texts = new AppTexts(pack.defaultLocale, pack.locales, options.sourceLocale);
  const fieldUid = (target: FieldTarget): string =>
    target.universalIdentifier ??
    options.systemFieldUid({
      applicationUniversalIdentifier: appUid,
      objectUniversalIdentifier: target.object.universalIdentifier,
      name: target.name,
    });
  const entities: AppEntity[] = [];
  const defaultRoleUid = derive('role', 'default');

  entities.push({
    file: 'application.config.ts',
    define: 'defineApplication',
    config: {
      universalIdentifier: appUid,
      displayName: texts.source(pack.manifest?.name ?? 'bankpack', undefined, 'name'),
      description: pack.manifest?.description ?? '',
    },
  });
  // An app must name a default role: the role its own logic functions run with. The
  // pack has no logic functions, so it is given no access at all.
  entities.push({
    file: 'roles/default.role.ts',
    define: 'defineApplicationRole',
    config: {
      universalIdentifier: defaultRoleUid,
      label: 'bankpack functions (no access)',
      description: "The role the app's own logic functions run with. The pack defines none, so it reads and writes nothing.",
      canReadAllObjectRecords: false,
      canUpdateAllObjectRecords: false,
      canSoftDeleteAllObjectRecords: false,
      canDestroyAllObjectRecords: false,
      canUpdateAllSettings: false,
      canBeAssignedToUsers: false,
      canBeAssignedToApiKeys: false,
    },
  });

  for (const o of pack.objects) {
    const object = resolveObject(refs, o.nameSingular);
    entities.push({
      file: `objects/${kebab(o.nameSingular)}.object.ts`,
      define: 'defineObject',
      config: compact({
        universalIdentifier: o.universalIdentifier,
        nameSingular: o.nameSingular,
        namePlural: o.namePlural,
        labelSingular: texts.source(o.labelSingular, o.translations, 'labelSingular'),
        labelPlural: texts.source(o.labelPlural, o.translations, 'labelPlural'),
        description: o.description === undefined ? undefined : texts.source(o.description, o.translations, 'description'),
        icon: o.icon,
        isSearchable: o.isSearchable,
        labelIdentifierFieldMetadataUniversalIdentifier: o.labelIdentifierFieldMetadataUniversalIdentifier
          ? fieldUid(resolveField(refs, o.labelIdentifierFieldMetadataUniversalIdentifier, object))
          : undefined,
        fields: o.fields.map((f) => fieldConfig(f, refs, texts, derive, fieldUid)),
      }),
    });
  }
  for (const f of pack.fields) {
    const owner = resolveObject(refs, f.objectUniversalIdentifier ?? '');
    entities.push({
      file: `fields/${kebab(owner.nameSingular)}-${kebab(f.name)}.field.ts`,
      define: 'defineField',
      config: { ...fieldConfig(f, refs, texts, derive, fieldUid), objectUniversalIdentifier: owner.universalIdentifier },
    });
  }
  for (const v of pack.views) entities.push(viewEntity(v, refs, texts, derive, fieldUid));
  entities.push(...navigationEntities(options.navigation ?? [], refs, texts, derive));
  const roleContext = {
    refs,
    texts,
    fieldUid,
    resolveObject: (ref: string) => resolveObject(refs, ref),
    resolveField: (ref: string, o: ObjectTarget) => resolveField(refs, ref, o),
  };
  for (const r of pack.roles ?? []) {
    entities.push({
      file: `roles/${r.source.file.replace(/^.*\//, '').replace(/\.role\.ya?ml$/, '')}.role.ts`,
      define: 'defineRole',
      config: roleConfig(r, roleContext),
    });
  }

  return { applicationUniversalIdentifier: appUid, entities, catalogs: texts.catalogs(), collisions: texts.collisions() };
}

function fieldConfig(
  f: FieldDef,
  refs: RefIndex,
  texts: AppTexts,
  derive: (...p: string[]) => string,
  fieldUid: (t: FieldTarget) => string,
): Record<string, unknown> {
  const config: Record<string, unknown> = compact({
    universalIdentifier: f.universalIdentifier,
    type: sdkEnum('FieldType', f.type),
    name: f.name,
    label: texts.source(f.label, f.translations, 'label'),
    description: f.description === undefined ? undefined : texts.source(f.description, f.translations, 'description'),
    icon: f.icon,
    isNullable: f.isNullable,
    isUnique: f.isUnique,
    defaultValue: f.defaultValue,
    options: f.options?.map((opt) =>
      compact({
        id: opt.id ?? derive('option', f.universalIdentifier, opt.value),
        value: opt.value,
        label: texts.option(opt.label, opt.translations),
        color: opt.color ?? undefined,
        position: opt.position,
      }),
    ),
  });
  if (f.type === 'RELATION' || f.type === 'MORPH_RELATION') {
    const targetObject = resolveObject(refs, f.relationTargetObjectMetadataUniversalIdentifier ?? '');
    const targetField = resolveField(refs, f.relationTargetFieldMetadataUniversalIdentifier ?? '', targetObject);
    config.relationTargetObjectMetadataUniversalIdentifier = targetObject.universalIdentifier;
    config.relationTargetFieldMetadataUniversalIdentifier = fieldUid(targetField);
  }
  if (f.universalSettings) {
    config.universalSettings = Object.fromEntries(
      Object.entries(f.universalSettings).map(([k, v]) => [
        k,
        typeof v === 'string' && SETTINGS_ENUMS[k] ? sdkEnum(SETTINGS_ENUMS[k], v) : v,
      ]),
    );
  }
  return config;
}

function viewEntity(
  v: ViewDef,
  refs: RefIndex,
  texts: AppTexts,
  derive: (...p: string[]) => string,
  fieldUid: (t: FieldTarget) => string,
): AppEntity {
  const object = resolveObject(refs, v.objectUniversalIdentifier);
  const field = (ref: string): FieldTarget => resolveField(refs, ref, object);
  const groupBy = v.mainGroupByFieldMetadataUniversalIdentifier ? field(v.mainGroupByFieldMetadataUniversalIdentifier) : undefined;
  const groups = [...(groupBy?.options ?? [])].map((o, i) => ({
    universalIdentifier: derive('viewGroup', v.universalIdentifier, o.value),
    fieldValue: o.value,
    position: i,
    isVisible: true,
  }));
  return {
    file: `views/${kebab(object.nameSingular)}-${v.universalIdentifier.slice(0, 8)}.view.ts`,
    define: 'defineView',
    config: compact({
      universalIdentifier: v.universalIdentifier,
      name: texts.source(v.name, v.translations, 'name'),
      objectUniversalIdentifier: object.universalIdentifier,
      type: sdkEnum('ViewType', v.type),
      icon: v.icon ?? (v.type === 'KANBAN' ? 'IconLayoutKanban' : 'IconList'),
      position: v.position ?? 0,
      mainGroupByFieldMetadataUniversalIdentifier: groupBy ? fieldUid(groupBy) : undefined,
      kanbanAggregateOperation: v.kanbanAggregateOperation ? sdkEnum('AggregateOperations', v.kanbanAggregateOperation) : undefined,
      fields: v.fields.map((vf) => {
        const target = field(vf.fieldMetadataUniversalIdentifier);
        return compact({
          universalIdentifier: vf.universalIdentifier ?? derive('viewField', v.universalIdentifier, target.name),
          fieldMetadataUniversalIdentifier: fieldUid(target),
          position: vf.position,
          isVisible: vf.isVisible ?? true,
          size: vf.size,
        });
      }),
      sorts: v.sorts?.map((s) => {
        const target = field(s.fieldMetadataUniversalIdentifier);
        return {
          universalIdentifier: s.universalIdentifier ?? derive('viewSort', v.universalIdentifier, target.name),
          fieldMetadataUniversalIdentifier: fieldUid(target),
          direction: sdkEnum('ViewSortDirection', s.direction),
        };
      }),
      filters: v.filters?.map((flt) => {
        const target = field(flt.fieldMetadataUniversalIdentifier);
        return {
          universalIdentifier: flt.universalIdentifier ?? derive('viewFilter', v.universalIdentifier, target.name),
          fieldMetadataUniversalIdentifier: fieldUid(target),
          operand: sdkEnum('ViewFilterOperand', flt.operand),
          value: flt.value,
        };
      }),
      groups: groups.length > 0 ? groups : undefined,
    }),
  };
}

/** One folder per mechanism, the pack's objects inside it in the order given. */
function navigationEntities(groups: NavigationGroup[], refs: RefIndex, texts: AppTexts, derive: (...p: string[]) => string): AppEntity[] {
  const out: AppEntity[] = [];
  groups.forEach((g, i) => {
    const folderUid = derive('navigationFolder', g.key);
    out.push({
      file: `navigation-menu-items/${String(i + 1).padStart(2, '0')}-${g.key}.navigation-menu-item.ts`,
      define: 'defineNavigationMenuItem',
      config: compact({
        universalIdentifier: folderUid,
        type: sdkEnum('NavigationMenuItemType', 'FOLDER'),
        name: texts.source(g.label, g.translations ? mapTranslations(g.translations) : undefined, 'label'),
        icon: g.icon,
        position: i,
      }),
    });
    g.objects.forEach((name, j) => {
      const object = resolveObject(refs, name);
      out.push({
        file: `navigation-menu-items/${String(i + 1).padStart(2, '0')}-${g.key}-${kebab(object.nameSingular)}.navigation-menu-item.ts`,
        define: 'defineNavigationMenuItem',
        config: {
          universalIdentifier: derive('navigationItem', g.key, object.nameSingular),
          type: sdkEnum('NavigationMenuItemType', 'OBJECT'),
          position: j,
          folderUniversalIdentifier: folderUid,
          targetObjectUniversalIdentifier: object.universalIdentifier,
        },
      });
    });
  });
  return out;
}

function mapTranslations(t: Record<string, string>): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.entries(t).map(([locale, text]) => [locale, { label: text }]));
}

// The pack has passed `validate`, so every reference resolves; a miss here is a bug.
function resolveObject(refs: RefIndex, ref: string): ObjectTarget {
  const found = refs.resolveObject(ref);
  if (!found.found) throw new Error(`export: the object "${ref}" does not resolve (${found.message}); run bankpack validate`);
  return found.object;
}

function resolveField(refs: RefIndex, ref: string, object: ObjectTarget): FieldTarget {
  const found = refs.resolveField(ref, object);
  if (!found.found)
    throw new Error(`export: the field "${ref}" of ${object.nameSingular} does not resolve (${found.message}); run bankpack validate`);
  return found.field;
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** Drops undefined keys, so the generated source shows only what the pack sets. */
function compact<T extends Record<string, unknown>>(o: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
