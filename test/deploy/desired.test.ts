import { describe, expect, it } from 'vitest';
import { idDeriver } from '../../src/deploy/ids.ts';
import { buildDesired } from '../../src/deploy/index.ts';
import { validPack } from '../support/valid-pack.ts';
import { COMPANY_ID, ids, MINI, miniDesired } from './fixtures.ts';

describe('desired state of a pack', () => {
  it('keeps the default-locale labels as labels and sends English as translation overrides', async () => {
    const d = await miniDesired();
    expect(d.locale).toBe('zh-CN');
    const prospect = d.objects.find((o) => o.nameSingular === 'prospect')!;
    expect(prospect).toMatchObject({ labelSingular: '潜在客户', labelPlural: '潜在客户库', description: '待跟进的潜在高端客户。' });
    expect(prospect.translations).toEqual({
      en: { labelSingular: 'Prospect', labelPlural: 'Prospects', description: 'A prospective high-end client to follow up.' },
    });
    expect(d.objects.find((o) => o.nameSingular === 'desk')?.labelIdentifierFieldName).toBe('name');
  });

  it('swaps the roles when deploying in English: English labels, Chinese overrides', async () => {
    const d = await miniDesired('en');
    const stage = d.fields.find((f) => f.name === 'stage')!;
    expect(stage.label).toBe('Stage');
    expect(stage.translations).toEqual({ 'zh-CN': { label: '阶段' } });
    expect(stage.options?.map((o) => o.label)).toEqual(['New', 'Qualified', 'Lost']);
  });

  it('resolves both sides of each relation to names, across the standalone company field', async () => {
    const d = await miniDesired();
    expect(d.fields.find((f) => f.name === 'targetCompany')?.relation).toEqual({
      type: 'MANY_TO_ONE',
      targetObject: 'company',
      targetField: 'prospects',
      onDelete: 'SET_NULL',
    });
    expect(d.fields.find((f) => f.object === 'company' && f.name === 'prospects')).toMatchObject({
      relation: { type: 'ONE_TO_MANY', targetObject: 'prospect', targetField: 'targetCompany' },
    });
    expect(d.fields.find((f) => f.object === 'desk' && f.name === 'prospects')?.relation).toMatchObject({
      type: 'ONE_TO_MANY',
      targetObject: 'prospect',
      targetField: 'desk',
    });
  });

  it('gives every option a stable id, so that a re-run creates nothing new', async () => {
    const a = await miniDesired();
    const b = await miniDesired();
    const ids = (d: typeof a): string[] => d.fields.flatMap((f) => f.options ?? []).map((o) => o.id ?? '');
    expect(ids(a)).toEqual(ids(b));
    expect(new Set(ids(a)).size).toBe(ids(a).length);
  });

  it('builds the kanban with the pack column order, one group per stage, and the sort', async () => {
    const d = await miniDesired();
    const v = d.views.find((x) => x.type === 'KANBAN')!;
    expect(v).toMatchObject({ object: 'prospect', mainGroupByField: 'stage', name: '客户看板', kanbanAggregateOperation: 'COUNT' });
    expect(v.fields.map((f) => f.field)).toEqual(['name', 'stage', 'desk']);
    expect(v.groups.map((g) => `${g.position}:${g.fieldValue}`)).toEqual(['0:NEW', '1:QUALIFIED', '2:LOST']);
    expect(v.sorts).toEqual([{ id: expect.any(String), field: 'createdAt', direction: 'DESC' }]);
  });

  it("orders and hides kanban columns as the view's groups say; options it does not list follow, shown", async () => {
    const pack = await validPack(MINI);
    const kanban = pack.views.find((v) => v.type === 'KANBAN')!;
    const groups = [{ universalIdentifier: '5c1f6a0e-3b7d-4c2a-9e8f-1a2b3c4d5e6f', fieldValue: 'LOST', position: 0, isVisible: false }];
    const { state } = buildDesired({ ...pack, views: pack.views.map((v) => (v === kanban ? { ...v, groups } : v)) }, { ids });
    const v = state.views.find((x) => x.type === 'KANBAN')!;
    expect(v.groups.map((g) => `${g.position}:${g.fieldValue}:${g.isVisible ? 'shown' : 'hidden'}`)).toEqual([
      '0:LOST:hidden',
      '1:NEW:shown',
      '2:QUALIFIED:shown',
    ]);
  });

  it('derives view ids per workspace: the same pack in two workspaces never reuses an id', async () => {
    const d = await miniDesired();
    const v = d.views[0]!;
    expect(idDeriver(COMPANY_ID)('view', v.universalIdentifier)).toBe(v.id);
    expect(idDeriver('22222222-2222-4222-8222-222222222222')('view', v.universalIdentifier)).not.toBe(v.id);
    expect(v.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives seed records ids derived from their natural key', async () => {
    const d = await miniDesired();
    const seed = d.seeds[0]!;
    expect(seed).toMatchObject({ object: 'desk', key: ['code'] });
    expect(seed.records.map((r) => r.keyText)).toEqual(['code="SH"', 'code="SH-PD"', 'code="BJ"']);
    expect(seed.records[0]!.id).toBe((await miniDesired()).seeds[0]!.records[0]!.id);
  });
});
