// A sandbox whose workspace already has a pack's objects and fields: the pack is
// folded into the sandbox's standard catalogue, so the letter tests need no deploy.
// Records are then created through /graphql like any client would.
import { randomUUID } from 'node:crypto';
import type { Pack } from '../../src/pack/index.ts';
import type { StandardField, StandardObject } from '../../src/pack/standard/types.ts';
import { recordApiNames, type ObjectNames } from '../../src/records/names.ts';
import { TwentyClient } from '../../src/twenty/index.ts';
import { startSandbox, type Sandbox } from 'twenty-sandbox';
import { MINI_CATALOGUE } from 'twenty-sandbox/fixtures';

export interface PackSandbox {
  sandbox: Sandbox;
  client: TwentyClient;
  close(): Promise<void>;
}

function baseFields(): StandardField[] {
  const f = (name: string, type: StandardField['type'], isSystem = false): StandardField => ({
    name,
    universalIdentifier: randomUUID(),
    type,
    label: name,
    isNullable: name !== 'id',
    isSystem,
  });
  return [
    f('id', 'UUID', true),
    f('createdAt', 'DATE_TIME'),
    f('updatedAt', 'DATE_TIME'),
    f('deletedAt', 'DATE_TIME'),
    f('createdBy', 'ACTOR'),
    f('position', 'POSITION', true),
  ];
}

/** The standard catalogue with the pack's objects added and its fields on the objects they extend. */
export function catalogueWithPack(pack: Pack, base: readonly StandardObject[] = MINI_CATALOGUE): StandardObject[] {
  const objects = base.map((o) => ({ ...o, fields: [...o.fields] }));
  const nameOf = new Map<string, string>();
  for (const o of objects) {
    nameOf.set(`standard:${o.nameSingular}`, o.nameSingular);
    nameOf.set(o.universalIdentifier, o.nameSingular);
  }
  for (const o of pack.objects) {
    nameOf.set(o.universalIdentifier, o.nameSingular);
    nameOf.set(o.nameSingular, o.nameSingular);
  }
  const fieldName = new Map<string, string>();
  for (const o of pack.objects) for (const f of o.fields) fieldName.set(f.universalIdentifier, f.name);
  for (const f of pack.fields) fieldName.set(f.universalIdentifier, f.name);

  const toStandard = (f: Pack['fields'][number]): StandardField => {
    const target = nameOf.get(f.relationTargetObjectMetadataUniversalIdentifier ?? '');
    const relationType = f.universalSettings?.relationType === 'ONE_TO_MANY' ? 'ONE_TO_MANY' : 'MANY_TO_ONE';
    return {
      name: f.name,
      universalIdentifier: f.universalIdentifier,
      type: f.type,
      label: f.label,
      isNullable: true,
      isSystem: false,
      ...(f.options
        ? { options: f.options.map((o) => ({ value: o.value, label: o.label, color: o.color ?? 'gray', position: o.position })) }
        : {}),
      ...(f.type === 'RELATION' && target
        ? {
            relation: {
              type: relationType,
              targetObject: target,
              targetField: fieldName.get(f.relationTargetFieldMetadataUniversalIdentifier ?? '') ?? '',
            },
          }
        : {}),
    };
  };
  for (const o of pack.objects) {
    objects.push({
      nameSingular: o.nameSingular,
      namePlural: o.namePlural,
      universalIdentifier: o.universalIdentifier,
      labelSingular: o.labelSingular,
      labelPlural: o.labelPlural,
      icon: o.icon ?? 'IconBox',
      isSystem: false,
      labelIdentifierFieldName:
        o.fields.find((f) => f.universalIdentifier === o.labelIdentifierFieldMetadataUniversalIdentifier)?.name ?? 'name',
      fields: [...baseFields(), ...o.fields.map(toStandard)],
    });
  }
  for (const f of pack.fields) {
    const owner = objects.find((o) => o.nameSingular === nameOf.get(f.objectUniversalIdentifier ?? ''));
    owner?.fields.push(toStandard(f));
  }
  return objects;
}

export async function startPackSandbox(pack: Pack): Promise<PackSandbox> {
  const sandbox = await startSandbox({ standardObjects: catalogueWithPack(pack) });
  const client = new TwentyClient({ url: sandbox.url, apiKey: sandbox.apiKey, pacing: { perMinute: 0, burst: 1 } });
  return { sandbox, client, close: () => sandbox.close() };
}

/** Creates records through /graphql (create<Plural>), 60 per request. */
export async function createRecords(client: TwentyClient, object: ObjectNames, records: Array<Record<string, unknown>>): Promise<void> {
  const names = recordApiNames(object);
  for (let i = 0; i < records.length; i += 60) {
    const data = records.slice(i, i + 60);
    await client.core(
      `mutation C($data: [${names.createInput}!]!) { ${names.createMany}(data: $data) { id } }`,
      { data },
      { operation: `create ${object.namePlural}`, write: true },
    );
  }
}
