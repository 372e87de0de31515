// Deploying roles: the pack's roles go to the workspace with their permissions, in the plan's
// usual words, and a second deploy finds nothing to change and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan, planToJson, preparePlan } from '../../scripts/deploy/index.ts';
import { validatePack } from '../../scripts/pack/index.ts';
import { TwentyClient } from '../../scripts/twenty/index.ts';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';

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

const slim = async (): Promise<Awaited<ReturnType<typeof validatePack>>['pack']> => {
  const { pack } = await validatePack(REPO);
  return { ...pack, seeds: [], views: [], workflows: [] };
};

describe('roles in a deploy', () => {
  it('are in the workspace with their permissions', async () => {
    const roles = await client().metadata<{ getRoles: Array<{ label: string; objectPermissions: unknown[]; fieldPermissions: unknown[]; permissionFlags: Array<{ flag: string }> }> }>(
      '{ getRoles { label objectPermissions { objectMetadataId } fieldPermissions { fieldMetadataId } permissionFlags { flag } } }', undefined, { operation: 'read roles', kind: 'roles' },
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
    expect(sandbox.requests().slice(read).map((r) => r.operationName)).not.toContain('BankpackRoles');
    const json = planToJson(prepared.plan) as { unchanged: Record<string, number>; changes: Array<{ kind: string }> };
    expect(json.changes.filter((c) => c.kind === 'role')).toEqual([]);
    expect(json.unchanged.roles).toBe(5);
    const before = sandbox.requests().length;
    const applied = await applyPlan(client(), prepared.plan, prepared.actual, prepared.caps, { report: () => {} });
    expect(applied.ok).toBe(true);
    expect(sandbox.requests().slice(before).filter((r) => r.write)).toEqual([]);
  });

  it('an edited role is an update in the plan, with the row-level rules said to be left out', async () => {
    const pack = await slim();
    const roles = (pack.roles ?? []).map((r) => (r.label === '客户经理' ? { ...r, description: 'changed' } : r));
    const prepared = await preparePlan(client(), { ...pack, roles }, {});
    const change = prepared.plan.changes.find((c) => c.kind === 'role');
    expect(change).toMatchObject({ action: 'update', object: 'roles', title: 'role "客户经理"', diffs: [{ property: 'description', to: 'changed' }] });
    expect(change?.notes?.[0]).toMatch(/row-level rule left out/);
  });
});
