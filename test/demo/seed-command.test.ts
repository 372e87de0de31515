// `bankpack seed --demo` against the sandbox with the pack deployed: the demo set is
// created with its relations, a second run creates nothing, and what a job changed in a
// demo record since is kept.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { applyPlan, preparePlan } from '../../src/deploy/index.ts';
import { TwentyClient } from '../../src/twenty/index.ts';
import { startSandbox, type Sandbox } from 'twenty-sandbox';
import { validPack } from '../support/valid-pack.ts';

const REPO = join(import.meta.dirname, '..', '..');
let sb: Sandbox;
let client: TwentyClient;

async function seed(...args: string[]): Promise<{ code: number; out: string; writes: number }> {
  const before = sb.requests().length;
  let out = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.stubEnv('TWENTY_API_KEY', sb.apiKey);
  try {
    const code = await main(['seed', '--dir', REPO, '--url', sb.url, '--rate-limit', '0', ...args]);
    return {
      code,
      out,
      writes: sb
        .requests()
        .slice(before)
        .filter((r) => r.write).length,
    };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    vi.unstubAllEnvs();
  }
}

beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
  client = new TwentyClient({ url: sb.url, apiKey: sb.apiKey, pacing: { perMinute: 0, burst: 1 } });
  const pack = await validPack(REPO);
  // The schema and reference data, as `bankpack deploy` leaves them (workflows are not needed here).
  const prepared = await preparePlan(client, { ...pack, workflows: [] });
  const report = await applyPlan(client, prepared.plan, prepared.actual, prepared.caps);
  if (!report.ok) throw new Error(`deploy failed: ${report.failure?.message}`);
}, 60_000);
afterAll(async () => sb.close());

describe('bankpack seed', () => {
  it('without --demo finds the reference data deploy loaded, and writes nothing', async () => {
    const r = await seed();
    expect(r).toMatchObject({ code: 0, writes: 0 });
    expect(r.out).toContain('No changes: every seed record is there.');
    expect(r.out).not.toContain('demo ');
  });

  it('with --demo creates the demo set, each relation pointing at the right record', async () => {
    const r = await seed('--demo');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/company\s+demo\s+60 created, 0 unchanged/);
    expect(r.writes).toBeGreaterThan(0);
    const data = await client.core<{
      intelLeads: {
        edges: Array<{ node: { name: string; targetCompany: { name: string } | null; claimedBy: { employeeNo: string } | null } }>;
      };
    }>('query { intelLeads(first: 60) { edges { node { name targetCompany { name } claimedBy { employeeNo } } } } }', undefined, {
      operation: 'read leads',
    });
    const leads = new Map(data.intelLeads.edges.map((e) => [e.node.name, e.node]));
    // seeds/demo/31-intel-leads.seed.yaml: targetCompany: { name: 临港新能源科技有限公司 }
    expect(leads.get('临港新能源 储能电站二期建设资金需求')?.targetCompany?.name).toBe('临港新能源科技有限公司');
    expect([...leads.values()].filter((l) => l.claimedBy !== null).length).toBeGreaterThan(0);
  });

  it('a second --demo run creates nothing and keeps what changed in a demo record since', async () => {
    const companies = await client.core<{ companies: { edges: Array<{ node: { id: string } }> } }>(
      'query { companies(filter: { name: { eq: "华鑫药业股份有限公司" } }) { edges { node { id } } } }',
      undefined,
      { operation: 'find a company' },
    );
    const id = companies.companies.edges[0]?.node.id;
    await client.core(
      'mutation($id: UUID!) { updateCompany(id: $id, data: { clientTier: GOLD }) { id } }',
      { id },
      { operation: 'change a tier', write: true },
    );
    const r = await seed('--demo');
    expect(r).toMatchObject({ code: 0, writes: 0 });
    expect(r.out).toContain('No changes: every seed record is there.');
    expect(r.out).toMatch(/company\s+demo\s+0 created, 59 unchanged, 1 changed since loading, kept/);
  });
});
