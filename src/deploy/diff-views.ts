// Diff of views (by their deterministic ids), their columns, kanban groups, sorts and filters.
// A sort or filter someone added in Twenty to a pack's view is left alone: nothing is
// deleted unless asked.
import { DiffBuilder } from './compare.ts';
import type { Change, Op } from './plan.ts';
import type { ActualState, ActualView, DesiredView } from './state.ts';

export function diffViews(views: readonly DesiredView[], actual: ActualState, same: (object: string) => void): Change[] {
  const changes: Change[] = [];
  for (const v of views) {
    const a = findView(v, actual);
    if (!a) {
      changes.push({
        kind: 'view',
        action: 'create',
        object: v.object,
        title: `view "${v.name}" (${v.type.toLowerCase()})`,
        diffs: [
          {
            property: 'columns',
            from: null,
            to: [...v.fields]
              .sort((x, y) => x.position - y.position)
              .map((f) => f.field)
              .join(', '),
          },
          ...(v.mainGroupByField ? [{ property: 'grouped by', from: null, to: v.mainGroupByField }] : []),
          ...(v.sorts.length > 0
            ? [{ property: 'sorted by', from: null, to: v.sorts.map((s) => `${s.field} ${s.direction}`).join(', ') }]
            : []),
          ...(v.filters.length > 0 ? [{ property: 'filtered by', from: null, to: v.filters.map(filterText).join('; ') }] : []),
        ],
        file: v.source.file,
        apply: { op: 'createView', view: v },
      });
      continue;
    }
    const c = diffView(v, a, actual);
    if (c) changes.push(c);
    else same(v.object);
  }
  return changes;
}

/**
 * A view is the one with its derived id; or, for a view `bankpack pull` wrote, the one whose id is its
 * universalIdentifier (pull keeps the workspace's id there, so it is matched, not created twice); or
 * one the pack's Twenty app installed (`deploy --as-app`), which carries the pack's universalIdentifier.
 */
export function findView(v: DesiredView, actual: ActualState): ActualView | undefined {
  const uid = v.universalIdentifier.toLowerCase();
  return actual.views.find((x) => x.id === v.id) ?? actual.views.find((x) => x.id === uid || x.universalIdentifier === uid);
}

function diffView(v: DesiredView, a: ActualView, actual: ActualState): Change | undefined {
  const object = actual.objects.find((o) => o.nameSingular === v.object);
  const fieldId = (name: string): string | undefined => object?.fields.find((f) => f.name === name)?.id;
  const fieldName = (id: string | null): string | null => (id ? (object?.fields.find((f) => f.id === id)?.name ?? id) : null);

  const b = new DiffBuilder()
    .prop('name', a.name, v.name)
    .prop('icon', a.icon, v.icon)
    .prop('position', a.position, v.position)
    .prop('type', a.type, v.type)
    .prop('kanbanAggregateOperation', a.kanbanAggregateOperation, v.kanbanAggregateOperation);
  if (v.mainGroupByField) {
    const want = fieldId(v.mainGroupByField);
    if (want && want !== a.mainGroupByFieldMetadataId) {
      b.diffs.push({ property: 'grouped by', from: fieldName(a.mainGroupByFieldMetadataId), to: v.mainGroupByField });
      b.update.mainGroupByFieldMetadataId = want;
    }
  }

  const op: Extract<Op, { op: 'updateView' }> = {
    op: 'updateView',
    view: v,
    id: a.id,
    update: b.update,
    createFields: [],
    updateFields: [],
    createGroups: [],
    updateGroups: [],
    createSorts: [],
    updateSorts: [],
    createFilters: [],
    updateFilters: [],
  };
  const matched = new Set<string>();
  for (const vf of v.fields) {
    const fid = fieldId(vf.field);
    const af = a.fields.find((x) => x.id === vf.id) ?? (fid ? a.fields.find((x) => x.fieldMetadataId === fid) : undefined);
    if (!af) {
      op.createFields.push(vf);
      b.diffs.push({ property: `column ${vf.field}`, from: null, to: `position ${vf.position}` });
      continue;
    }
    matched.add(af.id);
    const fb = new DiffBuilder()
      .prop('position', af.position, vf.position)
      .prop('isVisible', af.isVisible, vf.isVisible)
      .prop('size', af.size, vf.size);
    if (fb.changed) {
      op.updateFields.push({ id: af.id, update: fb.update });
      for (const d of fb.diffs) b.diffs.push({ ...d, property: `column ${vf.field} ${d.property}` });
    }
  }
  // The pack owns its views' columns: a column it does not list is hidden, not deleted.
  for (const af of a.fields) {
    if (matched.has(af.id) || !af.isVisible) continue;
    op.updateFields.push({ id: af.id, update: { isVisible: false } });
    b.diffs.push({ property: `column ${fieldName(af.fieldMetadataId)}`, from: 'visible', to: 'hidden' });
  }
  for (const g of v.groups) {
    const ag = a.groups.find((x) => x.fieldValue === g.fieldValue);
    if (!ag) {
      op.createGroups.push(g);
      b.diffs.push({ property: `group ${g.fieldValue}`, from: null, to: `position ${g.position}` });
      continue;
    }
    const gb = new DiffBuilder().prop('position', ag.position, g.position).prop('isVisible', ag.isVisible, g.isVisible);
    if (gb.changed) {
      op.updateGroups.push({ id: ag.id, update: gb.update });
      for (const d of gb.diffs) b.diffs.push({ ...d, property: `group ${g.fieldValue} ${d.property}` });
    }
  }
  for (const s of v.sorts) {
    const fid = fieldId(s.field);
    const as = a.sorts.find((x) => x.id === s.id) ?? (fid ? a.sorts.find((x) => x.fieldMetadataId === fid) : undefined);
    if (!as) {
      op.createSorts.push(s);
      b.diffs.push({ property: `sort ${s.field}`, from: null, to: s.direction });
    } else if (as.direction !== s.direction) {
      op.updateSorts.push({ id: as.id, update: { direction: s.direction } });
      b.diffs.push({ property: `sort ${s.field}`, from: as.direction, to: s.direction });
    }
  }
  for (const f of v.filters) {
    const fid = fieldId(f.field);
    const af =
      a.filters.find((x) => x.id === f.id) ??
      (fid ? a.filters.find((x) => x.fieldMetadataId === fid && (x.subFieldName ?? undefined) === f.subFieldName) : undefined);
    if (!af) {
      op.createFilters.push(f);
      b.diffs.push({ property: `filter ${f.field}`, from: null, to: filterText(f) });
    } else if (af.operand !== f.operand || sameJson(af.value, f.value) === false) {
      op.updateFilters.push({ id: af.id, update: { operand: f.operand, value: f.value } });
      b.diffs.push({
        property: `filter ${f.field}`,
        from: filterText({ field: f.field, operand: af.operand, value: af.value }),
        to: filterText(f),
      });
    }
  }
  if (!b.changed) return undefined;
  return {
    kind: 'view',
    action: 'update',
    object: v.object,
    title: `view "${v.name}" (${v.type.toLowerCase()})`,
    diffs: b.diffs,
    file: v.source.file,
    apply: op,
  };
}

/** `clientTier IS PLATINUM, GOLD`: a filter in the plan's words. */
function filterText(f: { field: string; operand: string; value: unknown }): string {
  const value = Array.isArray(f.value) ? f.value.join(', ') : typeof f.value === 'string' ? f.value : JSON.stringify(f.value);
  return `${f.field} ${f.operand} ${value}`.trim();
}

/** Twenty returns a filter's JSON value as it was sent; compare by content, not by key order. */
function sameJson(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, x]) => [k, canon(x)]),
          )
        : v;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}
