// Fault injection and persistence: the sandbox-only machinery that
// deploy's reliability tests and the benchmarks stand on.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gql } from 'graphql-request';
import { afterEach, describe, expect, it } from 'vitest';
import { rawPost, startTestSandbox, type TestSandbox } from '../../src/fixtures/clients.ts';

let t: TestSandbox | undefined;
afterEach(async () => {
  await t?.sandbox.close();
  t = undefined;
});

const CREATE = JSON.stringify({ query: 'mutation AddCompany { createCompany(data: { name: "Faulty" }) { id } }' });
const companies = (s: TestSandbox): number => s.sandbox.workspace.table(s.sandbox.workspace.objectByName('company')?.id ?? '').size;
const post = (s: TestSandbox, body = CREATE): ReturnType<typeof rawPost> =>
  rawPost(`${s.sandbox.url}/graphql`, body, { Authorization: `Bearer ${s.sandbox.apiKey}`, Accept: 'application/json' });
const setFaults = async (s: TestSandbox, rules: unknown): Promise<Response> =>
  fetch(`${s.sandbox.url}/_sandbox/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(rules),
  });

describe('faults', () => {
  it('answers 500, 503 and 429 with Retry-After at the Nth request, before executing', async () => {
    t = await startTestSandbox();
    expect(
      (
        await setFaults(t, [
          { kind: 'http500', at: 1 },
          { kind: 'http503', at: 2 },
          { kind: 'http429', at: 3, retryAfter: 7 },
        ])
      ).status,
    ).toBe(200);
    expect((await post(t)).status).toBe(500);
    expect((await post(t)).status).toBe(503);
    const limited = await post(t);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(companies(t)).toBe(0);
    expect((await post(t)).status).toBe(200);
    expect(companies(t)).toBe(1);
    expect(t.sandbox.requests().map((r) => [r.status, r.fault ?? null])).toEqual([
      [500, 'http500:before'],
      [503, 'http503:before'],
      [429, 'http429:before'],
      [200, null],
    ]);
  });

  it('drops the connection without an answer; after the operation ran when phase is "after"', async () => {
    t = await startTestSandbox({
      faults: [
        { kind: 'drop', at: 1 },
        { kind: 'drop', at: 2, phase: 'after' },
      ],
    });
    await expect(post(t)).rejects.toThrow();
    expect(companies(t)).toBe(0);
    await expect(post(t)).rejects.toThrow();
    // The write took effect although its answer was lost: a blind retry would duplicate it.
    expect(companies(t)).toBe(1);
    expect(t.sandbox.requests().map((r) => [r.status, r.write, r.fault])).toEqual([
      [0, true, 'drop:before'],
      [0, true, 'drop:after'],
    ]);
  });

  it('adds latency and strikes at a seeded rate, the same requests on every run', async () => {
    const run = async (): Promise<number[]> => {
      const s = await startTestSandbox({ faults: [{ kind: 'http503', rate: 0.3, seed: 42 }] });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await post(s, JSON.stringify({ query: '{ companies { totalCount } }' }))).status);
      await s.sandbox.close();
      return statuses;
    };
    const first = await run();
    expect(first).toEqual(await run());
    expect(first.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(0);
    t = await startTestSandbox({ faults: [{ kind: 'latency', ms: 150, at: 1 }] });
    const started = Date.now();
    expect((await post(t)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('rejects malformed fault rules with a message', async () => {
    t = await startTestSandbox();
    const res = await setFaults(t, [{ kind: 'explode', at: 1 }]);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'fault 0: kind must be one of latency, http500, http503, http429, drop' });
  });
});

describe('state file', () => {
  it('keeps objects, fields and records across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-state-'));
    const statePath = join(dir, 'workspace.json');
    try {
      t = await startTestSandbox({ statePath });
      await t.metadata.request(gql`
        mutation {
          createOneObject(
            input: { object: { nameSingular: "branch", namePlural: "branches", labelSingular: "Branch", labelPlural: "Branches" } }
          ) {
            id
          }
        }
      `);
      await t.graphql.request(gql`
        mutation {
          createBranch(data: { name: "Pudong" }) {
            id
          }
        }
      `);
      await t.sandbox.close();
      t = await startTestSandbox({ statePath });
      const res = await t.graphql.request<{ branches: { edges: Array<{ node: { name: string } }> } }>(gql`
        {
          branches {
            edges {
              node {
                name
              }
            }
          }
        }
      `);
      expect(res.branches.edges.map((e) => e.node.name)).toEqual(['Pudong']);
    } finally {
      await t?.sandbox.close();
      t = undefined;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
