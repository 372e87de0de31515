// Object structure: a standalone field's object resolves; the label identifier is a field of
// the same object, of a type Twenty can show as a record's name; no unique RELATION, MORPH_RELATION
// or FILES field.
//   labelIdentifier: packages/twenty-server/src/engine/metadata-modules/flat-object-metadata/
//     validators/utils/validate-flat-object-metadata-identifiers.util.ts @5082be3 ("Field cannot be
//     used as label identifier"); LABEL_IDENTIFIER_FIELD_METADATA_TYPES = TEXT, FULL_NAME, UUID in
//     packages/twenty-shared/src/constants/LabelIdentifierFieldMetadataTypes.ts @41d2425, UUID being
//     refused outside system builds by newer servers, so a pack may use TEXT or FULL_NAME.
//   isUnique: twenty-sdk 2.43.0 define/fields/validate-fields.ts ("… cannot be unique").
//   objectUniversalIdentifier required and resolvable: twenty-sdk define/fields/define-field.ts.
import type { ObjectDef } from '../model.ts';
import type { PendingProblem } from '../problems.ts';
import { refOf } from '../refs.ts';
import { fieldLabel, packFields, problemAt, unresolved, type RuleContext, type RuleFamily } from './context.ts';

const LABEL_IDENTIFIER_TYPES = new Set(['TEXT', 'FULL_NAME']);
const NEVER_UNIQUE = new Set(['RELATION', 'MORPH_RELATION', 'FILES']);
const LABEL_IDENTIFIER = 'labelIdentifierFieldMetadataUniversalIdentifier';

function labelIdentifier(ctx: RuleContext, def: ObjectDef): PendingProblem[] {
  const ref = def[LABEL_IDENTIFIER];
  if (ref === undefined) return [];
  const object = ctx.refs.objects.find((o) => o.origin === 'pack' && o.def === def);
  if (!object) return [];
  const found = ctx.refs.resolveField(ref, object);
  if (!found.found) return [unresolved(def.source, [LABEL_IDENTIFIER], 'label-identifier', found, 'the label identifier does not resolve')];
  if (found.object !== object) {
    return [
      problemAt(
        def.source,
        [LABEL_IDENTIFIER],
        'label-identifier',
        `the label identifier ${refOf(found.field)} is a field of another object`,
        {
          hint: `name a TEXT or FULL_NAME field of ${def.nameSingular}`,
        },
      ),
    ];
  }
  const type = found.field.type;
  if (type !== undefined && !LABEL_IDENTIFIER_TYPES.has(type)) {
    const candidates = ctx.refs
      .fieldsOf(object)
      .filter((f) => f.type !== undefined && LABEL_IDENTIFIER_TYPES.has(f.type))
      .map((f) => f.name);
    return [
      problemAt(
        def.source,
        [LABEL_IDENTIFIER],
        'label-identifier',
        `the label identifier ${refOf(found.field)} is a ${type} field; Twenty shows only a TEXT or FULL_NAME field as a record's name`,
        {
          hint: candidates.length > 0 ? `use one of: ${candidates.join(', ')}` : 'add a TEXT field (usually "name") and point at it',
        },
      ),
    ];
  }
  return [];
}

function fieldOwners(ctx: RuleContext): PendingProblem[] {
  const out: PendingProblem[] = [];
  for (const def of ctx.pack.fields) {
    const ref = def.objectUniversalIdentifier;
    if (ref === undefined) continue;
    const owner = ctx.refs.resolveObject(ref);
    if (!owner.found)
      out.push(
        unresolved(def.source, ['objectUniversalIdentifier'], 'field-object', owner, `field "${def.name}" is added to an unknown object`),
      );
  }
  return out;
}

function uniqueFlags(ctx: RuleContext): PendingProblem[] {
  return packFields(ctx)
    .filter(({ def }) => def.isUnique === true && NEVER_UNIQUE.has(def.type))
    .map(({ def, target }) =>
      problemAt(
        def.source,
        ['isUnique'],
        'unique-not-allowed',
        `${fieldLabel(def, target)} is a ${def.type} field, which cannot be unique`,
        { hint: 'remove isUnique' },
      ),
    );
}

export const objectsFamily: RuleFamily = {
  name: 'objects',
  check: (ctx) => [...ctx.pack.objects.flatMap((o) => labelIdentifier(ctx, o)), ...fieldOwners(ctx), ...uniqueFlags(ctx)],
};
