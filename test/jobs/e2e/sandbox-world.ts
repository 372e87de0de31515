// A sandbox with the pack's objects and fields deployed (the real names and options; no
// views, workflows or seed records: each test loads its own small world), a paced-off Twenty client for the
// jobs, and a plain graphql-request client for the tests' own data.
import { GraphQLClient } from 'graphql-request';
import { join } from 'node:path';
import { applyPlan, preparePlan } from '../../../src/deploy/index.ts';
import type { JobName } from '../../../src/jobs/index.ts';
import { runPackJob, type RunOptions, type RunOutcome } from '../../../src/ops/index.ts';
import { TwentyClient } from '../../../src/twenty/index.ts';
import { MINI_CATALOGUE } from 'twenty-sandbox/fixtures';
import { startSandbox, type Sandbox } from 'twenty-sandbox';
import { validPack } from '../../support/valid-pack.ts';

export const REPO = join(import.meta.dirname, '../../..');
export const STUB_PACK = join(import.meta.dirname, '../fixtures/pack');

export interface JobSandbox {
  sandbox: Sandbox;
  gql: GraphQLClient;
  client(): TwentyClient;
  /** Creates records through the records API (60 per call), returns their ids in order. */
  create(plural: string, singular: string, records: Array<Record<string, unknown>>): Promise<string[]>;
  /** Every record of an object, with the given fields. */
  all<T = Record<string, unknown>>(plural: string, fields: string, filter?: Record<string, unknown>): Promise<Array<T & { id: string }>>;
  /** Runs a job; `writes` counts the mutations the sandbox received meanwhile. */
  run(
    job: JobName,
    options?: Partial<RunOptions>,
  ): Promise<{ outcome: Extract<RunOutcome, { ok: true }>; writes: number; requests: number; client: TwentyClient }>;
  close(): Promise<void>;
}

const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export async function startJobSandbox(): Promise<JobSandbox> {
  // The small standard catalogue (company, person, workspaceMember…) is all the pack extends.
  const sandbox = await startSandbox({ port: 0, standardObjects: MINI_CATALOGUE });
  const client = (): TwentyClient => new TwentyClient({ url: sandbox.url, apiKey: sandbox.apiKey, pacing: { perMinute: 0, burst: 1 } });
  const pack = await validPack(REPO);
  const stubs = await validPack(STUB_PACK);
  const deployer = client();
  // Objects and fields only: what the jobs read and write (views, workflows and seeds are not theirs).
  const prepared = await preparePlan(deployer, { ...pack, seeds: [], views: [], workflows: [], roles: [] }, {});
  const applied = await applyPlan(deployer, prepared.plan, prepared.actual, prepared.caps, { allowDataLoss: false, report: () => {} });
  if (!applied.ok) throw new Error('deploying the pack into the sandbox failed');
  const gql = new GraphQLClient(`${sandbox.url}/graphql`, {
    headers: { Authorization: `Bearer ${sandbox.apiKey}`, Accept: 'application/json' },
  });

  return {
    sandbox,
    gql,
    client,
    async create(plural, singular, records) {
      const ids: string[] = [];
      for (let i = 0; i < records.length; i += 60) {
        const res = await gql.request<Record<string, Array<{ id: string }>>>(
          `mutation($data: [${pascal(singular)}CreateInput!]!) { create${pascal(plural)}(data: $data) { id } }`,
          { data: records.slice(i, i + 60) },
        );
        ids.push(...(res[`create${pascal(plural)}`] ?? []).map((r) => r.id));
      }
      return ids;
    },
    async all<T>(plural: string, fields: string, filter?: Record<string, unknown>) {
      const out: Array<T & { id: string }> = [];
      let after: string | null = null;
      const singular = [...sandbox.workspace.objects.values()].find((o) => o.namePlural === plural)?.nameSingular ?? plural;
      for (;;) {
        type Page = Record<
          string,
          { edges: Array<{ node: T & { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } }
        >;
        const res: Page = await gql.request<Page>(
          `query($after: String, $filter: ${pascal(singular)}FilterInput) { ${plural}(first: 200, after: $after, filter: $filter) { edges { node { id ${fields} } } pageInfo { hasNextPage endCursor } } }`,
          { after, filter: filter ?? null },
        );
        const page = res[plural];
        if (!page) throw new Error(`no ${plural} in the answer`);
        out.push(...page.edges.map((e) => e.node));
        if (!page.pageInfo.hasNextPage) return out;
        after = page.pageInfo.endCursor;
      }
    },
    async run(job, options = {}) {
      const before = sandbox.requests().length;
      const c = client();
      const outcome = await runPackJob(job, { pack: stubs, transport: c, dryRun: false, ...options });
      if (!outcome.ok) throw new Error(`policy problems: ${outcome.problems.map((p) => p.message).join('; ')}`);
      const log = sandbox.requests().slice(before);
      return { outcome, writes: log.filter((r) => r.write).length, requests: log.length, client: c };
    },
    close: () => sandbox.close(),
  };
}
