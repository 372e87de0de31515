// Row-level rules on a server that offers them (the sandbox as Twenty Enterprise): deploy
// sends the role's rule, a manager then sees and edits only the leads they own, a second
// deploy writes nothing, pull brings the rule back, and dropping it from the file removes
// it. Servers without Enterprise: row-level-ordinary.e2e.test.ts.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan, preparePlan, readRoles } from '../../src/deploy/index.ts';
import { pullFiles } from '../../src/deploy/pull.ts';
import { readCustomApplicationId, readObjects, readViews } from '../../src/deploy/read-actual.ts';
import type { ValidPack } from '../../src/pack/index.ts';
import { validatePack } from '../../src/validate/index.ts';
import { TwentyClient } from '../../src/twenty/index.ts';
import { startSandbox, type Sandbox } from 'twenty-sandbox';
import { validPack } from '../support/valid-pack.ts';

const RLS_PACK = join(import.meta.dirname, 'fixtures', 'rls-pack');
let sandbox: Sandbox;
let pack: ValidPack;
const client = (): TwentyClient => new TwentyClient({ url: sandbox.url, apiKey: sandbox.apiKey, pacing: { perMinute: 0, burst: 1 } });

type Answer<T> = { data?: T; errors?: Array<{ message: string; extensions?: { code?: string; userFriendlyMessage?: string } }> };
async function post<T>(
  token: string,
  endpoint: 'graphql' | 'metadata',
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Answer<T>> {
  const res = await fetch(`${sandbox.url}/${endpoint}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Answer<T>;
}

let firstDeployWrites: string[] = [];
const users: Record<'wang' | 'li', { workspaceMemberId: string; token: string }> = {} as never;
const leads: Record<'wang' | 'li' | 'none', string> = {} as never;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, enterprise: true });
  pack = await validPack(RLS_PACK);
  const prepared = await preparePlan(client(), pack, {});
  expect(prepared.plan.notes).toBeUndefined();
  const role = prepared.plan.changes.find((c) => c.kind === 'role');
  expect(role).toMatchObject({ action: 'create', title: 'role "线索经理"' });
  expect(role?.diffs).toContainEqual({ property: 'row-level rules', from: null, to: '1 row-level rule' });
  const before = sandbox.requests().length;
  const applied = await applyPlan(client(), prepared.plan, prepared.actual, prepared.caps, { report: () => {} });
  if (!applied.ok) throw new Error(`deploy failed: ${applied.failure?.change}: ${applied.failure?.message}`);
  firstDeployWrites = sandbox
    .requests()
    .slice(before)
    .filter((r) => r.write)
    .map((r) => r.operationName ?? '');

  const roleId = (await readRoles(client())).roles.find((r) => r.label === '线索经理')!.id;
  for (const [key, name, email] of [
    ['wang', '磊', 'wang.lei@bank.example'],
    ['li', '芳', 'li.fang@bank.example'],
  ] as const) {
    users[key] = sandbox.addUser({ firstName: name, lastName: key }, email);
    const set = await post(
      sandbox.userToken,
      'metadata',
      'mutation($m: UUID!, $r: UUID!) { updateWorkspaceMemberRole(workspaceMemberId: $m, roleId: $r) { id } }',
      { m: users[key].workspaceMemberId, r: roleId },
    );
    expect(set.errors).toBeUndefined();
  }
  // Written with the deploy's API key, which no rule restricts.
  const made = await post<{ createSalesLeads: Array<{ id: string; name: string }> }>(
    sandbox.apiKey,
    'graphql',
    'mutation($d: [SalesLeadCreateInput!]!) { createSalesLeads(data: $d) { id name } }',
    {
      d: [
        { name: '王的线索', ownerId: users.wang.workspaceMemberId },
        { name: '李的线索', ownerId: users.li.workspaceMemberId },
        { name: '无人负责' },
      ],
    },
  );
  const id = (name: string): string => made.data!.createSalesLeads.find((l) => l.name === name)!.id;
  Object.assign(leads, { wang: id('王的线索'), li: id('李的线索'), none: id('无人负责') });
}, 120_000);
afterAll(async () => sandbox.close());

describe('row-level rules on an Enterprise server', () => {
  it('are sent with the role', () => {
    expect(firstDeployWrites).toContain('BankpackRowLevelRules');
  });

  it('a manager sees only the leads they own; the API key sees all', async () => {
    const list = '{ salesLeads(orderBy: [{ name: AscNullsLast }]) { edges { node { name } } } }';
    const names = (a: Answer<{ salesLeads: { edges: Array<{ node: { name: string } }> } }>): string[] =>
      a.data!.salesLeads.edges.map((e) => e.node.name);
    expect(names(await post(users.wang.token, 'graphql', list))).toEqual(['王的线索']);
    expect(names(await post(users.li.token, 'graphql', list))).toEqual(['李的线索']);
    expect(names(await post(sandbox.apiKey, 'graphql', list))).toHaveLength(3);
    const other = await post(users.wang.token, 'graphql', 'query($id: UUID!) { salesLead(filter: { id: { eq: $id } }) { name } }', {
      id: leads.li,
    });
    expect(other.errors?.[0]).toMatchObject({ message: 'Record not found', extensions: { code: 'NOT_FOUND' } });
  });

  it("a manager cannot update another's lead, nor hand their own away, nor create one for someone else", async () => {
    const update = 'mutation($id: UUID!, $d: SalesLeadUpdateInput!) { updateSalesLead(id: $id, data: $d) { name } }';
    const others = await post(users.wang.token, 'graphql', update, { id: leads.li, d: { name: '改了' } });
    expect(others.errors?.[0]).toMatchObject({ message: 'Record not found', extensions: { code: 'NOT_FOUND' } });
    const away = await post(users.wang.token, 'graphql', update, { id: leads.wang, d: { ownerId: users.li.workspaceMemberId } });
    expect(away.errors?.[0]).toMatchObject({
      message: 'Updated record does not satisfy row-level security constraints of your current role',
      extensions: { code: 'BAD_USER_INPUT', userFriendlyMessage: 'Record does not satisfy security constraints.' },
    });
    const create = 'mutation($d: SalesLeadCreateInput!) { createSalesLead(data: $d) { name } }';
    const forLi = await post(users.wang.token, 'graphql', create, { d: { name: '替李建的', ownerId: users.li.workspaceMemberId } });
    expect(forLi.errors?.[0]).toMatchObject({
      message: 'Record does not satisfy row-level security constraints of your current role',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const own = await post<{ updateSalesLead: { name: string } }>(users.wang.token, 'graphql', update, {
      id: leads.wang,
      d: { name: '王的线索（已跟进）' },
    });
    expect(own.data?.updateSalesLead.name).toBe('王的线索（已跟进）');
    const lis = await post<{ salesLead: { name: string } }>(
      sandbox.apiKey,
      'graphql',
      'query($id: UUID!) { salesLead(filter: { id: { eq: $id } }) { name } }',
      { id: leads.li },
    );
    expect(lis.data?.salesLead.name).toBe('李的线索');
  });

  it('re-deploy: nothing to change, nothing written', async () => {
    const prepared = await preparePlan(client(), pack, {});
    expect(prepared.plan.changes).toEqual([]);
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

  it('pull writes the rule back; the pulled pack plans with no changes', async () => {
    const c = client();
    const [objects, views, app, roles] = await Promise.all([readObjects(c), readViews(c), readCustomApplicationId(c), readRoles(c)]);
    const files = pullFiles(
      { objects, views, records: {}, locales: [] },
      { customApplicationId: app ?? '', defaultLocale: 'zh-CN', roles, manifest: { name: 'pulled', locales: ['zh-CN'] } },
    );
    const dir = await mkdtemp(join(tmpdir(), 'bankpack-pull-rls-'));
    for (const f of files) {
      await mkdir(dirname(join(dir, f.path)), { recursive: true });
      await writeFile(join(dir, f.path), f.text);
    }
    const roleFile = files.find((f) => f.path.startsWith('roles/'))!.text;
    expect(roleFile).toMatch(
      /rowLevelPermissionPredicates:[\s\S]*fieldUniversalIdentifier: owner[\s\S]*isCurrentWorkspaceMemberSelected: true/,
    );
    const pulled = await validatePack(dir);
    expect(pulled.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    expect((await preparePlan(c, pulled.valid!, {})).plan.changes).toEqual([]);
  });

  it('a rule dropped from the file is removed, and the manager sees every lead again', async () => {
    const roles = pack.roles.map((r) => ({ ...r, rowLevelPermissionPredicates: [] }));
    const prepared = await preparePlan(client(), { ...pack, roles }, {});
    expect(prepared.plan.changes.map((c) => c.diffs)).toEqual([
      [{ property: 'row-level rules', from: '1 row-level rule', to: '0 row-level rules' }],
    ]);
    const applied = await applyPlan(client(), prepared.plan, prepared.actual, prepared.caps, { report: () => {} });
    expect(applied.ok).toBe(true);
    const all = await post<{ salesLeads: { edges: unknown[] } }>(users.wang.token, 'graphql', '{ salesLeads { edges { node { id } } } }');
    expect(all.data?.salesLeads.edges).toHaveLength(3);
  });
});

describe('bankpack sandbox --enterprise', () => {
  it('says so and answers as a server that offers row-level rules', async () => {
    const root = join(import.meta.dirname, '..', '..');
    const child = spawn(process.execPath, [join(root, 'bin', 'bankpack.mjs'), 'sandbox', '--port', '0', '--enterprise'], { cwd: root });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL after 30 s: ${out}`)), 30_000);
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m?.[1] && out.includes('Press Ctrl-C')) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    try {
      expect(out).toContain('enterprise:   on');
      const res = await fetch(`${url}/metadata`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer sandbox-dev-key', Accept: 'application/json' },
        body: JSON.stringify({ query: '{ currentWorkspace { hasValidEnterpriseValidityToken billingEntitlements { key value } } }' }),
      });
      expect(await res.json()).toEqual({
        data: { currentWorkspace: { hasValidEnterpriseValidityToken: true, billingEntitlements: [{ key: 'RLS', value: true }] } },
      });
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
  }, 40_000);
});
