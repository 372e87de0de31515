// Object and field names as Twenty accepts them, and object names unique across the
// pack and Twenty's standard objects.
//   Format, camelCase, length, reserved words: ./metadata-names.ts.
//   Singular ≠ plural (trim, lower case): validate-flat-object-metadata-name.util.ts @fbfd69b.
//   No object may take a name (singular or plural) any other object, standard ones included,
//   uses in either form: doesOtherObjectWithSameNameExists in packages/twenty-server/src/engine/
//   metadata-modules/flat-object-metadata/validators/utils/validate-flat-object-metadata-name-and-labels.util.ts @08f8b5f
//   ("Object already exists", OBJECT_ALREADY_EXISTS).
import type { ObjectDef } from '../model.ts';
import type { PendingProblem } from '../problems.ts';
import { STANDARD_OBJECTS } from '../standard/index.ts';
import { packFields, problemAt, type RuleContext, type RuleFamily } from './context.ts';
import { checkMetadataName } from './metadata-names.ts';

type NameKey = 'nameSingular' | 'namePlural';
const NAME_KEYS: readonly NameKey[] = ['nameSingular', 'namePlural'];

function objectNameFormat(object: ObjectDef): PendingProblem[] {
  const out: PendingProblem[] = [];
  for (const key of NAME_KEYS) {
    const found = checkMetadataName(key, object[key]);
    if (found)
      out.push(
        problemAt(object.source, [key], found.rule, found.message, {
          hint: found.hint,
          ...(found.severity ? { severity: found.severity } : {}),
        }),
      );
  }
  if (object.nameSingular.trim().toLowerCase() === object.namePlural.trim().toLowerCase()) {
    out.push(
      problemAt(
        object.source,
        ['namePlural'],
        'name-plural-same',
        `namePlural "${object.namePlural}" is the same as nameSingular; Twenty needs two different names`,
        {
          hint: `use the plural form, e.g. "${object.nameSingular}s"`,
        },
      ),
    );
  }
  return out;
}

const standardNames = new Map<string, string>();
for (const o of STANDARD_OBJECTS) {
  standardNames.set(o.nameSingular.toLowerCase(), o.nameSingular);
  standardNames.set(o.namePlural.toLowerCase(), o.nameSingular);
}

/** Each name of each object, against every earlier object's two names and the standard objects'. */
function objectNameClashes(objects: readonly ObjectDef[]): PendingProblem[] {
  const out: PendingProblem[] = [];
  const taken = new Map<string, ObjectDef>();
  for (const object of objects) {
    for (const key of NAME_KEYS) {
      const name = object[key];
      const standard = standardNames.get(name.toLowerCase());
      const earlier = taken.get(name);
      if (standard) {
        out.push(
          problemAt(object.source, [key], 'name-taken', `${key} "${name}" is taken by Twenty's standard object ${standard}`, {
            hint: `rename the object; to add fields to ${standard}, write fields/*.field.yaml with objectUniversalIdentifier: standard:${standard}`,
          }),
        );
      } else if (earlier) {
        out.push(
          problemAt(
            object.source,
            [key],
            'name-taken',
            `${key} "${name}" is already a name of object ${earlier.nameSingular} (${earlier.source.file})`,
            {
              hint: 'every object needs its own singular and plural names',
            },
          ),
        );
      }
    }
    // Registered after both checks so that an object's own singular and plural do not clash with each other here.
    for (const key of NAME_KEYS) if (!taken.has(object[key])) taken.set(object[key], object);
  }
  return out;
}

function fieldNameFormat(ctx: RuleContext): PendingProblem[] {
  const out: PendingProblem[] = [];
  for (const { def } of packFields(ctx)) {
    const found = checkMetadataName('field name', def.name);
    if (found)
      out.push(
        problemAt(def.source, ['name'], found.rule, found.message, {
          hint: found.hint,
          ...(found.severity ? { severity: found.severity } : {}),
        }),
      );
  }
  return out;
}

export const namesFamily: RuleFamily = {
  name: 'names',
  check: (ctx) => [...ctx.pack.objects.flatMap(objectNameFormat), ...objectNameClashes(ctx.pack.objects), ...fieldNameFormat(ctx)],
};
