// Apply steps for objects, fields and relations. Schema changes go one at a time
// (see DEFAULT_CONCURRENCY in ../twenty/client.ts); creates are verified after a
// lost answer by reading the workspace again and looking the entity up by name.
import { lostNote, type ApplyContext } from './apply-context.ts';
import { parseField, parseObjects, type RawField, type RawObjectNode } from './parse-actual.ts';
import {
  CREATE_FIELD,
  CREATE_OBJECT,
  createFieldInput,
  labelFromName,
  createObjectInput,
  createRelationInput,
  fieldFollowUp,
  objectFollowUp,
  UPDATE_FIELD,
  UPDATE_OBJECT,
  UPDATE_OBJECTS,
} from './mutations.ts';
import type { Op } from './plan.ts';
import { idempotentWrite, safeWrite } from './safe-write.ts';
import type { ActualField, ActualObject } from './state.ts';

type OpOf<K extends Op['op']> = Extract<Op, { op: K }>;

export async function createObject(ctx: ApplyContext, op: OpOf<'createObject'>): Promise<void> {
  const o = op.object;
  const what = `create object ${o.nameSingular}`;
  const created = await safeWrite<ActualObject>({
    write: async () => {
      const data = await ctx.client.metadata<{ createOneObject: RawObjectNode }>(
        CREATE_OBJECT,
        { input: { object: createObjectInput(o, op.skipNameField) } },
        { operation: what, write: true },
      );
      return parseObjects([data.createOneObject])[0]!;
    },
    verify: async () => {
      await ctx.live.refresh(ctx.client, 'objects');
      return ctx.live.object(o.nameSingular);
    },
    onLost: lostNote(ctx, what),
  });
  ctx.live.putObject(created);
  const followUp = objectFollowUp(o);
  if (followUp) ctx.followUps.objects.push({ objectName: o.nameSingular, update: followUp, title: `labels of object ${o.nameSingular}` });
}

export async function createField(ctx: ApplyContext, op: OpOf<'createField'>): Promise<void> {
  const f = op.field;
  const what = `create field ${f.object}.${f.name}`;
  const objectId = ctx.live.objectId(f.object);
  const created = await safeWrite<ActualField>({
    write: async () => {
      const data = await ctx.client.metadata<{ createOneField: RawField }>(
        CREATE_FIELD,
        { input: { field: createFieldInput(f, objectId) } },
        { operation: what, write: true },
      );
      return parseField(data.createOneField);
    },
    verify: async () => {
      await ctx.live.refresh(ctx.client, 'objects');
      return ctx.live.field(f.object, f.name);
    },
    onLost: lostNote(ctx, what),
  });
  ctx.live.putField(f.object, created);
  const followUp = fieldFollowUp(f);
  if (followUp)
    ctx.followUps.fields.push({
      objectName: f.object,
      fieldName: f.name,
      update: followUp,
      title: `labels of field ${f.object}.${f.name}`,
    });
}

export async function createRelation(ctx: ApplyContext, op: OpOf<'createRelation'>): Promise<void> {
  const { source, inverse } = op;
  const rel = source.relation!;
  const what = `create relation ${source.object}.${source.name} ↔ ${rel.targetObject}.${rel.targetField}`;
  const objectId = ctx.live.objectId(source.object);
  const target = ctx.live.object(rel.targetObject);
  if (!target) throw new Error(`object ${rel.targetObject} is not in the workspace (an earlier step did not complete)`);
  const here = ctx.live.object(source.object)!;
  const fallback =
    rel.type === 'MANY_TO_ONE'
      ? { label: here.labelPlural, icon: here.icon ?? 'IconLink', name: here.namePlural }
      : { label: here.labelSingular, icon: here.icon ?? 'IconLink', name: here.nameSingular };
  const created = await safeWrite<ActualField>({
    write: async () => {
      const input = createRelationInput(source, inverse, objectId, target.id, fallback);
      const data = await ctx.client.metadata<{ createOneField: RawField }>(
        CREATE_FIELD,
        { input: { field: input } },
        { operation: what, write: true },
      );
      return parseField(data.createOneField);
    },
    verify: async () => {
      await ctx.live.refresh(ctx.client, 'objects');
      return ctx.live.field(source.object, source.name);
    },
    onLost: lostNote(ctx, what),
  });
  ctx.live.putField(source.object, created);
  const sourceFollowUp = fieldFollowUp(source);
  if (sourceFollowUp)
    ctx.followUps.fields.push({
      objectName: source.object,
      fieldName: source.name,
      update: sourceFollowUp,
      title: `labels of field ${source.object}.${source.name}`,
    });
  // The server made the other side too; the answer names it (Field.relation.targetFieldMetadata).
  const made = created.relation;
  if (!made) return;
  const inverseField: ActualField = {
    ...created,
    id: made.targetFieldId,
    objectId: made.targetObjectId,
    name: made.targetFieldName,
    label: labelFromName(inverse?.name ?? fallback.name),
    description: null,
    options: null,
    settings: null,
    translations: {},
    relation: {
      type: rel.type === 'MANY_TO_ONE' ? 'ONE_TO_MANY' : 'MANY_TO_ONE',
      targetObjectId: objectId,
      targetObjectName: source.object,
      targetFieldId: created.id,
      targetFieldName: created.name,
    },
  };
  ctx.live.putField(made.targetObjectName, inverseField);
  if (!inverse) return;
  const update: Record<string, unknown> = { label: inverse.label, ...(fieldFollowUp(inverse) ?? {}) };
  if (inverse.description !== undefined) update.description = inverse.description;
  if (inverseField.name !== inverse.name) {
    // An older server named the inverse from its label and ignored targetFieldName: rename it.
    const renameWhat = `rename ${inverse.object}.${inverseField.name} to ${inverse.name}`;
    await idempotentWrite(
      () =>
        ctx.client.metadata(
          UPDATE_FIELD,
          { input: { id: inverseField.id, update: { name: inverse.name } } },
          { operation: renameWhat, write: true },
        ),
      lostNote(ctx, renameWhat),
    );
    ctx.live.renameField(made.targetObjectName, inverseField.id, inverse.name);
  }
  if (Object.keys(update).length > 0)
    ctx.followUps.fields.push({
      objectName: inverse.object,
      fieldName: inverse.name,
      update,
      title: `labels of field ${inverse.object}.${inverse.name}`,
    });
}

export async function updateField(ctx: ApplyContext, op: OpOf<'updateField'>): Promise<void> {
  const id = op.id ?? ctx.live.fieldId(op.objectName, op.fieldName);
  const what = `update field ${op.objectName}.${op.fieldName}`;
  await idempotentWrite(
    () => ctx.client.metadata(UPDATE_FIELD, { input: { id, update: op.update } }, { operation: what, write: true }),
    lostNote(ctx, what),
  );
  if (typeof op.update.name === 'string') ctx.live.renameField(op.objectName, id, op.update.name);
}

/** Object updates and follow-ups, in one `updateManyObjects` where the server has it. */
export async function updateObjects(ctx: ApplyContext, items: ApplyContext['followUps']['objects']): Promise<void> {
  const inputs = items.map((i) => {
    const update = { ...i.update };
    if (i.labelIdentifierFieldName) update.labelIdentifierFieldMetadataId = ctx.live.fieldId(i.objectName, i.labelIdentifierFieldName);
    return { id: ctx.live.objectId(i.objectName), update };
  });
  if (inputs.length === 0) return;
  const what = `update ${inputs.length === 1 ? `object ${items[0]!.objectName}` : `${inputs.length} objects`}`;
  if (inputs.length > 1 && ctx.caps.has('updateManyObjects')) {
    await idempotentWrite(() => ctx.client.metadata(UPDATE_OBJECTS, { inputs }, { operation: what, write: true }), lostNote(ctx, what));
    return;
  }
  for (const input of inputs) {
    await idempotentWrite(() => ctx.client.metadata(UPDATE_OBJECT, { input }, { operation: what, write: true }), lostNote(ctx, what));
  }
}
