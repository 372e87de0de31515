// Plain-data workspaces for the pure diff tests: a fresh one (standard company
// only) and one "as Twenty would hold it" after the pack was deployed.
import { join } from 'node:path';
import { buildDesired } from '../../src/deploy/desired.ts';
import { idDeriver } from '../../src/deploy/ids.ts';
import type { ActualField, ActualObject, ActualState, DesiredState } from '../../src/deploy/state.ts';
import { validPack } from '../support/valid-pack.ts';

export const MINI = join(import.meta.dirname, 'fixtures', 'mini-pack');
export const COMPANY_ID = '11111111-1111-4111-8111-111111111111';
export const STANDARD_APP = 'aaaaaaaa-0000-4000-8000-000000000001';
export const CUSTOM_APP = 'aaaaaaaa-0000-4000-8000-000000000002';
export const ids = idDeriver(COMPANY_ID);

/** The desired state of the mini pack (test/deploy/fixtures/mini-pack). */
export async function miniDesired(locale?: string): Promise<DesiredState> {
  const pack = await validPack(MINI);
  const { state, problems } = buildDesired(pack, { ids, ...(locale ? { locale } : {}) });
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('\n'));
  return state;
}

let counter = 0;
const uuid = (): string => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

function field(objectId: string, name: string, type: string, extra: Partial<ActualField> = {}): ActualField {
  return {
    id: uuid(),
    objectId,
    name,
    label: name,
    type: type as ActualField['type'],
    description: null,
    icon: null,
    isActive: true,
    isSystem: false,
    isNullable: true,
    isUnique: false,
    defaultValue: null,
    options: null,
    settings: null,
    applicationId: STANDARD_APP,
    translations: {},
    ...extra,
  };
}

export function freshWorkspace(): ActualState {
  const company: ActualObject = {
    id: COMPANY_ID,
    nameSingular: 'company',
    namePlural: 'companies',
    labelSingular: 'Company',
    labelPlural: 'Companies',
    description: null,
    icon: 'IconBuildingSkyscraper',
    isActive: true,
    isSystem: false,
    applicationId: STANDARD_APP,
    labelIdentifierFieldMetadataId: null,
    translations: {},
    fields: [
      field(COMPANY_ID, 'id', 'UUID', { isSystem: true }),
      field(COMPANY_ID, 'name', 'TEXT'),
      field(COMPANY_ID, 'createdAt', 'DATE_TIME', { isSystem: true }),
    ],
  };
  return { objects: [company], views: [], records: {}, locales: ['en'] };
}

/** What the workspace holds once the pack is deployed exactly: the diff against it must be empty. */
export function deployedWorkspace(desired: DesiredState): ActualState {
  const actual = freshWorkspace();
  for (const o of desired.objects) {
    const id = uuid();
    const builtIns = ['id', 'createdAt', 'updatedAt', 'deletedAt', 'position'].map((n) =>
      field(id, n, n === 'id' ? 'UUID' : 'DATE_TIME', { isSystem: true, applicationId: CUSTOM_APP }),
    );
    actual.objects.push({
      id,
      nameSingular: o.nameSingular,
      namePlural: o.namePlural,
      labelSingular: o.labelSingular,
      labelPlural: o.labelPlural,
      description: o.description ?? null,
      icon: o.icon,
      isActive: true,
      isSystem: false,
      applicationId: CUSTOM_APP,
      labelIdentifierFieldMetadataId: null,
      fields: builtIns,
      translations: structuredClone(o.translations),
    });
  }
  const objectOf = (name: string): ActualObject => actual.objects.find((o) => o.nameSingular === name)!;
  for (const f of desired.fields) {
    const o = objectOf(f.object);
    o.fields.push(
      field(o.id, f.name, f.type, {
        label: f.label,
        description: f.description ?? null,
        icon: f.icon,
        isNullable: f.isNullable ?? true,
        isUnique: f.isUnique ?? false,
        defaultValue: f.defaultValue ?? null,
        options: f.options ? f.options.map((x) => ({ ...x })) : null,
        settings: f.settings ?? null,
        applicationId: CUSTOM_APP,
        translations: structuredClone(f.translations),
      }),
    );
  }
  for (const f of desired.fields) {
    if (!f.relation) continue;
    const here = objectOf(f.object).fields.find((x) => x.name === f.name)!;
    const targetObject = objectOf(f.relation.targetObject);
    const there = targetObject.fields.find((x) => x.name === f.relation!.targetField)!;
    here.relation = {
      type: f.relation.type,
      targetObjectId: targetObject.id,
      targetObjectName: targetObject.nameSingular,
      targetFieldId: there.id,
      targetFieldName: there.name,
    };
  }
  for (const o of desired.objects) {
    const a = objectOf(o.nameSingular);
    if (o.labelIdentifierFieldName) a.labelIdentifierFieldMetadataId = a.fields.find((f) => f.name === o.labelIdentifierFieldName)!.id;
  }
  for (const v of desired.views) {
    const o = objectOf(v.object);
    const fid = (name: string): string => o.fields.find((f) => f.name === name)?.id ?? `missing-${name}`;
    actual.views.push({
      id: v.id,
      objectMetadataId: o.id,
      name: v.name,
      type: v.type,
      key: null,
      icon: v.icon,
      position: v.position,
      mainGroupByFieldMetadataId: v.mainGroupByField ? fid(v.mainGroupByField) : null,
      kanbanAggregateOperation: v.kanbanAggregateOperation ?? null,
      fields: v.fields.map((f) => ({
        id: f.id,
        fieldMetadataId: fid(f.field),
        position: f.position,
        isVisible: f.isVisible,
        size: f.size ?? null,
      })),
      groups: v.groups.map((g) => ({ ...g })),
      sorts: v.sorts.map((s) => ({ id: s.id, fieldMetadataId: fid(s.field), direction: s.direction })),
      filters: v.filters.map((f) => ({
        id: f.id,
        fieldMetadataId: fid(f.field),
        operand: f.operand,
        value: f.value,
        subFieldName: f.subFieldName ?? null,
      })),
    });
  }
  for (const s of desired.seeds) actual.records[s.object] = s.records.map((r) => ({ ...r.data, id: r.id }));
  return actual;
}
