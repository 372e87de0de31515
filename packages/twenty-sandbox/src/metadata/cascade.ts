// What a metadata change does to the rows that hang off it: view parts that
// point at a deleted field, record columns of a deleted field, and stored SELECT
// values when options are relabelled or removed (Twenty migrates the enum:
// an option that keeps its id keeps its records, a removed option's values
// become null — workspace-migration runner, enum column alteration).
import type { FieldMeta, FieldOption, ViewChildKind } from '../state/types.ts';
import type { Workspace } from '../state/workspace.ts';

const FIELD_REFERENCES: ReadonlyArray<[ViewChildKind, string]> = [
  ['viewField', 'fieldMetadataId'],
  ['viewSort', 'fieldMetadataId'],
  ['viewFilter', 'fieldMetadataId'],
];

export function onFieldDeleted(ws: Workspace, field: FieldMeta): void {
  for (const [kind, column] of FIELD_REFERENCES) {
    for (const [id, row] of ws.viewChildren[kind]) if (row[column] === field.id) ws.viewChildren[kind].delete(id);
  }
  for (const view of ws.views.values()) {
    if (view.mainGroupByFieldMetadataId === field.id) {
      view.mainGroupByFieldMetadataId = null;
      for (const [id, g] of ws.viewChildren.viewGroup) if (g.viewId === view.id) ws.viewChildren.viewGroup.delete(id);
    }
    if (view.kanbanAggregateOperationFieldMetadataId === field.id) view.kanbanAggregateOperationFieldMetadataId = null;
  }
  const join = field.settings?.joinColumnName;
  const table = ws.table(field.objectMetadataId);
  for (const row of table.rows()) {
    delete row[field.name];
    if (typeof join === 'string') delete row[join];
  }
  table.touchedAll();
}

export function onOptionsChanged(ws: Workspace, field: FieldMeta, before: FieldOption[]): void {
  const after = new Map((field.options ?? []).map((o) => [o.id, o.value]));
  const renamed = new Map<string, string | null>();
  for (const o of before) {
    const now = after.get(o.id);
    if (now === undefined) renamed.set(o.value, null);
    else if (now !== o.value) renamed.set(o.value, now);
  }
  if (renamed.size === 0) return;
  const table = ws.table(field.objectMetadataId);
  for (const row of table.rows()) {
    const value = row[field.name];
    if (field.type === 'MULTI_SELECT' && Array.isArray(value)) {
      row[field.name] = value.map((v) => (renamed.has(String(v)) ? renamed.get(String(v)) : v)).filter((v) => v !== null);
    } else if (typeof value === 'string' && renamed.has(value)) {
      row[field.name] = renamed.get(value) ?? null;
    }
  }
  table.touchedAll();
}
