// What the records layer needs to know about one object: its active fields by
// kind, composite fields, and MANY_TO_ONE join columns.
import type { FieldMeta, ObjectMeta } from '../state/types.ts';
import type { Workspace } from '../state/workspace.ts';
import { COMPOSITE_TYPES } from './composite-types.ts';

export interface JoinColumn {
  field: FieldMeta;
  column: string;
  targetObjectId: string;
}

export interface RecordModel {
  object: ObjectMeta;
  /** Active fields shown in the API (TS_VECTOR and MORPH_RELATION left out). */
  fields: FieldMeta[];
  byName: Map<string, FieldMeta>;
  composite: Set<string>;
  joins: JoinColumn[];
}

export function recordModel(ws: Workspace, object: ObjectMeta): RecordModel {
  const fields = ws
    .fieldsOf(object.id)
    .filter((f) => f.isActive && f.type !== 'TS_VECTOR' && f.type !== 'MORPH_RELATION')
    .filter(
      (f) =>
        f.type !== 'RELATION' ||
        (f.relationTargetObjectMetadataId !== null && ws.objects.get(f.relationTargetObjectMetadataId)?.isActive === true),
    );
  const joins: JoinColumn[] = [];
  for (const f of fields) {
    const column = f.settings?.joinColumnName;
    if (
      f.type === 'RELATION' &&
      f.settings?.relationType === 'MANY_TO_ONE' &&
      typeof column === 'string' &&
      f.relationTargetObjectMetadataId
    ) {
      joins.push({ field: f, column, targetObjectId: f.relationTargetObjectMetadataId });
    }
  }
  return {
    object,
    fields,
    byName: new Map(fields.map((f) => [f.name, f])),
    composite: new Set(fields.filter((f) => COMPOSITE_TYPES[f.type]).map((f) => f.name)),
    joins,
  };
}
