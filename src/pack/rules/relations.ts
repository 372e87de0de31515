// Both sides of every relation present and pointing at each other, one MANY_TO_ONE and one
// ONE_TO_MANY, the MANY_TO_ONE side with its join column `<name>Id`, onDelete only there, and
// the inverse of a relation to a standard object being a field this pack adds to it.
//   packages/twenty-server/src/engine/metadata-modules/flat-field-metadata/validators/utils/
//     validate-morph-or-relation-flat-field-metadata.util.ts @60bcf65 (target object and field
//     exist, the target field is a relation on the target object pointing back at this field)
//     validate-morph-or-relation-flat-field-join-column-name.util.ts @44697aa (MANY_TO_ONE carries
//     a join column, ONE_TO_MANY none)
//     validate-morph-or-relation-flat-field-on-delete.util.ts @f91b558 (onDelete: MANY_TO_ONE only)
//   computeRelationFieldJoinColumnName = `${name}Id` (../shared/twenty/metadata-api.md §4.1)
//   ../shared/twenty/sdk-shape.md §5 end: never point relationTargetFieldMetadataUniversalIdentifier
//     at an existing standard field; the inverse is always a new, app-owned field.
// MORPH_RELATION pairs (several targets sharing a morphId) are not paired up here.
import type { FieldDef } from '../model.ts';
import type { PendingProblem } from '../problems.ts';
import { refOf, type FieldTarget } from '../refs.ts';
import { packFields, problemAt, unresolved, type RuleContext, type RuleFamily } from './context.ts';

const TARGET_OBJECT = 'relationTargetObjectMetadataUniversalIdentifier';
const TARGET_FIELD = 'relationTargetFieldMetadataUniversalIdentifier';

function settingsProblems(def: FieldDef, field: FieldTarget): PendingProblem[] {
  const out: PendingProblem[] = [];
  const settings = def.universalSettings ?? {};
  const type = field.relation?.relationType;
  if (type === 'MANY_TO_ONE') {
    const expected = `${def.name}Id`;
    if (typeof settings.joinColumnName === 'string' && settings.joinColumnName !== expected) {
      out.push(
        problemAt(
          def.source,
          ['universalSettings', 'joinColumnName'],
          'relation-join-column',
          `joinColumnName "${settings.joinColumnName}" does not match the field: Twenty names the join column "${expected}"`,
          {
            hint: `write joinColumnName: ${expected}`,
          },
        ),
      );
    }
  } else if (type === 'ONE_TO_MANY') {
    if (settings.joinColumnName !== undefined && settings.joinColumnName !== null) {
      out.push(
        problemAt(
          def.source,
          ['universalSettings', 'joinColumnName'],
          'relation-join-column',
          'a ONE_TO_MANY field has no join column: the foreign key lives on the other side',
          {
            hint: 'remove joinColumnName (it belongs on the MANY_TO_ONE side)',
          },
        ),
      );
    }
    if (settings.onDelete !== undefined) {
      out.push(
        problemAt(
          def.source,
          ['universalSettings', 'onDelete'],
          'relation-on-delete',
          'onDelete applies only to the MANY_TO_ONE side of a relation',
          {
            hint: 'move onDelete to the other side, or remove it',
          },
        ),
      );
    }
  }
  return out;
}

function pairProblems(ctx: RuleContext, def: FieldDef, field: FieldTarget, reportedPairs: Set<string>): PendingProblem[] {
  const relation = field.relation;
  if (!relation) return [];
  const targetObject = ctx.refs.resolveObject(relation.targetObject);
  if (!targetObject.found)
    return [unresolved(def.source, [TARGET_OBJECT], 'relation-target', targetObject, `${refOf(field)} points at an unknown object`)];
  const target = ctx.refs.relationTarget(field);
  if (!target.found) {
    const declare = `declare it on ${refOf(targetObject.object)}: a RELATION field whose ${TARGET_FIELD} is ${def.universalIdentifier}`;
    return [
      problemAt(def.source, [TARGET_FIELD], 'relation-inverse', `the other side of ${refOf(field)} is missing: ${target.message}`, {
        hint: target.hint?.startsWith('did you mean') ? target.hint : declare,
      }),
    ];
  }
  const inverse = target.field;
  const out: PendingProblem[] = [];
  const at = (message: string, hint: string): void => {
    out.push(problemAt(def.source, [TARGET_FIELD], 'relation-inverse', message, { hint }));
  };
  if (target.object !== targetObject.object) {
    at(
      `${refOf(inverse)} is on ${refOf(target.object)}, not on the relation's target object ${refOf(targetObject.object)}`,
      `point ${TARGET_FIELD} at a field of ${refOf(targetObject.object)}`,
    );
    return out;
  }
  if (inverse.origin !== 'pack') {
    at(
      `the other side of ${refOf(field)} is ${refOf(inverse)}, a field Twenty already has`,
      `declare a new field on ${refOf(targetObject.object)} (fields/*.field.yaml, objectUniversalIdentifier: ${refOf(targetObject.object)}) pointing back at ${refOf(field)}, and point at it`,
    );
    return out;
  }
  if (inverse.type !== 'RELATION' && inverse.type !== 'MORPH_RELATION') {
    at(
      `the other side of ${refOf(field)} is ${refOf(inverse)}, a ${inverse.type} field, not a relation`,
      `point at a RELATION field of ${refOf(targetObject.object)}`,
    );
    return out;
  }
  // An inverse whose own target does not resolve is reported from its own side.
  const back = ctx.refs.relationTarget(inverse);
  if (!back.found) return out;
  if (back.field !== field) {
    const pointsAt = refOf(back.field);
    at(
      `${refOf(inverse)} does not point back at ${refOf(field)} (it points at ${pointsAt})`,
      `in ${inverse.def.source.file}, set ${TARGET_OBJECT}: ${refOf(field.object)} and ${TARGET_FIELD}: ${def.universalIdentifier}`,
    );
    return out;
  }
  // Both sides agree: check the pair once, from whichever side comes first.
  const key = [def.universalIdentifier, inverse.def.universalIdentifier].sort().join('|');
  if (reportedPairs.has(key)) return out;
  reportedPairs.add(key);
  const mine = field.relation?.relationType;
  const theirs = inverse.relation?.relationType;
  if (mine && theirs && mine === theirs) {
    out.push(
      problemAt(
        def.source,
        ['universalSettings', 'relationType'],
        'relation-type',
        `both sides of ${refOf(field)} ↔ ${refOf(inverse)} are ${mine}`,
        {
          hint: 'one side is MANY_TO_ONE (it holds the join column), the other ONE_TO_MANY',
        },
      ),
    );
  }
  return out;
}

export const relationsFamily: RuleFamily = {
  name: 'relations',
  check: (ctx) => {
    const reportedPairs = new Set<string>();
    return packFields(ctx).flatMap(({ def, target }) => {
      if (!target || def.type !== 'RELATION') return [];
      return [...settingsProblems(def, target), ...pairProblems(ctx, def, target, reportedPairs)];
    });
  },
};
