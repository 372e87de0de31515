// Resumability under faults. For every request N of a fresh deploy, strike request
// N (a dropped connection, a 503, or a connection dropped after the write ran),
// let that run fail or recover, then deploy again without faults: the workspace
// must end exactly as the pack defines it, with nothing duplicated and the
// records that were there before untouched.
import { describe, expect, it } from 'vitest';
import { hasChanges } from '../../src/deploy/index.ts';
import type { FaultRule } from 'twenty-sandbox';
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

const COMPANIES = `{ companies(first: 60) { edges { node { id name updatedAt } } } }`;

async function preExisting(sb: Sandbox): Promise<string> {
  const client = clientFor(sb);
  for (const name of ['Acme Holdings', '华东实业集团']) {
    await client.core(
      'mutation($name: String) { createCompany(data: { name: $name }) { id } }',
      { name },
      { operation: 'create a company', write: true },
    );
  }
  return JSON.stringify(await client.core(COMPANIES, undefined, { operation: 'read companies' }));
}

interface Target {
  dir: string;
  sandbox: () => Promise<Sandbox>;
}
const MINI: Target = { dir: MINI_PACK, sandbox: () => miniSandbox() };
const REPO: Target = { dir: REPO_PACK, sandbox: () => packSandbox() };

async function freshDeployRequests(target: Target): Promise<number> {
  const sb = await target.sandbox();
  try {
    const pack = await loadPack(target.dir);
    const before = sb.requests().length;
    const { report } = await deployOnce(sb, pack);
    if (!report?.ok) throw new Error(`the fault-free deploy failed: ${report?.failure?.message}`);
    return sb.requests().length - before;
  } finally {
    await sb.close();
  }
}

/** One N: fault at request N, then a clean run. Returns what is wrong, or [] when it converged. */
async function strikeAndRerun(target: Target, rule: Omit<FaultRule, 'at'>, n: number): Promise<string[]> {
  const sb = await target.sandbox();
  try {
    const pack = await loadPack(target.dir);
    const companies = await preExisting(sb);
    sb.setFaults([{ ...rule, at: n } as FaultRule]);
    await deployOnce(sb, pack);
    sb.setFaults([]);
    const { report, error } = await deployOnce(sb, pack);
    const wrong: string[] = [];
    if (error || !report?.ok) wrong.push(`second run failed: ${report?.failure?.message ?? String(error)}`);
    // Workflows need a user token the tests do not have: they stay planned, and are checked elsewhere.
    const plan = await planOf(sb, pack);
    plan.changes = plan.changes.filter((c) => c.kind !== 'workflow');
    if (hasChanges(plan)) wrong.push(`plan not empty: ${plan.changes.map((c) => `${c.action} ${c.object} ${c.title}`).join('; ')}`);
    const strays = plan.changes.filter((c) => c.action === 'not-in-pack' || c.action === 'conflict');
    if (strays.length > 0) wrong.push(`unexpected: ${strays.map((c) => c.title).join('; ')}`);
    wrong.push(...(await duplicates(sb, pack)).map((d) => `duplicate ${d}`));
    const after = JSON.stringify(await clientFor(sb).core(COMPANIES, undefined, { operation: 'read companies' }));
    const kept = (JSON.parse(companies) as { companies: { edges: Array<{ node: unknown }> } }).companies.edges.map((e) =>
      JSON.stringify(e.node),
    );
    for (const k of kept) if (!after.includes(k)) wrong.push(`pre-existing company changed: ${k}`);
    return wrong;
  } finally {
    await sb.close();
  }
}

const FAULTS: Array<{ name: string; rule: Omit<FaultRule, 'at'> }> = [
  { name: 'a dropped connection', rule: { kind: 'drop', phase: 'before' } },
  { name: 'an HTTP 503', rule: { kind: 'http503', phase: 'before' } },
  { name: 'a connection dropped after the write ran', rule: { kind: 'drop', phase: 'after' } },
];

describe('a deploy cut off at any request converges when run again', () => {
  // Each case counts the fresh deploy's requests itself, so any one runs alone (`-t`).
  let counted: Promise<number> | undefined;
  const requestsOfAFreshDeploy = (): Promise<number> => (counted ??= freshDeployRequests(MINI));

  it('counts the requests of a fresh deploy', async () => {
    expect(await requestsOfAFreshDeploy()).toBeGreaterThan(20);
  });

  for (const { name, rule } of FAULTS) {
    it(`${name} at each request`, async () => {
      const total = await requestsOfAFreshDeploy();
      const failures: string[] = [];
      for (let n = 1; n <= total; n++) {
        const wrong = await strikeAndRerun(MINI, rule, n);
        if (wrong.length > 0) failures.push(`N=${n}: ${wrong.join(' | ')}`);
      }
      process.stderr.write(`faults: ${name}: ${total - failures.length} of ${total} runs converged\n`);
      expect(failures).toEqual([]);
    }, 300_000);
  }
});

describe('the repo pack cut off at points spread over its fresh deploy converges too', () => {
  it('a connection dropped after the write ran, at 6 points from the first object to the last seed', async () => {
    const total = await freshDeployRequests(REPO);
    const points = [0.02, 0.15, 0.35, 0.55, 0.8, 0.97].map((q) => Math.max(1, Math.round(q * total)));
    const failures: string[] = [];
    for (const n of points) {
      const wrong = await strikeAndRerun(REPO, { kind: 'drop', phase: 'after' }, n);
      if (wrong.length > 0) failures.push(`N=${n}: ${wrong.join(' | ')}`);
    }
    process.stderr.write(
      `faults: repo pack (${total} requests): ${points.length - failures.length} of ${points.length} sampled runs converged (N = ${points.join(', ')})\n`,
    );
    expect(failures).toEqual([]);
  }, 300_000);
});
