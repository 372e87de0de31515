// Row-level rules on a server that does not offer them (Twenty without Enterprise): the
// plan says so once per role, the deploy carries everything else and succeeds, and the
// next plan is empty. Enterprise servers: row-level.e2e.test.ts.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan, planToJson, preparePlan, renderPlan } from '../../src/deploy/index.ts';
import type { ValidPack } from '../../src/pack/index.ts';
import { TwentyClient } from '../../src/twenty/index.ts';
import { startSandbox, type Sandbox } from 'twenty-sandbox';
import { validPack } from '../support/valid-pack.ts';

const RLS_PACK = join(import.meta.dirname, 'fixtures', 'rls-pack');
let sandbox: Sandbox;
let pack: ValidPack;
const client = (): TwentyClient => new TwentyClient({ url: sandbox.url, apiKey: sandbox.apiKey, pacing: { perMinute: 0, burst: 1 } });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  pack = await validPack(RLS_PACK);
}, 60_000);
afterAll(async () => sandbox.close());

describe('row-level rules on an ordinary server', () => {
  it('the plan says, once per role, they are not deployed; the deploy succeeds and the next plan is empty', async () => {
    const prepared = await preparePlan(client(), pack, {});
    const note = 'row-level rules of role "线索经理" not deployed: this server does not offer them (Twenty Enterprise)';
    expect(prepared.plan.notes).toEqual({ roles: [note] });
    expect(
      renderPlan(prepared.plan, { color: false })
        .split('\n')
        .filter((l) => l.includes('row-level')),
    ).toEqual([`  · ${note}`]);
    expect((planToJson(prepared.plan) as { notes: unknown }).notes).toEqual({ roles: [note] });
    const role = prepared.plan.changes.find((c) => c.kind === 'role');
    expect(role?.diffs?.map((d) => d.property)).not.toContain('row-level rules');

    const applied = await applyPlan(client(), prepared.plan, prepared.actual, prepared.caps, { report: () => {} });
    expect(applied.ok, applied.failure?.message).toBe(true);
    expect(sandbox.requests().map((r) => r.operationName)).not.toContain('BankpackRowLevelRules');

    const again = await preparePlan(client(), pack, {});
    expect(again.plan.changes).toEqual([]);
    expect(again.plan.notes).toEqual({ roles: [note] });
  });
});
