// Diff of objects, fields and relations: pack against workspace, by name.
import { DiffBuilder, hasTranslations, sameJson } from './compare.ts';
import type { Change } from './plan.ts';
import type { ActualField, ActualObject, ActualState, DesiredField, DesiredObject, DesiredState, OptionState } from './state.ts';

export interface MetadataDiff {
  changes: Change[];
  unchanged: Record<string, number>;
}

export function diffMetadata(desired: DesiredState, actual: ActualState, prune: boolean): MetadataDiff {
  const changes: Change[] = [];
  const unchanged: Record<string, number> = {};
  const same = (object: string): void => {
    unchanged[object] = (unchanged[object] ?? 0) + 1;
  };
  const byName = new Map(actual.objects.map((o) => [o.nameSingular, o]));
  const creating = new Set<string>();

  for (const o of desired.objects) {
    const a = byName.get(o.nameSingular);
    if (a) {
      if (a.isSystem) changes.push(nameTaken(o, a));
      else {
        const c = diffObject(o, a);
        if (c) changes.push(c);
        else same(o.nameSingular);
      }
      continue;
    }
    const clash = actual.objects.find((x) => [x.nameSingular, x.namePlural].some((n) => n === o.nameSingular || n === o.namePlural));
    if (clash) {
      changes.push(nameTaken(o, clash));
      continue;
    }
    creating.add(o.nameSingular);
    const nameField = desired.fields.find((f) => f.object === o.nameSingular && f.name === 'name');
    changes.push({
      kind: 'object',
      action: 'create',
      object: o.nameSingular,
      title: `object ${o.nameSingular} "${o.labelSingular}"`,
      diffs: [
        { property: 'labelPlural', from: null, to: o.labelPlural },
        ...(o.icon ? [{ property: 'icon', from: null, to: o.icon }] : []),
        ...Object.entries(o.translations).map(([loc, p]) => ({
          property: `labels (${loc})`,
          from: null,
          to: p.labelSingular ?? Object.values(p)[0] ?? '',
        })),
      ],
      notes: ['Twenty adds its built-in fields (name, createdAt, createdBy, …) and an "All" table view'],
      file: o.source.file,
      apply: { op: 'createObject', object: o, skipNameField: nameField !== undefined && nameField.type !== 'TEXT' },
    });
  }

  const relationSides = new Set<string>();
  for (const f of desired.fields) {
    if (f.relation) continue;
    const objectActual = byName.get(f.object);
    const a = objectActual?.fields.find((x) => x.name === f.name);
    if (creating.has(f.object) || !objectActual) {
      if (!creating.has(f.object)) {
        changes.push(missingObject(f));
        continue;
      }
      changes.push(createFieldChange(f, f.name === 'name' && f.type === 'TEXT'));
      continue;
    }
    if (!a) changes.push(createFieldChange(f, false));
    else {
      const c = diffField(f, a, prune);
      if (c) changes.push(c);
      else same(f.object);
    }
  }

  for (const f of desired.fields) {
    if (!f.relation) continue;
    const key = [`${f.object}.${f.name}`, `${f.relation.targetObject}.${f.relation.targetField}`].sort().join('|');
    if (relationSides.has(key)) continue;
    relationSides.add(key);
    const inverse = desired.fields.find((x) => x.object === f.relation?.targetObject && x.name === f.relation.targetField);
    changes.push(...diffRelation(f, inverse, actual, creating, same));
  }
  return { changes, unchanged };
}

function nameTaken(o: DesiredObject, other: ActualObject): Change {
  return {
    kind: 'object',
    action: 'conflict',
    object: o.nameSingular,
    title: `object ${o.nameSingular}`,
    reason: `the name is taken by the workspace's ${other.isSystem ? 'system ' : ''}object ${other.nameSingular} (${other.namePlural}); Twenty names must be unique across all objects, active or not`,
    options: [
      `rename the object in ${o.source.file} (nameSingular / namePlural)`,
      ...(other.isSystem ? [] : [`or delete ${other.nameSingular} in Twenty (Settings → Data model) if it is not needed`]),
    ],
    file: o.source.file,
  };
}

function missingObject(f: DesiredField): Change {
  return {
    kind: 'field',
    action: 'conflict',
    object: f.object,
    title: `field ${f.object}.${f.name}`,
    reason: `the workspace has no object ${f.object}`,
    options: ['check the object reference in the pack', 'or deploy to a workspace that has it'],
    file: f.source.file,
  };
}

function diffObject(o: DesiredObject, a: ActualObject): Change | undefined {
  const b = new DiffBuilder()
    .prop('labelSingular', a.labelSingular, o.labelSingular)
    .prop('labelPlural', a.labelPlural, o.labelPlural)
    .prop('description', a.description, o.description)
    .prop('icon', a.icon, o.icon ?? undefined)
    .prop('isSearchable', a.isSearchable, o.isSearchable)
    .prop('active', a.isActive, true, 'isActive');
  let labelIdentifierFieldName: string | undefined;
  if (o.labelIdentifierFieldName) {
    const current = a.fields.find((f) => f.id === a.labelIdentifierFieldMetadataId)?.name ?? null;
    if (current !== o.labelIdentifierFieldName) {
      b.diffs.push({ property: 'record title field', from: current, to: o.labelIdentifierFieldName });
      labelIdentifierFieldName = o.labelIdentifierFieldName;
    }
  }
  b.translations(a.translations, o.translations);
  if (!b.changed) return undefined;
  return {
    kind: 'object',
    action: 'update',
    object: o.nameSingular,
    title: `object ${o.nameSingular} "${o.labelSingular}"`,
    diffs: b.diffs,
    file: o.source.file,
    apply: {
      op: 'updateObject',
      objectName: o.nameSingular,
      id: a.id,
      update: b.update,
      ...(labelIdentifierFieldName ? { labelIdentifierFieldName } : {}),
    },
  };
}

function createFieldChange(f: DesiredField, builtIn: boolean): Change {
  const diffs = [
    { property: 'label', from: null, to: f.label },
    ...(f.options ? [{ property: 'options', from: null, to: f.options.map((o) => o.value).join(', ') }] : []),
    ...(f.defaultValue !== undefined ? [{ property: 'defaultValue', from: null, to: f.defaultValue }] : []),
    ...Object.entries(f.translations).map(([loc, p]) => ({ property: `label (${loc})`, from: null, to: p.label ?? '' })),
  ];
  if (builtIn) {
    return {
      kind: 'field',
      action: 'create',
      object: f.object,
      title: `field ${f.name} (${f.type})`,
      diffs,
      notes: ["Twenty's built-in name field, set up with the pack's label"],
      file: f.source.file,
      apply: { op: 'updateField', objectName: f.object, fieldName: f.name, update: fieldCreateUpdate(f), ddl: false },
    };
  }
  return {
    kind: 'field',
    action: 'create',
    object: f.object,
    title: `field ${f.name} (${f.type})`,
    diffs,
    file: f.source.file,
    apply: { op: 'createField', field: f },
  };
}

/** What to set on a built-in field so that it matches the pack. */
function fieldCreateUpdate(f: DesiredField): Record<string, unknown> {
  return {
    label: f.label,
    ...(f.description !== undefined ? { description: f.description } : {}),
    ...(f.icon ? { icon: f.icon } : {}),
    ...(hasTranslations(f.translations)
      ? {
          translations: Object.entries(f.translations).flatMap(([locale, p]) =>
            Object.entries(p).map(([property, value]) => ({ locale, property, value })),
          ),
        }
      : {}),
  };
}

function typeConflict(f: DesiredField, a: ActualField): Change {
  return {
    kind: 'field',
    action: 'conflict',
    object: f.object,
    title: `field ${f.object}.${f.name}`,
    reason: `the workspace has it as ${a.type}, the pack says ${f.type}; Twenty cannot change a field's type`,
    options: [
      `give the pack's field another name in ${f.source.file} (a new field; move the data over, then remove the old one with --prune)`,
      `or change the pack back to ${a.type}`,
    ],
    file: f.source.file,
  };
}

export function diffField(f: DesiredField, a: ActualField, prune: boolean): Change | undefined {
  if (a.type !== f.type) return typeConflict(f, a);
  const b = new DiffBuilder()
    .prop('label', a.label, f.label)
    .prop('description', a.description, f.description)
    .prop('icon', a.icon, f.icon ?? undefined)
    .prop('active', a.isActive, true, 'isActive')
    .prop('isNullable', a.isNullable, f.isNullable)
    .prop('isUnique', a.isUnique, f.isUnique)
    .prop('defaultValue', a.defaultValue, f.defaultValue);
  const notes: string[] = [];
  if (f.settings && !f.relation) {
    const merged = { ...(a.settings ?? {}), ...f.settings };
    if (!sameJson(merged, a.settings ?? {})) b.prop('settings', a.settings, merged);
  }
  if (f.options) {
    const { options, kept } = mergeOptions(f.options, a.options ?? [], prune);
    if (!sameOptions(options, a.options ?? [])) {
      b.diffs.push({ property: 'options', from: describeOptions(a.options ?? []), to: describeOptions(options) });
      b.update.options = options;
    }
    if (kept.length > 0) notes.push(`keeps option${kept.length > 1 ? 's' : ''} ${kept.join(', ')} (not in pack; --prune removes)`);
  }
  b.translations(a.translations, f.translations);
  if (!b.changed) return undefined;
  const ddlKeys = ['options', 'defaultValue', 'isNullable', 'isUnique', 'settings', 'isActive', 'name'];
  return {
    kind: 'field',
    action: 'update',
    object: f.object,
    title: `field ${f.name} (${f.type})`,
    diffs: b.diffs,
    ...(notes.length > 0 ? { notes } : {}),
    file: f.source.file,
    apply: {
      op: 'updateField',
      objectName: f.object,
      fieldName: f.name,
      id: a.id,
      update: b.update,
      ddl: ddlKeys.some((k) => k in b.update),
    },
  };
}

/**
 * The options to send: the pack's, carrying the ids the workspace already has (so stored values survive a
 * relabel or reorder; Twenty requires every option on update to carry its UUID), then, without --prune,
 * the workspace's extra options after them.
 */
export function mergeOptions(
  desired: readonly OptionState[],
  actual: readonly OptionState[],
  prune: boolean,
): { options: OptionState[]; kept: string[] } {
  const byValue = new Map(actual.map((o) => [o.value, o]));
  const options: OptionState[] = [...desired]
    .sort((x, y) => x.position - y.position)
    .map((o) => {
      const id = byValue.get(o.value)?.id ?? o.id;
      return id ? { ...o, id } : { ...o };
    });
  const wanted = new Set(desired.map((o) => o.value));
  const extra = prune ? [] : actual.filter((o) => !wanted.has(o.value));
  const top = options.reduce((m, o) => Math.max(m, o.position), -1);
  extra.forEach((o, i) => options.push({ ...o, position: top + 1 + i }));
  return { options, kept: extra.map((o) => o.value) };
}

function sameOptions(a: readonly OptionState[], b: readonly OptionState[]): boolean {
  if (a.length !== b.length) return false;
  const key = (o: OptionState): string => JSON.stringify([o.value, o.label, o.color, o.position]);
  const sb = new Set(b.map(key));
  return a.every((o) => sb.has(key(o)));
}

function describeOptions(options: readonly OptionState[]): string {
  return [...options]
    .sort((x, y) => x.position - y.position)
    .map((o) => `${o.value} "${o.label}" ${o.color}`)
    .join(', ');
}

/** A relation is one Twenty call for both sides; afterwards each side is diffed like a field. */
function diffRelation(
  f: DesiredField,
  inverse: DesiredField | undefined,
  actual: ActualState,
  creating: ReadonlySet<string>,
  same: (object: string) => void,
): Change[] {
  const rel = f.relation!;
  const find = (object: string, name: string): ActualField | undefined =>
    actual.objects.find((o) => o.nameSingular === object)?.fields.find((x) => x.name === name);
  const here = find(f.object, f.name);
  const there = find(rel.targetObject, rel.targetField);
  // Named from the MANY_TO_ONE side, the one Twenty's call is made on.
  const [from, to] = rel.type === 'MANY_TO_ONE' || !inverse ? [f, inverse] : [inverse, f];
  const title = `relation ${from.object}.${from.name} ↔ ${to?.object ?? rel.targetObject}.${to?.name ?? rel.targetField}`;

  if (!here && !there) {
    for (const side of [f.object, rel.targetObject]) {
      if (!creating.has(side) && !actual.objects.some((o) => o.nameSingular === side)) return [missingObject({ ...f, object: side })];
    }
    // Create from the MANY_TO_ONE side: it owns the join column (`${name}Id`).
    const source = rel.type === 'MANY_TO_ONE' || !inverse ? f : inverse;
    const other = source === f ? inverse : f;
    return [
      {
        kind: 'relation',
        action: 'create',
        object: source.object,
        title,
        diffs: [
          {
            property: 'type',
            from: null,
            to: `${source.relation?.type ?? rel.type} ${source.object} → ${source.relation?.targetObject ?? rel.targetObject}`,
          },
          { property: 'label', from: null, to: source.label },
          { property: 'inverse label', from: null, to: other?.label ?? '' },
        ],
        notes: [
          `one call creates both fields; the join column is ${source.relation?.type === 'MANY_TO_ONE' ? `${source.name}Id on ${source.object}` : `on ${source.relation?.targetObject}`}`,
        ],
        file: f.source.file,
        apply: { op: 'createRelation', source, ...(other ? { inverse: other } : {}) },
      },
    ];
  }

  const out: Change[] = [];
  const sides: Array<{ d: DesiredField | undefined; a: ActualField | undefined; partner: ActualField | undefined }> = [
    { d: f, a: here, partner: there },
    { d: inverse, a: there, partner: here },
  ];
  for (const { d, a, partner } of sides) {
    if (!d) continue;
    if (a && (a.type !== 'RELATION' || !a.relation || a.relation.targetObjectName !== d.relation?.targetObject)) {
      out.push({
        kind: 'field',
        action: 'conflict',
        object: d.object,
        title: `field ${d.object}.${d.name}`,
        reason:
          a.type !== 'RELATION'
            ? `the workspace has it as ${a.type}, the pack says RELATION; Twenty cannot change a field's type`
            : `the workspace's relation points at ${a.relation?.targetObjectName}, the pack's at ${d.relation?.targetObject}`,
        options: [
          `rename the field in ${d.source.file}`,
          'or remove the workspace field first (bankpack deploy --prune, once the pack no longer defines it)',
        ],
        file: d.source.file,
      });
      continue;
    }
    // One side exists, the other is missing by name: an older server named the inverse from its label.
    const actualSide = a ?? (partner?.relation ? find(partner.relation.targetObjectName, partner.relation.targetFieldName) : undefined);
    if (!actualSide) continue;
    const c = diffField(d, actualSide, false);
    if (!a) {
      const rename = { property: 'name', from: actualSide.name, to: d.name };
      if (c && c.apply?.op === 'updateField') {
        c.diffs = [rename, ...(c.diffs ?? [])];
        c.apply.update.name = d.name;
        c.apply.ddl = true;
        out.push(c);
      } else {
        out.push({
          kind: 'field',
          action: 'update',
          object: d.object,
          title: `field ${d.name} (RELATION)`,
          diffs: [rename],
          file: d.source.file,
          apply: {
            op: 'updateField',
            objectName: d.object,
            fieldName: actualSide.name,
            id: actualSide.id,
            update: { name: d.name },
            ddl: true,
          },
        });
      }
    } else if (c) out.push(c);
    else same(d.object);
  }
  return out;
}
