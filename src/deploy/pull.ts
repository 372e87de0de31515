// pull: the workspace's custom objects, fields, views and roles as pack YAML, so that
// what an admin built in the UI comes under the pack. Pure: actual state in, files out;
// written in the form the desired state reads back (a pull followed by a plan
// shows no changes).
import { stringify } from 'yaml';
import { SYSTEM_FIELD_NAMES as BUILT_IN_FIELDS } from '../pack/index.ts';
import { pullRoles } from './pull-roles.ts';
import type { WorkspaceRoles } from './roles-read.ts';
import type { ActualField, ActualObject, ActualState, TranslationMap } from './state.ts';

export interface PullOptions {
  /** The application that owns API-created metadata (`currentWorkspace.workspaceCustomApplicationId`). */
  customApplicationId: string;
  defaultLocale: string;
  /** The workspace's roles (readRoles); its custom ones are pulled into roles/. */
  roles?: WorkspaceRoles;
  /** Whether pack.yaml must be written too (the folder has none). */
  manifest?: { name: string; locales: string[] };
}

export interface PulledFile {
  path: string;
  text: string;
}

const kebab = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

export function pullFiles(actual: ActualState, options: PullOptions): PulledFile[] {
  const app = options.customApplicationId;
  const files: PulledFile[] = [];
  const custom = actual.objects.filter((o) => !o.isSystem && o.applicationId === app);
  const customNames = new Set(custom.map((o) => o.nameSingular));
  const ref = (o: ActualObject | undefined, name: string): string =>
    o && customNames.has(o.nameSingular) ? o.nameSingular : `standard:${o?.nameSingular ?? name}`;
  const objectOf = (id: string): ActualObject | undefined => actual.objects.find((o) => o.id === id);

  const fieldYaml = (f: ActualField): Record<string, unknown> => {
    const out: Record<string, unknown> = {
      universalIdentifier: f.universalIdentifier ?? f.id,
      name: f.name,
      type: f.type,
      label: f.label,
      ...(f.description ? { description: f.description } : {}),
      ...(f.icon ? { icon: f.icon } : {}),
    };
    if (f.relation) {
      const target = objectOf(f.relation.targetObjectId);
      out.relationTargetObjectMetadataUniversalIdentifier = ref(target, f.relation.targetObjectName);
      out.relationTargetFieldMetadataUniversalIdentifier = `${ref(target, f.relation.targetObjectName)}.${f.relation.targetFieldName}`;
      const many = f.relation.type === 'MANY_TO_ONE';
      out.universalSettings = {
        relationType: f.relation.type,
        ...(many && typeof f.settings?.onDelete === 'string' ? { onDelete: f.settings.onDelete } : {}),
        // The join column Twenty made: `${name}Id` (computeRelationFieldJoinColumnName).
        ...(many ? { joinColumnName: typeof f.settings?.joinColumnName === 'string' ? f.settings.joinColumnName : `${f.name}Id` } : {}),
      };
    } else {
      if (!f.isNullable) out.isNullable = false;
      if (f.isUnique) out.isUnique = true;
      if (f.defaultValue !== null && f.defaultValue !== undefined) out.defaultValue = f.defaultValue;
      // RATING options are Twenty's own (generateRatingOptions): never written back.
      if (f.options && f.options.length > 0 && f.type !== 'RATING') {
        out.options = [...f.options]
          .sort((a, b) => a.position - b.position)
          .map((o) => ({ ...(o.id ? { id: o.id } : {}), value: o.value, label: o.label, color: o.color, position: o.position }));
      }
      if (f.settings && Object.keys(f.settings).length > 0) out.universalSettings = f.settings;
    }
    const t = translationsOf(f.translations, { label: f.label, description: f.description });
    if (t) out.translations = t;
    return out;
  };

  for (const o of custom) {
    const fields = o.fields.filter((f) => !f.isSystem && f.isActive && (f.name === 'name' || !BUILT_IN_FIELDS.has(f.name)));
    const labelField = o.fields.find((f) => f.id === o.labelIdentifierFieldMetadataId);
    const data: Record<string, unknown> = {
      universalIdentifier: o.universalIdentifier ?? o.id,
      nameSingular: o.nameSingular,
      namePlural: o.namePlural,
      labelSingular: o.labelSingular,
      labelPlural: o.labelPlural,
      ...(o.description ? { description: o.description } : {}),
      ...(o.icon ? { icon: o.icon } : {}),
      ...(labelField ? { labelIdentifierFieldMetadataUniversalIdentifier: labelField.name } : {}),
    };
    const t = translationsOf(o.translations, { labelSingular: o.labelSingular, labelPlural: o.labelPlural, description: o.description });
    if (t) data.translations = t;
    data.fields = fields.map((f) => fieldYaml(f));
    files.push({
      path: `objects/${kebab(o.nameSingular)}.object.yaml`,
      text: yamlFile('object', data, o.isActive ? undefined : 'inactive in the workspace'),
    });
  }

  for (const o of actual.objects) {
    if (customNames.has(o.nameSingular)) continue;
    for (const f of o.fields) {
      // Added to a standard object: owned by the custom application; a relation to a custom object is
      // one too, whatever application the server filed it under (no standard field points at one).
      const custom = f.applicationId === app || (f.relation !== undefined && customNames.has(f.relation.targetObjectName));
      if (f.isSystem || !f.isActive || !custom) continue;
      // A custom field on a standard object (the inverse side of a relation included): a file of its own.
      const data = { objectUniversalIdentifier: `standard:${o.nameSingular}`, ...fieldYaml(f) };
      files.push({ path: `fields/${kebab(o.nameSingular)}-${kebab(f.name)}.field.yaml`, text: yamlFile('field', data) });
    }
  }

  // Views of the objects pulled; each keeps its workspace id as universalIdentifier, so that deploying
  // back to this workspace matches it (diff-views.ts findView) instead of creating a second one.
  const pulledObjects = new Set([...customNames, ...files.filter((f) => f.path.startsWith('fields/')).map((f) => f.path)]);
  for (const v of actual.views) {
    const o = objectOf(v.objectMetadataId);
    if (!o || v.key === 'INDEX' || (v.type !== 'TABLE' && v.type !== 'KANBAN')) continue;
    const isCustom = customNames.has(o.nameSingular);
    if (!isCustom && ![...pulledObjects].some((p) => p.startsWith(`fields/${kebab(o.nameSingular)}-`))) continue;
    const fieldName = (id: string | null): string | undefined => (id ? o.fields.find((f) => f.id === id)?.name : undefined);
    const groupBy = fieldName(v.mainGroupByFieldMetadataId);
    const data: Record<string, unknown> = {
      universalIdentifier: v.id,
      name: v.name,
      objectUniversalIdentifier: ref(o, o.nameSingular),
      type: v.type,
      icon: v.icon,
      position: v.position,
      ...(groupBy ? { mainGroupByFieldMetadataUniversalIdentifier: groupBy } : {}),
      ...(v.kanbanAggregateOperation ? { kanbanAggregateOperation: v.kanbanAggregateOperation } : {}),
      fields: [...v.fields]
        .sort((a, b) => a.position - b.position)
        .flatMap((f) => {
          const name = fieldName(f.fieldMetadataId);
          return name
            ? [
                {
                  fieldMetadataUniversalIdentifier: name,
                  position: f.position,
                  ...(f.size !== null ? { size: f.size } : {}),
                  ...(f.isVisible ? {} : { isVisible: false }),
                },
              ]
            : [];
        }),
    };
    const sorts = v.sorts.flatMap((srt) => {
      const name = fieldName(srt.fieldMetadataId);
      return name ? [{ fieldMetadataUniversalIdentifier: name, direction: srt.direction }] : [];
    });
    if (sorts.length > 0) data.sorts = sorts;
    const filters = v.filters.flatMap((flt) => {
      const name = fieldName(flt.fieldMetadataId);
      return name
        ? [
            {
              fieldMetadataUniversalIdentifier: name,
              operand: flt.operand,
              value: flt.value,
              ...(flt.subFieldName ? { subFieldName: flt.subFieldName } : {}),
            },
          ]
        : [];
    });
    if (filters.length > 0) data.filters = filters;
    files.push({ path: `views/${kebab(o.nameSingular)}-${v.id.slice(0, 8)}.view.yaml`, text: yamlFile('view', data) });
  }

  if (options.roles) {
    for (const r of pullRoles(options.roles, actual.objects, (o) => ref(o, o.nameSingular)))
      files.push({ path: r.path, text: yamlFile('role', r.data) });
  }

  if (options.manifest) {
    const manifest = {
      name: options.manifest.name,
      version: '0.1.0',
      description: 'Pulled from a Twenty workspace by bankpack pull',
      twenty: '>=2.40.0 <2.44.0',
      defaultLocale: options.defaultLocale,
      locales: options.manifest.locales,
    };
    files.push({ path: 'pack.yaml', text: yamlFile('pack', manifest) });
  }
  return files;
}

/** Only the locales where Twenty shows something other than the label itself. */
function translationsOf(map: TranslationMap, base: Record<string, string | null>): TranslationMap | undefined {
  const out: TranslationMap = {};
  for (const [locale, props] of Object.entries(map)) {
    for (const [property, value] of Object.entries(props)) {
      if (value !== base[property]) (out[locale] ??= {})[property] = value;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function yamlFile(kind: string, data: unknown, note?: string): string {
  const schema = kind === 'pack' ? './schemas/pack.schema.json' : `../schemas/${kind}.schema.json`;
  const header = `# yaml-language-server: $schema=${schema}\n# Pulled from Twenty by \`bankpack pull\`${note ? ` (${note})` : ''}.\n`;
  return header + stringify(data, { lineWidth: 0 });
}
