import { describe, expect, it } from 'vitest';
import { diff } from '../../src/deploy/diff.ts';
import { mergeOptions } from '../../src/deploy/diff-metadata.ts';
import { countPlan, hasChanges, type Change, type Plan } from '../../src/deploy/plan.ts';
import type { ActualState } from '../../src/deploy/state.ts';
import { CUSTOM_APP, deployedWorkspace, freshWorkspace, miniDesired } from './fixtures.ts';

const URL = 'https://crm.example.com';
const find = (plan: Plan, title: string): Change | undefined => plan.changes.find((c) => c.title.startsWith(title));
const prospect = (a: ActualState) => a.objects.find((o) => o.nameSingular === 'prospect')!;
const desk = (a: ActualState) => a.objects.find((o) => o.nameSingular === 'desk')!;

describe('diff: a fresh workspace', () => {
  it('plans the whole pack: objects, fields, each relation as one change, the views, the seeds', async () => {
    const plan = diff(await miniDesired(), freshWorkspace(), { url: URL });
    expect(plan.changes.map((c) => `${c.action} ${c.title}`)).toEqual([
      'create object desk "网点"',
      'create field name (TEXT)',
      'create field code (TEXT)',
      'create field level (SELECT)',
      'create view "网点" (table)',
      'create seed records (3 to create, matched by code)',
      'create object prospect "潜在客户"',
      'create field name (TEXT)',
      'create field stage (SELECT)',
      'create relation prospect.desk ↔ desk.prospects',
      'create relation prospect.targetCompany ↔ company.prospects',
      'create view "客户看板" (kanban)',
      'create field walletShare (NUMBER)',
    ]);
    expect(find(plan, 'field name')?.apply?.op).toBe('updateField');
    expect(find(plan, 'relation prospect.targetCompany')?.apply).toMatchObject({
      op: 'createRelation',
      source: { name: 'targetCompany' },
      inverse: { object: 'company', name: 'prospects' },
    });
    expect(find(plan, 'relation prospect.desk')?.apply).toMatchObject({
      op: 'createRelation',
      source: { object: 'prospect', name: 'desk' },
      inverse: { object: 'desk', name: 'prospects' },
    });
    expect(countPlan(plan)).toMatchObject({ create: 13, conflict: 0 });
  });
});

describe('diff: after a deploy', () => {
  it('finds nothing to do when the workspace matches the pack', async () => {
    const desired = await miniDesired();
    const plan = diff(desired, deployedWorkspace(desired), { url: URL });
    expect(plan.changes).toEqual([]);
    expect(hasChanges(plan)).toBe(false);
    expect(countPlan(plan).unchanged).toBeGreaterThanOrEqual(9);
  });

  it('shows a relabel as old → new', async () => {
    const desired = await miniDesired();
    const actual = deployedWorkspace(desired);
    desk(actual).fields.find((f) => f.name === 'code')!.label = '代码';
    const c = find(diff(desired, actual, { url: URL }), 'field code')!;
    expect(c.action).toBe('update');
    expect(c.diffs).toEqual([{ property: 'label', from: '代码', to: '网点代码' }]);
    expect(c.apply).toMatchObject({ op: 'updateField', update: { label: '网点代码' }, ddl: false });
  });

  it('reorders and relabels options with their existing ids, adds new ones, keeps ones the pack dropped', async () => {
    const desired = await miniDesired();
    const actual = deployedWorkspace(desired);
    const stage = prospect(actual).fields.find((f) => f.name === 'stage')!;
    stage.options = [
      { id: 'kept-1', value: 'QUALIFIED', label: '合格', color: 'green', position: 0 },
      { id: 'kept-2', value: 'NEW', label: '新建', color: 'gray', position: 1 },
      { id: 'old-3', value: 'ON_HOLD', label: '搁置', color: 'yellow', position: 2 },
    ];
    const c = find(diff(desired, actual, { url: URL }), 'field stage')!;
    const sent = (c.apply as unknown as { update: { options: Array<{ id: string; value: string; position: number; label: string }> } })
      .update.options;
    expect(sent.find((o) => o.value === 'NEW')).toMatchObject({ id: 'kept-2', position: 0 });
    expect(sent.find((o) => o.value === 'QUALIFIED')).toMatchObject({ id: 'kept-1', position: 1, label: '已确认' });
    expect(sent.find((o) => o.value === 'ON_HOLD')).toMatchObject({ id: 'old-3', position: 3 });
    expect(sent.find((o) => o.value === 'LOST')?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.notes).toEqual(['keeps option ON_HOLD (not in pack; --prune removes)']);
  });

  it('drops an option the pack no longer has only with --prune', () => {
    const desired = [{ value: 'A', label: 'a', color: 'red', position: 0, id: 'x' }];
    const actual = [
      { value: 'A', label: 'a', color: 'red', position: 0, id: 'x' },
      { value: 'B', label: 'b', color: 'red', position: 1, id: 'y' },
    ];
    expect(mergeOptions(desired, actual, false).options.map((o) => o.value)).toEqual(['A', 'B']);
    expect(mergeOptions(desired, actual, true).options.map((o) => o.value)).toEqual(['A']);
  });

  it("reports a field whose type differs as a conflict, with the admin's options, and sends nothing for it", async () => {
    const desired = await miniDesired();
    const actual = deployedWorkspace(desired);
    desk(actual).fields.find((f) => f.name === 'level')!.type = 'TEXT';
    const plan = diff(desired, actual, { url: URL });
    const c = find(plan, 'field desk.level')!;
    expect(c.action).toBe('conflict');
    expect(c.reason).toBe("the workspace has it as TEXT, the pack says SELECT; Twenty cannot change a field's type");
    expect(c.options?.[0]).toMatch(/another name in objects\/desk\.object\.yaml/);
    expect(c.apply).toBeUndefined();
  });

  it('updates translations that Twenty shows differently in English', async () => {
    const desired = await miniDesired();
    const actual = deployedWorkspace(desired);
    prospect(actual).translations = {
      en: { labelSingular: 'Prospect', labelPlural: '潜在客户库', description: 'A prospective high-end client to follow up.' },
    };
    const c = find(diff(desired, actual, { url: URL }), 'object prospect')!;
    expect(c.diffs).toEqual([{ property: 'labelPlural (en)', from: '潜在客户库', to: 'Prospects' }]);
    expect((c.apply as unknown as { update: Record<string, unknown> }).update.translations).toEqual([
      { locale: 'en', property: 'labelSingular', value: 'Prospect' },
      { locale: 'en', property: 'labelPlural', value: 'Prospects' },
      { locale: 'en', property: 'description', value: 'A prospective high-end client to follow up.' },
    ]);
  });

  it('renames the inverse side when an older server named it from its label', async () => {
    const desired = await miniDesired();
    const actual = deployedWorkspace(desired);
    const company = actual.objects.find((o) => o.nameSingular === 'company')!;
    const inverse = company.fields.find((f) => f.name === 'prospects')!;
    inverse.name = 'qianZaiKeHu';
    prospect(actual).fields.find((f) => f.name === 'targetCompany')!.relation!.targetFieldName = 'qianZaiKeHu';
    const plan = diff(desired, actual, { url: URL });
    expect(plan.changes.map((c) => `${c.action} ${c.title}`)).toEqual(['update field prospects (RELATION)']);
    expect(plan.changes[0]!.apply).toMatchObject({ op: 'updateField', id: inverse.id, update: { name: 'prospects' } });
  });

  it('refuses to create an object whose name another object holds', async () => {
    const desired = await miniDesired();
    const actual = freshWorkspace();
    actual.objects.push({ ...actual.objects[0]!, id: 'x', nameSingular: 'lead', namePlural: 'prospects', isSystem: false });
    const c = find(diff(desired, actual, { url: URL }), 'object prospect')!;
    expect(c.action).toBe('conflict');
    expect(c.reason).toMatch(/taken by the workspace's object lead \(prospects\)/);
  });

  it('repairs the view: column order, a hidden column, a missing kanban group', async () => {
    const desired = await miniDesired();
    const actual = deployedWorkspace(desired);
    const view = actual.views.find((v) => v.type === 'KANBAN')!;
    view.fields[1]!.position = 9;
    view.fields.push({
      id: 'extra',
      fieldMetadataId: prospect(actual).fields.find((f) => f.name === 'targetCompany')!.id,
      position: 5,
      isVisible: true,
      size: 100,
    });
    view.groups = view.groups.filter((g) => g.fieldValue !== 'LOST');
    const c = find(diff(desired, actual, { url: URL }), 'view "客户看板"')!;
    expect(c.diffs?.map((d) => d.property)).toEqual(['column stage position', 'column targetCompany', 'group LOST']);
    expect(c.apply).toMatchObject({
      op: 'updateView',
      updateFields: [{ update: { position: 1 } }, { id: 'extra', update: { isVisible: false } }],
      createGroups: [{ fieldValue: 'LOST', position: 2 }],
    });
  });

  it('lists a custom field the pack no longer defines, and removes it only with --prune', async () => {
    const desired = await miniDesired();
    const actual = deployedWorkspace(desired);
    const o = prospect(actual);
    o.fields.push({ ...o.fields.find((f) => f.name === 'stage')!, id: 'legacy', name: 'legacyScore', type: 'NUMBER', options: null });
    const plain = find(diff(desired, actual, { url: URL }), 'field legacyScore')!;
    expect(plain).toMatchObject({ action: 'not-in-pack' });
    expect(plain.apply).toBeUndefined();
    const pruned = find(diff(desired, actual, { url: URL, prune: true }), 'field legacyScore')!;
    expect(pruned.apply).toMatchObject({ op: 'removeField', id: 'legacy' });
    expect(prospect(actual).applicationId).toBe(CUSTOM_APP);
  });

  it('leaves the built-in fields and standard fields out of "not in pack"', async () => {
    const desired = await miniDesired();
    const plan = diff(desired, deployedWorkspace(desired), { url: URL, prune: true });
    expect(plan.changes.filter((c) => c.action === 'not-in-pack')).toEqual([]);
  });
});

describe('diff: seed records', () => {
  it('creates missing records, updates differing ones by natural key, leaves the rest', async () => {
    const desired = await miniDesired();
    const actual = deployedWorkspace(desired);
    const [sh, pd] = desired.seeds[0]!.records;
    actual.records.desk = [
      { id: 'someone-elses-id', code: 'SH', name: '上海分行', level: 'BRANCH' },
      { id: pd!.id, code: 'SH-PD', name: '浦东支行', level: 'BRANCH' },
    ];
    const c = find(diff(desired, actual, { url: URL }), 'seed records')!;
    expect(c.title).toBe('seed records (1 to create, 1 to update, matched by code)');
    expect(c.apply).toMatchObject({
      op: 'upsertRecords',
      create: [{ keyText: 'code="BJ"' }],
      update: [{ id: pd!.id, data: { level: 'SUB_BRANCH' } }],
    });
    expect(sh).toBeDefined();
  });
});
