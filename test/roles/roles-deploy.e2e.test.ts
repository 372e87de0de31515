// Deploying roles: the pack's roles go to the workspace with their permissions, in the plan's
// usual words, and a second deploy finds nothing to change and writes nothing. Pull brings
// the workspace's roles back as files; a role no file defines is listed, and removed only
// with --prune, never Twenty's own Admin and Member.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan, hasChanges, planToJson, preparePlan, readRoles } from '../../src/deploy/index.ts';
import { pullFiles } from '../../src/deploy/pull.ts';
import { readCustomApplicationId, readObjects, readViews } from '../../src/deploy/read-actual.ts';
import { type ValidPack } from '../../src/pack/index.ts';
import { validatePack } from '../../src/validate/index.ts';
import { TwentyClient } from '../../src/twenty/index.ts';
import { startSandbox, type Sandbox } from 'twenty-sandbox';
import { validPack } from '../support/valid-pack.ts';

const REPO = new URL('../..', import.meta.url).pathname;
let sandbox: Sandbox;
const client = (): TwentyClient => new TwentyClient({ url: sandbox.url, apiKey: sandbox.apiKey, pacing: { perMinute: 0, burst: 1 } });

beforeAll(async () => {
  // Twenty's full standard catalogue: the roles name task and note too.
  sandbox = await startSandbox({ port: 0 });
  const prepared = await preparePlan(client(), await slim(), {});
  const applied = await applyPlan(client(), prepared.plan, prepared.actual, prepared.caps, { report: () => {} });
  if (!applied.ok) throw new Error(`deploy failed: ${applied.failure?.change}: ${applied.failure?.message}`);
}, 120_000);
afterAll(async () => sandbox.close());

const slim = async (): Promise<ValidPack> => {
  const pack = await validPack(REPO);
  return { ...pack, seeds: [], views: [], workflows: [] };
};

describe('roles in a deploy', () => {
  it('are in the workspace with their permissions', async () => {
    const roles = await client().metadata<{
      getRoles: Array<{
        label: string;
        objectPermissions: unknown[];
        fieldPermissions: unknown[];
        permissionFlags: Array<{ flag: string }>;
      }>;
    }>(
      '{ getRoles { label objectPermissions { objectMetadataId } fieldPermissions { fieldMetadataId } permissionFlags { flag } } }',
      undefined,
      { operation: 'read roles', kind: 'roles' },
    );
    const byLabel = new Map(roles.getRoles.map((r) => [r.label, r]));
    expect(byLabel.get('客户经理')?.objectPermissions.length).toBe(24);
    expect(byLabel.get('营销管理')?.permissionFlags).toEqual([{ flag: 'WORKFLOWS' }]);
    expect(byLabel.get('批处理作业 Jobs API key')?.objectPermissions.length).toBe(10);
  });

  it('re-deploy: every role unchanged, read with the objects and views in one request, nothing written', async () => {
    const read = sandbox.requests().length;
    const prepared = await preparePlan(client(), await slim(), {});
    // Roles ride in the plan's one metadata request: a no-op plan stays within Twenty's 3 reads.
    expect(
      sandbox
        .requests()
        .slice(read)
        .map((r) => r.operationName),
    ).not.toContain('BankpackRoles');
    const json = planToJson(prepared.plan) as { unchanged: Record<string, number>; changes: Array<{ kind: string }> };
    expect(json.changes.filter((c) => c.kind === 'role')).toEqual([]);
    expect(json.unchanged.roles).toBe(5);
    const before = sandbox.requests().length;
    const applied = await applyPlan(client(), prepared.plan, prepared.actual, prepared.caps, { report: () => {} });
    expect(applied.ok).toBe(true);
    expect(
      sandbox
        .requests()
        .slice(before)
        .filter((r) => r.write),
    ).toEqual([]);
  });

  it('a create whose answer is lost is checked, not sent again: the role exists once and the deploy ends well', async () => {
    const c = client();
    const { getRoles } = await c.metadata<{ getRoles: Array<{ id: string; label: string }> }>('{ getRoles { id label } }', undefined, {
      operation: 'read roles',
    });
    const audit = getRoles.find((r) => r.label === '后台审计')!;
    await c.metadata(
      'mutation D($id: UUID!) { deleteOneRole(roleId: $id) }',
      { id: audit.id },
      { operation: 'delete a role', write: true },
    );
    const prepared = await preparePlan(c, await slim(), {});
    expect(prepared.plan.changes.map((ch) => `${ch.action} ${ch.title}`)).toEqual(['create role "后台审计"']);
    // Apply reads the objects (request 1), then creates the role (request 2): its answer is dropped after the server did it.
    sandbox.setFaults([{ kind: 'drop', at: 2, phase: 'after', endpoint: '/metadata' }]);
    try {
      const applied = await applyPlan(c, prepared.plan, prepared.actual, prepared.caps, { report: () => {} });
      expect(applied.ok, applied.failure?.message).toBe(true);
    } finally {
      sandbox.setFaults([]);
    }
    const after = await c.metadata<{ getRoles: Array<{ label: string }> }>('{ getRoles { label } }', undefined, {
      operation: 'read roles',
    });
    expect(after.getRoles.filter((r) => r.label === '后台审计')).toHaveLength(1);
    expect((await preparePlan(c, await slim(), {})).plan.changes).toEqual([]);
  });

  it('an edited role is an update in the plan', async () => {
    const pack = await slim();
    const roles = pack.roles.map((r) => (r.label === '客户经理' ? { ...r, description: 'changed' } : r));
    const prepared = await preparePlan(client(), { ...pack, roles }, {});
    const change = prepared.plan.changes.find((c) => c.kind === 'role');
    expect(change).toMatchObject({
      action: 'update',
      object: 'roles',
      title: 'role "客户经理"',
      diffs: [{ property: 'description', to: 'changed' }],
    });
  });
});

describe('pull and prune of roles', () => {
  it('pull writes the custom roles, not Admin nor Member; the pulled pack validates and plans with no changes', async () => {
    const c = client();
    const [objects, views, app, roles] = await Promise.all([readObjects(c), readViews(c), readCustomApplicationId(c), readRoles(c)]);
    const files = pullFiles(
      { objects, views, records: {}, locales: [] },
      { customApplicationId: app ?? '', defaultLocale: 'zh-CN', roles, manifest: { name: 'pulled', locales: ['zh-CN'] } },
    );
    const dir = await mkdtemp(join(tmpdir(), 'bankpack-pull-roles-'));
    for (const f of files) {
      await mkdir(dirname(join(dir, f.path)), { recursive: true });
      await writeFile(join(dir, f.path), f.text);
    }
    const roleFiles = files.filter((f) => f.path.startsWith('roles/'));
    expect(roleFiles).toHaveLength(5);
    expect(roleFiles.map((f) => f.text).join('\n')).not.toMatch(/label: (Admin|Member)\b/);
    const pulled = await validatePack(dir);
    expect(pulled.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    const prepared = await preparePlan(c, pulled.valid!, {});
    expect(prepared.plan.changes).toEqual([]);
    expect(prepared.plan.unchanged.roles).toBe(5);
  });

  it('lists a role no pack file defines, removes it only with --prune, and never Admin or Member', async () => {
    const c = client();
    await c.metadata(
      'mutation($i: CreateRoleInput!) { createOneRole(createRoleInput: $i) { id } }',
      {
        i: {
          label: '临时角色',
          canReadAllObjectRecords: true,
          canUpdateAllObjectRecords: false,
          canSoftDeleteAllObjectRecords: false,
          canDestroyAllObjectRecords: false,
          canBeAssignedToUsers: true,
        },
      },
      { operation: 'make a role by hand', kind: 'roles', write: true },
    );
    const pack = await slim();
    const listed = await preparePlan(c, pack, {});
    expect(listed.plan.changes.map((ch) => `${ch.action} ${ch.object} ${ch.title}`)).toEqual(['not-in-pack roles role "临时角色"']);
    expect(hasChanges(listed.plan)).toBe(false);

    const smaller = { ...pack, roles: (pack.roles ?? []).filter((r) => r.label !== '营销管理') };
    const pruning = await preparePlan(c, smaller, { prune: true });
    const json = planToJson(pruning.plan) as {
      counts: { remove: number };
      changes: Array<{ action: string; title: string; remove?: boolean }>;
    };
    expect(json.changes.map((ch) => `${ch.action} ${ch.title} remove=${String(ch.remove)}`).sort()).toEqual([
      'not-in-pack role "临时角色" remove=true',
      'not-in-pack role "营销管理" remove=true',
    ]);
    expect(json.counts.remove).toBe(2);
    const applied = await applyPlan(c, pruning.plan, pruning.actual, pruning.caps, { report: () => {} });
    expect(applied).toMatchObject({ ok: true, done: 2 });
    const left = (await readRoles(c)).roles.map((r) => r.label).sort();
    expect(left).toEqual(['Admin', 'Member', '分行行长', '后台审计', '客户经理', '批处理作业 Jobs API key'].sort());
    expect((await preparePlan(c, smaller, { prune: true })).plan.changes).toEqual([]);
  });
});
