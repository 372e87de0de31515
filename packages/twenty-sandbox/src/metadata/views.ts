// Views on /metadata (2.43.0: getViews/createView/createManyViewFields/…).
// Defaults: flat-view/utils/from-create-view-input-to-flat-view-to-create.util.ts
// (type TABLE, position 0, isCompact false, visibility WORKSPACE, id = given or
// v4, universalIdentifier = id). A KANBAN view with mainGroupByFieldMetadataId
// gets one group per option (fieldValue = value, position = index, visible) plus
// an empty-value group when the field is nullable:
// flat-view-group/utils/compute-flat-view-groups-on-view-create.util.ts @311cc70.
import { randomUUID } from 'node:crypto';
import { notFoundError, type TwentyError } from '../server/twenty-errors.ts';
import type { ViewChildKind, ViewChildRow, ViewRow } from '../state/types.ts';
import type { Workspace } from '../state/workspace.ts';
import { type RuleError, ruleError } from './name-rules.ts';
import { newView, nowIso } from './rows.ts';
import { failIfAny, type MetadataName } from './validation-error.ts';

type Input = Record<string, unknown>;
const E = 'INVALID_VIEW_DATA';

function assertNewId(ws: Workspace, kind: MetadataName, id: unknown, exists: boolean): void {
  if (exists) {
    throw failIfAny(kind, 'create', { id }, [ruleError(E, `A ${kind} with id ${String(id)} already exists`, id)]) as TwentyError;
  }
  void ws;
}

export function createView(ws: Workspace, input: Input): ViewRow {
  const id = typeof input.id === 'string' ? input.id : randomUUID();
  assertNewId(ws, 'view', id, ws.views.has(id));
  const objectId = String(input.objectMetadataId);
  const errors: RuleError[] = [];
  if (!ws.objects.has(objectId)) errors.push(ruleError(E, 'Object metadata not found', objectId));
  const groupBy = typeof input.mainGroupByFieldMetadataId === 'string' ? ws.fields.get(input.mainGroupByFieldMetadataId) : undefined;
  if (input.mainGroupByFieldMetadataId && (!groupBy || groupBy.objectMetadataId !== objectId)) {
    errors.push(ruleError(E, 'Main group by field metadata not found on the view object', input.mainGroupByFieldMetadataId));
  } else if (groupBy && groupBy.type !== 'SELECT') {
    errors.push(ruleError(E, 'Main group by field must be a SELECT field', groupBy.name));
  }
  // Stricter reading: a kanban board needs its grouping field.
  if (input.type === 'KANBAN' && !input.mainGroupByFieldMetadataId)
    errors.push(ruleError(E, 'A KANBAN view needs a mainGroupByFieldMetadataId'));
  const failure = failIfAny('view', 'create', { id, name: input.name }, errors);
  if (failure) throw failure;

  const view = newView({
    id,
    name: String(input.name),
    objectMetadataId: objectId,
    icon: String(input.icon),
    applicationId: ws.customApplicationId,
    type: typeof input.type === 'string' ? input.type : 'TABLE',
    key: typeof input.key === 'string' ? input.key : null,
    position: typeof input.position === 'number' ? input.position : 0,
    isCompact: input.isCompact === true,
    shouldHideEmptyGroups: input.shouldHideEmptyGroups === true,
    visibility: typeof input.visibility === 'string' ? input.visibility : 'WORKSPACE',
    ...pick(input, [
      'kanbanAggregateOperation',
      'kanbanAggregateOperationFieldMetadataId',
      'mainGroupByFieldMetadataId',
      'kanbanColumnWidth',
      'groupLoadLimit',
      'calendarFieldMetadataId',
      'calendarEndFieldMetadataId',
      'calendarLayout',
      'anyFieldFilterValue',
    ]),
  });
  ws.views.set(id, view);
  if (groupBy) {
    const options = [...(groupBy.options ?? [])].sort((a, b) => a.position - b.position);
    const values = [...options.map((o) => o.value), ...(groupBy.isNullable ? [''] : [])];
    values.forEach((fieldValue, position) =>
      addChild(ws, 'viewGroup', { viewId: id, fieldMetadataId: groupBy.id, fieldValue, position, isVisible: true }),
    );
  }
  return view;
}

function pick(input: Input, keys: string[]): Partial<ViewRow> {
  const out: Input = {};
  for (const k of keys) if (input[k] !== undefined) out[k] = input[k];
  return out as Partial<ViewRow>;
}

export function updateView(ws: Workspace, id: string, input: Input): ViewRow {
  const view = ws.views.get(id);
  if (!view || view.deletedAt) throw notFoundError('View not found');
  const next: ViewRow = { ...view, updatedAt: nowIso() };
  for (const [k, v] of Object.entries(input)) if (v !== undefined && k !== 'id') (next as unknown as Input)[k] = v;
  ws.views.set(id, next);
  return next;
}

export function removeView(ws: Workspace, id: string, destroy: boolean): boolean {
  const view = ws.views.get(id);
  if (!view) throw notFoundError('View not found');
  if (!destroy) {
    ws.views.set(id, { ...view, deletedAt: nowIso() });
    return true;
  }
  ws.views.delete(id);
  for (const kind of Object.values(ws.viewChildren)) for (const [cid, row] of kind) if (row.viewId === id) kind.delete(cid);
  return true;
}

const CHILD_DEFAULTS: Record<ViewChildKind, Input> = {
  viewField: { isVisible: true, size: 0, position: 0, aggregateOperation: null, viewFieldGroupId: null },
  viewGroup: { isVisible: true, position: 0, fieldMetadataId: null },
  viewSort: { direction: 'ASC', subFieldName: null },
  viewFilter: {
    operand: 'IS',
    viewFilterGroupId: null,
    positionInViewFilterGroup: null,
    subFieldName: null,
    relationTargetFieldMetadataId: null,
  },
  viewFilterGroup: { parentViewFilterGroupId: null, logicalOperator: 'AND', positionInViewFilterGroup: null },
};

function addChild(ws: Workspace, kind: ViewChildKind, input: Input): ViewChildRow {
  const at = nowIso();
  const id = typeof input.id === 'string' ? input.id : randomUUID();
  const row: ViewChildRow = {
    ...CHILD_DEFAULTS[kind],
    ...input,
    id,
    viewId: String(input.viewId),
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
  };
  ws.viewChildren[kind].set(id, row);
  return row;
}

/** Creates view fields / groups / sorts / filters, all or nothing, checking what they point at. */
export function createChildren(ws: Workspace, kind: ViewChildKind, inputs: Input[]): ViewChildRow[] {
  const errors: RuleError[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const view = ws.views.get(String(input.viewId));
    if (typeof input.id === 'string' && (ws.viewChildren[kind].has(input.id) || seen.has(input.id)))
      errors.push(ruleError(E, `A ${kind} with id ${input.id} already exists`, input.id));
    if (typeof input.id === 'string') seen.add(input.id);
    if (!view || view.deletedAt) {
      errors.push(ruleError(E, 'View not found', input.viewId));
      continue;
    }
    if (typeof input.fieldMetadataId === 'string') {
      const field = ws.fields.get(input.fieldMetadataId);
      if (!field || field.objectMetadataId !== view.objectMetadataId)
        errors.push(ruleError(E, 'Field metadata not found on the view object', input.fieldMetadataId));
      // One view field per (view, field): Twenty's unique index on viewField.
      const dup =
        kind === 'viewField' &&
        [...ws.viewChildren.viewField.values()].some(
          (r) => r.viewId === view.id && r.fieldMetadataId === input.fieldMetadataId && !r.deletedAt,
        );
      if (dup) errors.push(ruleError(E, 'A view field for this field already exists in the view', input.fieldMetadataId));
    }
  }
  const failure = failIfAny(kind, 'create', { count: inputs.length }, errors);
  if (failure) throw failure;
  return inputs.map((input) => {
    const groupField = kind === 'viewGroup' ? ws.views.get(String(input.viewId))?.mainGroupByFieldMetadataId : undefined;
    return addChild(ws, kind, groupField ? { fieldMetadataId: groupField, ...input } : input);
  });
}

export function updateChild(ws: Workspace, kind: ViewChildKind, id: string, update: Input): ViewChildRow {
  const row = ws.viewChildren[kind].get(id);
  if (!row || row.deletedAt) throw notFoundError(`${kind} not found`);
  const next: ViewChildRow = { ...row, updatedAt: nowIso() };
  for (const [k, v] of Object.entries(update)) if (v !== undefined) next[k] = v;
  ws.viewChildren[kind].set(id, next);
  return next;
}

export function removeChild(ws: Workspace, kind: ViewChildKind, id: string, destroy: boolean): ViewChildRow {
  const row = ws.viewChildren[kind].get(id);
  if (!row) throw notFoundError(`${kind} not found`);
  if (destroy) ws.viewChildren[kind].delete(id);
  else ws.viewChildren[kind].set(id, { ...row, deletedAt: nowIso() });
  return row;
}

export function childrenOf(ws: Workspace, kind: ViewChildKind, viewId: string | undefined): ViewChildRow[] {
  return [...ws.viewChildren[kind].values()]
    .filter((r) => !r.deletedAt && (viewId === undefined || r.viewId === viewId))
    .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0));
}
