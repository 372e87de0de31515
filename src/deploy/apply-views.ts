// Apply steps for views: the view, its columns in one createManyViewFields, kanban
// groups (Twenty creates one per option of the group-by field on newer servers,
// compute-flat-view-groups-on-view-create.util.ts @311cc70; the missing ones are
// created in one createManyViewGroups), sorts and filters (one create each: Twenty has no
// createMany for them). Every id is deterministic, so
// after a lost answer getView tells exactly what exists.
import { lostNote, type ApplyContext } from './apply-context.ts';
import { parseViews, type RawView } from './parse-actual.ts';
import {
  CREATE_VIEW,
  CREATE_VIEW_FIELDS,
  CREATE_VIEW_FILTER,
  CREATE_VIEW_GROUPS,
  CREATE_VIEW_SORT,
  createViewInput,
  GET_VIEW,
  UPDATE_VIEW,
  UPDATE_VIEW_FIELD,
  UPDATE_VIEW_FILTER,
  UPDATE_VIEW_GROUP,
  UPDATE_VIEW_SORT,
} from './mutations.ts';
import type { Op } from './plan.ts';
import { idempotentWrite, safeWrite } from './safe-write.ts';
import type { ActualView, DesiredView, DesiredViewField, DesiredViewFilter, DesiredViewGroup, DesiredViewSort } from './state.ts';

type OpOf<K extends Op['op']> = Extract<Op, { op: K }>;

async function getView(ctx: ApplyContext, id: string): Promise<ActualView | undefined> {
  const data = await ctx.client.metadata<{ getView: RawView | null }>(GET_VIEW, { id }, { operation: `read view ${id}`, kind: 'view' });
  return data.getView ? parseViews([data.getView])[0] : undefined;
}

export async function createView(ctx: ApplyContext, op: OpOf<'createView'>): Promise<void> {
  const v = op.view;
  const objectId = ctx.live.objectId(v.object);
  const groupBy = v.mainGroupByField ? ctx.live.fieldId(v.object, v.mainGroupByField) : undefined;
  const what = `create view "${v.name}"`;
  const view = await safeWrite<ActualView>({
    write: async () => {
      const data = await ctx.client.metadata<{ createView: RawView }>(
        CREATE_VIEW,
        { input: createViewInput(v, objectId, groupBy) },
        { operation: what, write: true },
      );
      return parseViews([data.createView])[0]!;
    },
    verify: () => getView(ctx, v.id),
    onLost: lostNote(ctx, what),
  });
  ctx.live.putView(view);
  await completeView(ctx, v, view, v.fields, v.groups, v.sorts, v.filters);
}

export async function updateView(ctx: ApplyContext, op: OpOf<'updateView'>): Promise<void> {
  const v = op.view;
  const what = `update view "${v.name}"`;
  if (Object.keys(op.update).length > 0) {
    await idempotentWrite(
      () => ctx.client.metadata(UPDATE_VIEW, { id: op.id, input: op.update }, { operation: what, write: true }),
      lostNote(ctx, what),
    );
  }
  const updates = [
    ...op.updateFields.map(
      (u) => () => ctx.client.metadata(UPDATE_VIEW_FIELD, { input: u }, { operation: `${what}: column`, write: true }),
    ),
    ...op.updateGroups.map((u) => () => ctx.client.metadata(UPDATE_VIEW_GROUP, { input: u }, { operation: `${what}: group`, write: true })),
    ...op.updateSorts.map((u) => () => ctx.client.metadata(UPDATE_VIEW_SORT, { input: u }, { operation: `${what}: sort`, write: true })),
    ...op.updateFilters.map(
      (u) => () => ctx.client.metadata(UPDATE_VIEW_FILTER, { input: u }, { operation: `${what}: filter`, write: true }),
    ),
  ];
  await runAll(
    ctx,
    updates.map((u) => () => idempotentWrite(u, lostNote(ctx, what))),
  );
  const current = ctx.live.view(op.id);
  if (!current) throw new Error(`view ${v.name} is not in the workspace`);
  await completeView(ctx, v, current, op.createFields, op.createGroups, op.createSorts, op.createFilters);
}

/** Create the columns, groups and sorts that `view` lacks. */
async function completeView(
  ctx: ApplyContext,
  v: DesiredView,
  view: ActualView,
  fields: readonly DesiredViewField[],
  groups: readonly DesiredViewGroup[],
  sorts: readonly DesiredViewSort[],
  filters: readonly DesiredViewFilter[],
): Promise<void> {
  const fieldsToCreate = fields.filter((f) => !view.fields.some((x) => x.id === f.id));
  if (fieldsToCreate.length > 0) {
    const inputs = fieldsToCreate.map((f) => ({
      id: f.id,
      viewId: view.id,
      fieldMetadataId: ctx.live.fieldId(v.object, f.field),
      position: f.position,
      isVisible: f.isVisible,
      ...(f.size !== undefined ? { size: f.size } : {}),
    }));
    await createMissing(ctx, v, `columns of view "${v.name}"`, CREATE_VIEW_FIELDS, inputs, (a) => a.fields.map((x) => x.id));
  }

  // Groups may have been made by the server with its own ids: match them by value.
  const groupsToCreate = groups.filter((g) => !view.groups.some((x) => x.fieldValue === g.fieldValue));
  if (groupsToCreate.length > 0) {
    const inputs = groupsToCreate.map((g) => ({
      id: g.id,
      viewId: view.id,
      fieldValue: g.fieldValue,
      position: g.position,
      isVisible: g.isVisible,
    }));
    await createMissing(ctx, v, `groups of view "${v.name}"`, CREATE_VIEW_GROUPS, inputs, (a) => a.groups.map((x) => x.id));
  }
  const groupUpdates = groups.flatMap((g) => {
    const a = view.groups.find((x) => x.fieldValue === g.fieldValue);
    if (!a || (a.position === g.position && a.isVisible === g.isVisible)) return [];
    return [{ id: a.id, update: { position: g.position, isVisible: g.isVisible } }];
  });
  await runAll(
    ctx,
    groupUpdates.map(
      (u) => () =>
        idempotentWrite(() =>
          ctx.client.metadata(UPDATE_VIEW_GROUP, { input: u }, { operation: `order the groups of view "${v.name}"`, write: true }),
        ),
    ),
  );

  for (const s of sorts) {
    if (view.sorts.some((x) => x.id === s.id)) continue;
    const input = { id: s.id, viewId: view.id, fieldMetadataId: ctx.live.fieldId(v.object, s.field), direction: s.direction };
    await createMissing(ctx, v, `sort of view "${v.name}"`, CREATE_VIEW_SORT, [input], (a) => a.sorts.map((x) => x.id), true);
  }
  // The value goes as JSON, as the SDK's defineView writes it; Twenty's front end turns a
  // non-string into its JSON text (convertViewFilterValueToString), the form its record filters read.
  for (const f of filters) {
    if (view.filters.some((x) => x.id === f.id)) continue;
    const input = {
      id: f.id,
      viewId: view.id,
      fieldMetadataId: ctx.live.fieldId(v.object, f.field),
      operand: f.operand,
      value: f.value,
      ...(f.subFieldName ? { subFieldName: f.subFieldName } : {}),
    };
    await createMissing(ctx, v, `filter of view "${v.name}"`, CREATE_VIEW_FILTER, [input], (a) => a.filters.map((x) => x.id), true);
  }
}

/** One batch create; after a lost answer, read the view and send only what is still missing. */
async function createMissing(
  ctx: ApplyContext,
  v: DesiredView,
  what: string,
  document: string,
  inputs: Array<Record<string, unknown> & { id: string; viewId: string }>,
  existingIds: (view: ActualView) => string[],
  single = false,
): Promise<void> {
  const viewId = inputs[0]?.viewId ?? v.id;
  let pending = inputs;
  await safeWrite<true>({
    write: async () => {
      await ctx.client.metadata(document, single ? { input: pending[0] } : { inputs: pending }, {
        operation: `create ${what}`,
        write: true,
      });
      return true;
    },
    verify: async () => {
      const current = await getView(ctx, viewId);
      const have = new Set(current ? existingIds(current) : []);
      pending = pending.filter((i) => !have.has(i.id));
      return pending.length === 0 ? true : undefined;
    },
    onLost: lostNote(ctx, `create ${what}`),
  });
}

/** Independent steps, all started at once (the client bounds the requests in flight); the first failure is rethrown. */
export async function runAll(_ctx: ApplyContext, tasks: ReadonlyArray<() => Promise<unknown>>): Promise<void> {
  const results = await Promise.allSettled(tasks.map((t) => t()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
