// The fields an app's sync creates: the default `name` of a new object taken over, a
// relation made with its other side through the sandbox's own relation rules, a plain field
// through createField; and the identifiers Twenty derives for the rows it adds to an app's object.
import {
  getFieldUniversalIdentifier,
  getSystemRelationFieldUniversalIdentifier,
  getSystemViewUniversalIdentifier,
} from 'twenty-sdk/define';
import { failIfAny } from '../validation-error.ts';
import { ruleError } from '../name-rules.ts';
import { createField, updateField } from '../fields.ts';
import { buildRelationPair } from '../relations.ts';
import { fieldNameErrors } from '../field-names.ts';
import type { TwentyError } from '../../server/twenty-errors.ts';
import type { Workspace } from '../../state/workspace.ts';
import { pick, str, type Ctx, type Json } from './apply-context.ts';
import type { DesiredEntity } from './entities.ts';
import { idOfUid } from './refs.ts';
import type { AppRow } from './store.ts';

/**
 * The fields and INDEX view Twenty adds to an app's object carry identifiers derived the
 * way twenty-sdk derives them (getFieldUniversalIdentifier & co., twenty-sdk 2.43 `define`),
 * so the manifest's views can name them. Which derivation the server uses for the
 * inverse legs on standard objects is unconfirmed: the relation one, from that side.
 */
export function systemIdentifiers(ws: Workspace, app: AppRow, objectId: string, objectUid: string): void {
  const applicationUniversalIdentifier = app.universalIdentifier;
  for (const f of ws.fields.values()) {
    if (f.applicationId !== app.id || f.universalIdentifier !== f.id) continue;
    const other = ws.objects.get(f.objectMetadataId === objectId ? (f.relationTargetObjectMetadataId ?? '') : f.objectMetadataId);
    if (f.objectMetadataId === objectId && f.type !== 'RELATION')
      f.universalIdentifier = getFieldUniversalIdentifier({
        applicationUniversalIdentifier,
        objectUniversalIdentifier: objectUid,
        name: f.name,
      });
    else if (f.objectMetadataId === objectId && other)
      f.universalIdentifier = getSystemRelationFieldUniversalIdentifier({
        applicationUniversalIdentifier,
        objectUniversalIdentifier: objectUid,
        relationTargetObjectUniversalIdentifier: other.universalIdentifier,
      });
    else if (f.relationTargetObjectMetadataId === objectId && other)
      f.universalIdentifier = getSystemRelationFieldUniversalIdentifier({
        applicationUniversalIdentifier,
        objectUniversalIdentifier: other.universalIdentifier,
        relationTargetObjectUniversalIdentifier: objectUid,
      });
  }
  for (const v of ws.views.values()) {
    if (v.objectMetadataId === objectId && v.key === 'INDEX')
      v.universalIdentifier = getSystemViewUniversalIdentifier({
        objectMetadataApplicationUniversalIdentifier: applicationUniversalIdentifier,
        objectUniversalIdentifier: objectUid,
        viewKey: 'INDEX',
      });
  }
}

/** A field: the default `name` of a new object taken over, a relation made with its other side, or a plain field. */
export function createAppField(ctx: Ctx, e: DesiredEntity): string | undefined {
  const { ws, app } = ctx;
  const p = e.props;
  const existing = idOfUid(ws, e.uid);
  if (ctx.done.has(e.uid)) return existing;
  const objectId = idOfUid(ws, String(p.objectUniversalIdentifier));
  const fieldEntity = { name: p.name, objectUniversalIdentifier: p.objectUniversalIdentifier };
  if (!objectId || !ws.objects.has(objectId))
    throw failIfAny('fieldMetadata', 'create', fieldEntity, [
      ruleError('OBJECT_METADATA_NOT_FOUND', 'Object metadata not found', p.objectUniversalIdentifier),
    ]) as TwentyError;
  const named = ws.fieldByName(objectId, 'name');
  if (p.name === 'name' && p.type === 'TEXT' && ctx.newObjects.has(objectId) && named) {
    // updateField stores a new row: mark that one.
    Object.assign(updateField(ws, named.id, pick(p, ['label', 'description', 'icon'])), {
      universalIdentifier: e.uid,
      applicationId: app.id,
    });
    return named.id;
  }
  if (p.type !== 'RELATION') {
    const settings = p.universalSettings;
    const f = createField(ws, {
      ...pick(p, ['name', 'label', 'type', 'description', 'icon', 'isNullable', 'isUnique', 'defaultValue', 'options']),
      ...(settings ? { settings } : {}),
      objectMetadataId: objectId,
    });
    Object.assign(f, { universalIdentifier: e.uid, applicationId: app.id });
    return f.id;
  }
  const inverse = ctx.desired.get(String(p.relationTargetFieldMetadataUniversalIdentifier));
  const targetId = idOfUid(ws, String(p.relationTargetObjectMetadataUniversalIdentifier));
  const target = targetId ? ws.objects.get(targetId) : undefined;
  if (!inverse || !target) {
    throw failIfAny('fieldMetadata', 'create', fieldEntity, [
      ruleError(
        'FIELD_METADATA_NOT_FOUND',
        'Relation field target metadata not found in both existing and about to be created field metadatas',
        p.relationTargetFieldMetadataUniversalIdentifier,
      ),
    ]) as TwentyError;
  }
  const settings = (p.universalSettings ?? {}) as Json;
  const type = settings.relationType === 'ONE_TO_MANY' ? 'ONE_TO_MANY' : 'MANY_TO_ONE';
  const sourceErrors = fieldNameErrors(ws, objectId, String(p.name), 'RELATION', type);
  const failure = failIfAny('fieldMetadata', 'create', fieldEntity, sourceErrors);
  if (failure) throw failure;
  const pair = buildRelationPair(
    ws,
    {
      object: ws.objects.get(objectId)!,
      name: String(p.name),
      label: String(p.label),
      icon: str(p.icon) ?? null,
      description: str(p.description) ?? null,
    },
    {
      type,
      targetObjectMetadataId: target.id,
      targetFieldLabel: String(inverse.props.label),
      targetFieldIcon: str(inverse.props.icon) ?? 'IconRelationOneToMany',
    },
    String(inverse.props.name),
  );
  if ('extensions' in pair) throw pair;
  Object.assign(pair.source, { universalIdentifier: e.uid, applicationId: app.id, settings: { ...pair.source.settings, ...settings } });
  Object.assign(pair.target, {
    universalIdentifier: inverse.uid,
    applicationId: app.id,
    description: str(inverse.props.description) ?? null,
    settings: { ...pair.target.settings, ...((inverse.props.universalSettings ?? {}) as Json) },
  });
  ws.fields.set(pair.source.id, pair.source);
  ws.fields.set(pair.target.id, pair.target);
  ctx.done.add(inverse.uid);
  return pair.source.id;
}
