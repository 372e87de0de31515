// Field names free on their object: not another field's name (the pack's own, the
// fields Twenty adds to every custom object, a standard object's fields), not the join
// column of a MANY_TO_ONE relation on the same object, not a composite sub-column.
//   packages/twenty-server/src/engine/metadata-modules/flat-field-metadata/validators/utils/
//     validate-flat-field-metadata-name-availability.util.ts @f0b21eb
//   composite sub-columns: computeCompositeColumnName(base, property) = base + Capitalised(property),
//     properties from packages/twenty-shared/src/constants/CompositeFieldTypeSubFieldsNames.ts
//   `target<Object>` legs Twenty adds on timelineActivity, attachment, noteTarget and taskTarget for
//     every custom object: src/pack/standard/custom-object-defaults.ts.
import type { PendingProblem } from '../problems.ts';
import { refOf, type FieldTarget, type ObjectTarget, type PackFieldTarget } from '../refs.ts';
import { customObjectInverseFieldName } from '../standard/index.ts';
import { problemAt, type RuleContext, type RuleFamily } from './context.ts';

export { COMPOSITE_SUB_FIELDS } from '../standard/composite-fields.ts';
import { COMPOSITE_SUB_FIELDS } from '../standard/composite-fields.ts';

/** Standard objects on which Twenty adds a `target<Object>` leg for every custom object. */
const TARGET_LEG_OBJECTS = new Set(['timelineActivity', 'attachment', 'noteTarget', 'taskTarget']);

/** The join column a MANY_TO_ONE field stores its foreign key in: its setting, else `<name>Id`. */
export function joinColumnOf(field: FieldTarget): string | undefined {
  if (field.relation?.relationType !== 'MANY_TO_ONE') return undefined;
  const declared = field.origin === 'pack' ? field.def.universalSettings?.joinColumnName : undefined;
  return typeof declared === 'string' && declared !== '' ? declared : `${field.name}Id`;
}

/** Names on `object` that are not fields but are taken all the same, with what takes them. */
function reservedColumns(fields: readonly FieldTarget[], packObjects: readonly ObjectTarget[], object: ObjectTarget): Map<string, string> {
  const taken = new Map<string, string>();
  for (const field of fields) {
    const join = joinColumnOf(field);
    if (join) taken.set(join, `the join column of relation ${field.name}`);
    for (const sub of COMPOSITE_SUB_FIELDS[field.type ?? 'TEXT'] ?? []) {
      taken.set(`${field.name}${sub.charAt(0).toUpperCase()}${sub.slice(1)}`, `a column of the ${field.type} field ${field.name}`);
    }
  }
  if (object.origin === 'standard' && TARGET_LEG_OBJECTS.has(object.nameSingular)) {
    for (const custom of packObjects) {
      const leg = customObjectInverseFieldName(custom.nameSingular);
      taken.set(leg, `the field Twenty adds for pack object ${custom.nameSingular}`);
      taken.set(`${leg}Id`, `the join column Twenty adds for pack object ${custom.nameSingular}`);
    }
  }
  return taken;
}

function describeOwner(field: FieldTarget): string {
  switch (field.origin) {
    case 'pack':
      return `another field of ${refOf(field.object)} (${field.def.source.file})`;
    case 'system':
      return `a field Twenty adds to every object`;
    case 'standard':
      return `Twenty's standard field ${refOf(field)}`;
  }
}

function checkObject(ctx: RuleContext, object: ObjectTarget, packObjects: readonly ObjectTarget[]): PendingProblem[] {
  const out: PendingProblem[] = [];
  const fields = ctx.refs.fieldsOf(object);
  const reserved = reservedColumns(fields, packObjects, object);
  const seen = new Map<string, PackFieldTarget>();
  for (const field of fields) {
    if (field.origin !== 'pack') continue;
    const earlier = seen.get(field.name);
    if (earlier) {
      out.push(
        problemAt(
          field.def.source,
          ['name'],
          'field-name-taken',
          `field name "${field.name}" is already used by ${describeOwner(earlier)}`,
          {
            hint: 'field names are unique per object: rename one of them',
          },
        ),
      );
    } else seen.set(field.name, field);
  }
  // Pack fields come first in fieldsOf, so a later non-pack field of the same name is a clash with Twenty's own.
  for (const field of fields) {
    if (field.origin === 'pack') continue;
    const clash = seen.get(field.name);
    if (clash) {
      out.push(
        problemAt(clash.def.source, ['name'], 'field-name-taken', `field name "${field.name}" is already ${describeOwner(field)}`, {
          hint:
            field.origin === 'system'
              ? 'Twenty creates it itself: pick another name'
              : 'pick another name, or use the standard field as it is',
        }),
      );
    }
  }
  for (const field of seen.values()) {
    const what = reserved.get(field.name);
    if (what) {
      out.push(
        problemAt(field.def.source, ['name'], 'field-name-taken', `field name "${field.name}" is ${what} on ${refOf(object)}`, {
          hint: 'pick another name',
        }),
      );
    }
  }
  return out;
}

export const fieldNamesFamily: RuleFamily = {
  name: 'field-names',
  check: (ctx) => {
    const packObjects = ctx.refs.objects.filter((o) => o.origin === 'pack');
    const withPackFields = ctx.refs.objects.filter((o) => o.origin === 'pack' || ctx.refs.fieldsOf(o).some((f) => f.origin === 'pack'));
    return withPackFields.flatMap((o) => checkObject(ctx, o, packObjects));
  },
};
