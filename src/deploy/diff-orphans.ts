// "Not in pack": custom objects, fields and views that this workspace's custom
// application holds (where objects and fields created through /metadata land,
// schema-apply.service.ts) but the pack no longer defines. Listed always; turned
// into removals only with --prune.
import { SYSTEM_FIELD_NAMES as BUILT_IN_FIELDS } from '../pack/index.ts';
import type { Change } from './plan.ts';
import type { ActualObject, ActualState, DesiredState } from './state.ts';

/**
 * The application that owns what was created through the API: the one owning
 * the pack's objects or fields already in the workspace. Undefined on a fresh workspace.
 */
export function customApplicationId(desired: DesiredState, actual: ActualState): string | undefined {
  const counts = new Map<string, number>();
  const bump = (id: string | null): void => {
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  };
  for (const o of desired.objects)
    bump(actual.objects.find((a) => a.nameSingular === o.nameSingular && !a.isSystem)?.applicationId ?? null);
  for (const f of desired.fields) {
    bump(
      actual.objects.find((a) => a.nameSingular === f.object)?.fields.find((x) => x.name === f.name && !x.isSystem)?.applicationId ?? null,
    );
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function diffOrphans(desired: DesiredState, actual: ActualState, prune: boolean): Change[] {
  const app = customApplicationId(desired, actual);
  if (!app) return [];
  const changes: Change[] = [];
  const packObjects = new Set(desired.objects.map((o) => o.nameSingular));
  const fieldObjects = new Set(desired.fields.map((f) => f.object));
  const packFields = new Set(desired.fields.map((f) => `${f.object}.${f.name}`));
  const orphanObjects = new Set<string>();
  const customObjects = new Set(actual.objects.filter((o) => !o.isSystem && o.applicationId === app).map((o) => o.nameSingular));

  for (const o of actual.objects) {
    if (o.isSystem || o.applicationId !== app || packObjects.has(o.nameSingular)) continue;
    orphanObjects.add(o.id);
    changes.push({
      kind: 'object',
      action: 'not-in-pack',
      object: o.nameSingular,
      title: `object ${o.nameSingular} "${o.labelSingular}"${o.isActive ? '' : ' (inactive)'}`,
      notes: [
        prune
          ? 'will be deactivated, then deleted with its records'
          : 'created in this workspace, not defined by the pack: `bankpack pull` brings it in, --prune removes it',
      ],
      ...(prune
        ? { apply: { op: 'removeObject' as const, id: o.id, objectName: o.nameSingular, namePlural: o.namePlural, isActive: o.isActive } }
        : {}),
    });
  }

  for (const o of actual.objects) {
    if (orphanObjects.has(o.id) || !(packObjects.has(o.nameSingular) || fieldObjects.has(o.nameSingular))) continue;
    const isPackObject = packObjects.has(o.nameSingular);
    for (const f of o.fields) {
      // A relation to a custom object is custom too, whatever application the server filed it under.
      const custom = f.applicationId === app || (f.relation !== undefined && customObjects.has(f.relation.targetObjectName));
      if (f.isSystem || !custom || packFields.has(`${o.nameSingular}.${f.name}`)) continue;
      if (isPackObject && BUILT_IN_FIELDS.has(f.name)) continue;
      // The other side of a relation to an object reported above goes with it.
      if (f.relation && orphanObjects.has(f.relation.targetObjectId)) continue;
      if (f.relation && isInverseOfPackField(f.relation.targetObjectName, f.relation.targetFieldName, packFields)) continue;
      changes.push({
        kind: 'field',
        action: 'not-in-pack',
        object: o.nameSingular,
        title: `field ${f.name} (${f.type})${f.isActive ? '' : ' (inactive)'}`,
        notes: [prune ? 'will be deactivated, then deleted with its values' : 'not defined by the pack: --prune removes it'],
        ...(prune
          ? {
              apply: {
                op: 'removeField' as const,
                id: f.id,
                objectName: o.nameSingular,
                namePlural: o.namePlural,
                fieldName: f.name,
                type: f.type,
                isActive: f.isActive,
              },
            }
          : {}),
      });
    }
  }

  const packViews = new Set(desired.views.flatMap((v) => [v.id, v.universalIdentifier.toLowerCase()]));
  for (const v of actual.views) {
    const object = actual.objects.find((o: ActualObject) => o.id === v.objectMetadataId);
    if (
      !object ||
      !packObjects.has(object.nameSingular) ||
      v.key === 'INDEX' ||
      packViews.has(v.id) ||
      packViews.has(v.universalIdentifier ?? '')
    )
      continue;
    changes.push({
      kind: 'view',
      action: 'not-in-pack',
      object: object.nameSingular,
      title: `view "${v.name}" (${v.type.toLowerCase()})`,
      notes: [prune ? 'will be deleted' : 'not defined by the pack: --prune removes it'],
      ...(prune ? { apply: { op: 'removeView' as const, id: v.id, name: v.name } } : {}),
    });
  }
  return changes;
}

function isInverseOfPackField(object: string, field: string, packFields: ReadonlySet<string>): boolean {
  return packFields.has(`${object}.${field}`);
}
