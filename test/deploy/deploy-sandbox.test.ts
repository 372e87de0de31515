// plan and deploy against the local sandbox (Twenty 2.43's schema and rules).
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countPlan, hasChanges } from '../../src/deploy/index.ts';
import { pullFiles } from '../../src/deploy/pull.ts';
import { readCustomApplicationId, readObjects, readTranslations, readViews } from '../../src/deploy/read-actual.ts';
import {
  clientFor,
  deployOnce,
  duplicates,
  loadPack,
  MINI_PACK,
  miniSandbox,
  packSandbox,
  planOf,
  REPO_PACK,
  type Sandbox,
} from './sandbox-helpers.ts';

let sandboxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.map((s) => s.close()));
  sandboxes = [];
});
// The small standard catalogue: the packs here use company, person and workspaceMember only.
async function sandbox(): Promise<Sandbox> {
  const sb = await miniSandbox();
  sandboxes.push(sb);
  return sb;
}

describe('deploy the mini pack into a fresh sandbox', () => {
  it('plans the whole pack, applies it, and then finds nothing left to do', async () => {
    const sb = await sandbox();
    const pack = await loadPack(MINI_PACK);
    const first = await planOf(sb, pack);
    expect(first.changes.filter((c) => c.action !== 'create')).toEqual([]);
    expect(first.changes.map((c) => c.title)).toEqual(
      expect.arrayContaining([
        'object desk "网点"',
        'object prospect "潜在客户"',
        'field level (SELECT)',
        'field walletShare (NUMBER)',
        'relation prospect.desk ↔ desk.prospects',
        'relation prospect.targetCompany ↔ company.prospects',
        'view "客户看板" (kanban)',
        'view "网点" (table)',
        'seed records (3 to create, matched by code)',
      ]),
    );

    const { report } = await deployOnce(sb, pack);
    expect(report?.failure).toBeUndefined();
    expect(report).toMatchObject({ ok: true, done: first.changes.length });

    const second = await planOf(sb, pack);
    expect(second.changes).toEqual([]);
    expect(countPlan(second).unchanged).toBeGreaterThan(10);
    expect(await duplicates(sb, pack)).toEqual([]);
  });

  it('sends no write on a second deploy, and at most one read per kind', async () => {
    const sb = await sandbox();
    const pack = await loadPack(MINI_PACK);
    await deployOnce(sb, pack);
    const before = sb.requests().length;
    const { report, client } = await deployOnce(sb, pack);
    const sent = sb.requests().slice(before);
    expect(report?.ok).toBe(true);
    expect(sent.filter((r) => r.write)).toEqual([]);
    expect(Object.values(client.counter.snapshot().readsByKind).every((n) => n === 1)).toBe(true);
    expect(sent.length).toBe(client.counter.total);
  });

  it('labels in Chinese, English as Twenty translation overrides', async () => {
    const sb = await sandbox();
    const pack = await loadPack(MINI_PACK);
    await deployOnce(sb, pack);
    const client = clientFor(sb);
    const objects = await readObjects(client);
    await readTranslations(client, objects, 'en');
    const prospect = objects.find((o) => o.nameSingular === 'prospect')!;
    expect([prospect.labelSingular, prospect.translations.en?.labelSingular]).toEqual(['潜在客户', 'Prospect']);
    const stage = prospect.fields.find((f) => f.name === 'stage')!;
    expect([stage.label, stage.translations.en?.label]).toEqual(['阶段', 'Stage']);
    const inverse = objects.find((o) => o.nameSingular === 'company')!.fields.find((f) => f.name === 'prospects')!;
    expect([inverse.label, inverse.translations.en?.label]).toEqual(['潜在客户', 'Prospects']);
  });

  it("builds the kanban grouped by stage, one column per option in order, and the pack's columns", async () => {
    const sb = await sandbox();
    const pack = await loadPack(MINI_PACK);
    await deployOnce(sb, pack);
    const client = clientFor(sb);
    const [objects, views] = await Promise.all([readObjects(client), readViews(client)]);
    const prospect = objects.find((o) => o.nameSingular === 'prospect')!;
    const kanban = views.find((v) => v.name === '客户看板')!;
    const name = (id: string): string => prospect.fields.find((f) => f.id === id)?.name ?? id;
    expect(kanban.type).toBe('KANBAN');
    expect(name(kanban.mainGroupByFieldMetadataId ?? '')).toBe('stage');
    expect(
      [...kanban.groups]
        .filter((g) => g.isVisible)
        .sort((a, b) => a.position - b.position)
        .map((g) => g.fieldValue),
    ).toEqual(['NEW', 'QUALIFIED', 'LOST']);
    expect([...kanban.fields].sort((a, b) => a.position - b.position).map((f) => name(f.fieldMetadataId))).toEqual([
      'name',
      'stage',
      'desk',
    ]);
  });

  it('filters the desks view to branches as its file says, and plans a changed filter as an update', async () => {
    const sb = await sandbox();
    const pack = await loadPack(MINI_PACK);
    await deployOnce(sb, pack);
    const client = clientFor(sb);
    const [objects, views] = await Promise.all([readObjects(client), readViews(client)]);
    const level = objects.find((o) => o.nameSingular === 'desk')!.fields.find((f) => f.name === 'level')!;
    const desks = views.find((v) => v.name === '网点')!;
    expect(desks.filters).toEqual([expect.objectContaining({ fieldMetadataId: level.id, operand: 'IS', value: ['BRANCH'] })]);

    const edited = {
      ...pack,
      views: pack.views.map((v) =>
        v.name === '网点' ? { ...v, filters: v.filters!.map((f) => ({ ...f, value: ['BRANCH', 'SUB_BRANCH'] })) } : v,
      ),
    };
    const plan = await planOf(sb, edited);
    expect(plan.changes).toEqual([
      expect.objectContaining({
        kind: 'view',
        action: 'update',
        diffs: [{ property: 'filter level', from: 'level IS BRANCH', to: 'level IS BRANCH, SUB_BRANCH' }],
      }),
    ]);
    await deployOnce(sb, edited);
    expect((await planOf(sb, edited)).changes).toEqual([]);
    expect((await readViews(client)).find((v) => v.name === '网点')!.filters.map((f) => f.value)).toEqual([['BRANCH', 'SUB_BRANCH']]);
  });

  it('relabels and reorders options without losing the values records hold', async () => {
    const sb = await sandbox();
    const pack = await loadPack(MINI_PACK);
    await deployOnce(sb, pack);
    const client = clientFor(sb);
    await client.core('mutation { createProspect(data: { name: "Acme", stage: QUALIFIED }) { id } }', undefined, {
      operation: 'seed a prospect',
      write: true,
    });
    const stage = pack.objects.find((o) => o.nameSingular === 'prospect')!.fields.find((f) => f.name === 'stage')!;
    stage.options = [
      { value: 'QUALIFIED', label: '合格', color: 'green', position: 0 },
      { value: 'NEW', label: '新建', color: 'gray', position: 1 },
      { value: 'LOST', label: '已放弃', color: 'red', position: 2 },
      { value: 'WON', label: '已转化', color: 'blue', position: 3 },
    ];
    const plan = await planOf(sb, pack);
    expect(plan.changes.map((c) => `${c.action} ${c.title}`)).toEqual(['update field stage (SELECT)', 'update view "客户看板" (kanban)']);
    const { report } = await deployOnce(sb, pack);
    expect(report?.failure).toBeUndefined();
    const data = await client.core<{ prospects: { edges: Array<{ node: { stage: string } }> } }>(
      '{ prospects { edges { node { stage } } } }',
      undefined,
      { operation: 'read' },
    );
    expect(data.prospects.edges.map((e) => e.node.stage)).toEqual(['QUALIFIED']);
    expect((await planOf(sb, pack)).changes).toEqual([]);
  });

  it('lists a field the pack dropped, and removes it with --prune', async () => {
    const sb = await sandbox();
    const pack = await loadPack(MINI_PACK);
    await deployOnce(sb, pack);
    const smaller = { ...pack, fields: pack.fields.filter((f) => f.name !== 'walletShare') };
    const listed = await planOf(sb, smaller);
    expect(listed.changes.map((c) => `${c.action} ${c.object} ${c.title}`)).toEqual(['not-in-pack company field walletShare (NUMBER)']);
    expect(hasChanges(listed)).toBe(false);
    const { report } = await deployOnce(sb, smaller, { prune: true, allowDataLoss: true });
    expect(report?.ok).toBe(true);
    const objects = await readObjects(clientFor(sb));
    expect(objects.find((o) => o.nameSingular === 'company')!.fields.some((f) => f.name === 'walletShare')).toBe(false);
    expect((await planOf(sb, smaller, true)).changes).toEqual([]);
  });

  it('refuses to prune what holds records without --allow-data-loss, and says how many', async () => {
    const sb = await sandbox();
    const pack = await loadPack(MINI_PACK);
    await deployOnce(sb, pack);
    const client = clientFor(sb);
    await client.core('mutation { createProspect(data: { name: "Acme" }) { id } }', undefined, { operation: 'seed', write: true });
    const smaller = {
      ...pack,
      objects: pack.objects.map((o) => (o.nameSingular === 'prospect' ? { ...o, fields: o.fields.filter((f) => f.name !== 'stage') } : o)),
      views: pack.views.filter((v) => v.type !== 'KANBAN'),
    };
    const before = sb.requests().length;
    const { report } = await deployOnce(sb, smaller, { prune: true });
    expect(report?.ok).toBe(false);
    expect(report?.failure?.message).toBe('--prune would drop data: field prospect.stage (values in up to 1 record); nothing was changed');
    expect(report?.failure?.hint).toMatch(/--allow-data-loss/);
    expect(
      sb
        .requests()
        .slice(before)
        .filter((r) => r.write),
    ).toEqual([]);
  });

  it('pulls the workspace into a pack that plans with no changes', async () => {
    const sb = await sandbox();
    const pack = await loadPack(MINI_PACK);
    await deployOnce(sb, pack);
    const client = clientFor(sb);
    const [objects, views, app] = await Promise.all([readObjects(client), readViews(client), readCustomApplicationId(client)]);
    await readTranslations(client, objects, 'en');
    const files = pullFiles(
      { objects, views, records: {}, locales: ['en'] },
      { customApplicationId: app ?? '', defaultLocale: 'zh-CN', manifest: { name: 'pulled', locales: ['zh-CN', 'en'] } },
    );
    const dir = await mkdtemp(join(tmpdir(), 'bankpack-pull-'));
    for (const f of files) {
      await mkdir(dirname(join(dir, f.path)), { recursive: true });
      await writeFile(join(dir, f.path), f.text);
    }
    expect(files.map((f) => f.path.replace(/-[0-9a-f]{8}\.view/, '-*.view')).sort()).toEqual([
      'fields/company-prospects.field.yaml',
      'fields/company-wallet-share.field.yaml',
      'objects/desk.object.yaml',
      'objects/prospect.object.yaml',
      'pack.yaml',
      'views/desk-*.view.yaml',
      'views/prospect-*.view.yaml',
    ]);
    const pulled = await loadPack(dir);
    const plan = await planOf(sb, pulled);
    // Nothing to change, and the views are recognised as the ones already there, not listed as strangers.
    expect(plan.changes).toEqual([]);
    // Deploying the pulled pack with --prune removes nothing.
    const { report } = await deployOnce(sb, pulled, { prune: true });
    expect(report).toMatchObject({ ok: true, done: 0 });
  });
});

describe("deploy under Twenty's throttle", () => {
  // Only records requests with the API key are charged. Two tokens per half second: a re-deploy that renames
  // seeded records reads them and writes them back to back, and meets the limit.
  const throttle = { longLimit: 2, longTtlMs: 500 };

  it('waits and retries when the server says "Limit reached", and still converges', async () => {
    const sb = await miniSandbox({ throttle });
    sandboxes.push(sb);
    const first = await loadPack(MINI_PACK);
    expect((await deployOnce(sb, first)).report?.ok).toBe(true);
    const pack = {
      ...first,
      seeds: first.seeds.map((s) => ({ ...s, records: s.records.map((r) => ({ ...r, name: `${String(r.name)} (new)` })) })),
    };
    const { report, client } = await deployOnce(sb, pack);
    expect(report?.ok).toBe(true);
    expect(client.counter.snapshot().throttled).toBeGreaterThan(0);
    expect((await planOf(sb, pack)).changes).toEqual([]);
  }, 60_000);

  it('paces itself under the limit instead of running into it', async () => {
    const sb = await miniSandbox({ throttle });
    sandboxes.push(sb);
    const pack = await loadPack(MINI_PACK);
    const { report, client } = await deployOnce(sb, pack, { pacing: { perMinute: 216, burst: 1 } });
    expect(report?.ok).toBe(true);
    expect(client.counter.snapshot().throttled).toBe(0);
  }, 60_000);
});

describe('deploy the repo pack', () => {
  it('applies the whole pack, and a second plan is empty (workflows aside: they need a user token)', async () => {
    const sb = await packSandbox();
    sandboxes.push(sb);
    const pack = await loadPack(REPO_PACK);
    const notWorkflow = (c: { kind: string }): boolean => c.kind !== 'workflow';
    const first = await planOf(sb, pack);
    expect(countPlan(first)).toMatchObject({ conflict: 0, update: 0 });
    expect(first.changes.filter(notWorkflow).length).toBeGreaterThan(pack.objects.length + pack.views.length);
    const { report } = await deployOnce(sb, pack);
    expect(report?.failure).toBeUndefined();
    expect((await planOf(sb, pack)).changes.filter(notWorkflow)).toEqual([]);
    expect(await duplicates(sb, pack)).toEqual([]);
  }, 90_000);
});
