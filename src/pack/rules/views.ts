// Views: the object resolves; every column, sort and filter names a field of that object
// (bare names allowed); no field shown twice and no two columns at the same position; a
// KANBAN view groups by a SELECT field of the object, and its groups are options of it;
// filter operands fit the field's type, and a filter on a SELECT names options of it.
//   Kanban: the server's flat-view validator (packages/twenty-server/src/engine/metadata-modules/
//     flat-view/…, validateFlatViewCreation: "Kanban view must have a main group by field",
//     "Kanban main group by field must be a SELECT field"; newer servers also accept a
//     MANY_TO_ONE relation, older ones do not, so SELECT is required here).
//   Operands: ./filter-operands.ts (twenty-sdk 2.43.0 manifest check).
//   One column per field: a column's derived id is uuidv5("viewField:<view>:<field>")
//     (../shared/twenty/sdk-shape.md §1.2), so a second column for the same field collides.
import type { NodePath, ViewDef } from '../model.ts';
import type { PendingProblem } from '../problems.ts';
import { refOf, type FieldTarget, type ObjectTarget } from '../refs.ts';
import { isRecord, problemAt, unresolved, type RuleContext } from './context.ts';
import type { RuleFamily } from './context.ts';
import { filterOperandsFor } from './filter-operands.ts';
import { didYouMean } from '../did-you-mean.ts';

const FIELD_REF = 'fieldMetadataUniversalIdentifier';

/** A list the model does not type (groups…) or does (fields, sorts, filters), read as plain maps. */
function items(view: ViewDef, key: string): Array<Record<string, unknown>> {
  const value = (view as unknown as Record<string, unknown>)[key];
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function fieldOfView(
  ctx: RuleContext,
  view: ViewDef,
  object: ObjectTarget,
  ref: unknown,
  path: NodePath,
  what: string,
  out: PendingProblem[],
): FieldTarget | undefined {
  if (typeof ref !== 'string') return undefined;
  const found = ctx.refs.resolveField(ref, object);
  if (!found.found) {
    out.push(unresolved(view.source, path, 'view-field', found, `${what} "${ref}"`));
    return undefined;
  }
  if (found.object !== object) {
    out.push(
      problemAt(view.source, path, 'view-field', `${what} ${refOf(found.field)} is not a field of the view's object ${refOf(object)}`, {
        hint: `a view shows fields of its own object; write a field of ${refOf(object)}`,
      }),
    );
    return undefined;
  }
  return found.field;
}

function columns(ctx: RuleContext, view: ViewDef, object: ObjectTarget, out: PendingProblem[]): void {
  const byField = new Map<FieldTarget, number>();
  const byPosition = new Map<number, number>();
  items(view, 'fields').forEach((column, i) => {
    const field = fieldOfView(ctx, view, object, column[FIELD_REF], ['fields', i, FIELD_REF], 'column', out);
    if (field) {
      const first = byField.get(field);
      if (first !== undefined) {
        out.push(
          problemAt(
            view.source,
            ['fields', i, FIELD_REF],
            'view-duplicate-column',
            `${field.name} is already shown in column ${first + 1}`,
            { hint: 'remove one of the two columns' },
          ),
        );
      } else byField.set(field, i);
    }
    if (typeof column.position === 'number') {
      const first = byPosition.get(column.position);
      if (first !== undefined) {
        out.push(
          problemAt(
            view.source,
            ['fields', i, 'position'],
            'view-position',
            `position ${column.position} is already taken by column ${first + 1}`,
            { hint: 'give every column its own position' },
          ),
        );
      } else byPosition.set(column.position, i);
    }
  });
}

function sortsAndFilters(ctx: RuleContext, view: ViewDef, object: ObjectTarget, out: PendingProblem[]): void {
  items(view, 'sorts').forEach((sort, i) => fieldOfView(ctx, view, object, sort[FIELD_REF], ['sorts', i, FIELD_REF], 'sort field', out));
  items(view, 'filters').forEach((filter, i) => {
    const field = fieldOfView(ctx, view, object, filter[FIELD_REF], ['filters', i, FIELD_REF], 'filter field', out);
    if (!field?.type || typeof filter.operand !== 'string') return;
    const subField = typeof filter.subFieldName === 'string' ? filter.subFieldName : undefined;
    const type = field.type === 'MORPH_RELATION' ? 'RELATION' : field.type;
    const allowed = filterOperandsFor(type, subField);
    if (allowed && !allowed.includes(filter.operand)) {
      out.push(
        problemAt(
          view.source,
          ['filters', i, 'operand'],
          'view-filter-operand',
          `operand ${filter.operand} does not apply to ${field.name}, a ${field.type} field${subField ? ` (${subField})` : ''}`,
          {
            hint: `use one of: ${allowed.join(', ')}`,
          },
        ),
      );
    }
    filterValues(view, field, filter.value, ['filters', i, 'value'], out);
  });
}

/**
 * A filter on a SELECT or MULTI_SELECT field names options of it; any other value matches no
 * record, and the view silently shows nothing. Worded as the workflow check words it
 * (src/workflows/check.ts, `workflow-option`), with the same did-you-mean.
 */
function filterValues(view: ViewDef, field: FieldTarget, value: unknown, path: NodePath, out: PendingProblem[]): void {
  if ((field.type !== 'SELECT' && field.type !== 'MULTI_SELECT') || value === undefined || value === null) return;
  const options = (field.options ?? []).map((o) => o.value);
  const list = Array.isArray(value) ? value : [value];
  list.forEach((v, j) => {
    if (typeof v !== 'string' || options.includes(v)) return;
    out.push(
      problemAt(
        view.source,
        Array.isArray(value) ? [...path, j] : path,
        'view-filter-value',
        `"${v}" is not an option of ${refOf(field)}`,
        {
          hint: didYouMean(v, options) ?? `options: ${options.join(', ')}`,
        },
      ),
    );
  });
}

function kanban(ctx: RuleContext, view: ViewDef, object: ObjectTarget, out: PendingProblem[]): void {
  const ref = view.mainGroupByFieldMetadataUniversalIdentifier;
  const selects = ctx.refs
    .fieldsOf(object)
    .filter((f) => f.type === 'SELECT')
    .map((f) => f.name);
  const selectHint =
    selects.length > 0
      ? `SELECT fields of ${refOf(object)}: ${selects.join(', ')}`
      : `${refOf(object)} has no SELECT field: add one, or make the view a TABLE`;
  if (view.type === 'KANBAN' && ref === undefined) {
    out.push(
      problemAt(
        view.source,
        ['type'],
        'view-kanban',
        'a KANBAN view needs mainGroupByFieldMetadataUniversalIdentifier: the field whose options are its columns',
        { hint: selectHint },
      ),
    );
    return;
  }
  if (ref === undefined) return;
  const field = fieldOfView(ctx, view, object, ref, ['mainGroupByFieldMetadataUniversalIdentifier'], 'group-by field', out);
  if (!field) return;
  if (field.type !== 'SELECT') {
    out.push(
      problemAt(
        view.source,
        ['mainGroupByFieldMetadataUniversalIdentifier'],
        'view-kanban',
        `a kanban is grouped by a SELECT field; ${field.name} is a ${field.type ?? 'untyped'} field`,
        {
          hint: selectHint,
        },
      ),
    );
    return;
  }
  const values = (field.options ?? []).map((o) => o.value);
  items(view, 'groups').forEach((group, i) => {
    if (typeof group.fieldValue === 'string' && !values.includes(group.fieldValue)) {
      out.push(
        problemAt(
          view.source,
          ['groups', i, 'fieldValue'],
          'view-group',
          `group "${group.fieldValue}" is not an option of ${refOf(field)}`,
          { hint: `options: ${values.join(', ')}` },
        ),
      );
    }
  });
}

function otherFieldRefs(ctx: RuleContext, view: ViewDef, object: ObjectTarget, out: PendingProblem[]): void {
  const raw = view as unknown as Record<string, unknown>;
  for (const key of [
    'kanbanAggregateOperationFieldMetadataUniversalIdentifier',
    'calendarFieldMetadataUniversalIdentifier',
    'calendarEndFieldMetadataUniversalIdentifier',
  ]) {
    if (raw[key] !== undefined) fieldOfView(ctx, view, object, raw[key], [key], key.replace(/MetadataUniversalIdentifier$/, ''), out);
  }
}

function checkView(ctx: RuleContext, view: ViewDef): PendingProblem[] {
  const out: PendingProblem[] = [];
  const object = ctx.refs.resolveObject(view.objectUniversalIdentifier);
  if (!object.found)
    return [unresolved(view.source, ['objectUniversalIdentifier'], 'view-object', object, `view "${view.name}" shows an unknown object`)];
  columns(ctx, view, object.object, out);
  sortsAndFilters(ctx, view, object.object, out);
  kanban(ctx, view, object.object, out);
  otherFieldRefs(ctx, view, object.object, out);
  return out;
}

export const viewsFamily: RuleFamily = {
  name: 'views',
  check: (ctx) => ctx.pack.views.flatMap((v) => checkView(ctx, v)),
};
