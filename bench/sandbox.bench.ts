// The sandbox under the load the jobs put on it (issue 8): 100,000 records
// written 60 per call, read back in pages of the largest size, and bulk-updated
// 100 at a time by `id: { in: [...] }`. Paging must stay near O(page).
import { gql } from 'graphql-request';
import { startTestSandbox } from 'twenty-sandbox/fixtures';
import type { BenchRow, Benchmark } from './types.ts';

const RECORDS = 100_020;
const PAGE = 200;

const bench: Benchmark = {
  name: 'sandbox: 100k records',
  async run(): Promise<BenchRow[]> {
    const t = await startTestSandbox();
    try {
      const batch = Array.from({ length: 60 }, (_, i) => ({ name: `Company ${i}`, employees: i }));
      let started = performance.now();
      for (let i = 0; i < RECORDS / 60; i++) {
        await t.graphql.request(
          gql`
            mutation ($d: [CompanyCreateInput!]!) {
              createCompanies(data: $d) {
                id
              }
            }
          `,
          { d: batch },
        );
      }
      const createMs = performance.now() - started;

      started = performance.now();
      let after: string | null = null;
      let pages = 0;
      const ids: string[] = [];
      for (;;) {
        type Page = { companies: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
        const res: Page = await t.graphql.request<Page>(
          gql`query($after: String) { companies(first: ${PAGE}, after: $after) { edges { node { id name employees } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        pages++;
        ids.push(...res.companies.edges.map((e) => e.node.id));
        if (!res.companies.pageInfo.hasNextPage) break;
        after = res.companies.pageInfo.endCursor;
      }
      const readMs = performance.now() - started;

      started = performance.now();
      for (let i = 0; i < 100; i++) {
        await t.graphql.request(
          gql`
            mutation ($ids: [UUID!]) {
              updateCompanies(filter: { id: { in: $ids } }, data: { employees: 1 }) {
                id
              }
            }
          `,
          { ids: ids.slice(i * 100, (i + 1) * 100) },
        );
      }
      const updateMs = performance.now() - started;
      return [
        { name: 'sandbox: create 100k records, 60 per request', value: Math.round((RECORDS / createMs) * 1000), unit: 'records/s' },
        {
          name: 'sandbox: read 100k records, pages of 200',
          value: Math.round((ids.length / readMs) * 1000),
          unit: 'records/s',
          baseline: Math.ceil(RECORDS / PAGE),
          baselineName: 'minimum pages',
          ratio: pages / Math.ceil(RECORDS / PAGE),
          target: 'ratio <= 1.01 and seconds, not minutes',
          ok: pages <= Math.ceil(RECORDS / PAGE) + 1 && readMs < 30_000,
        },
        { name: 'sandbox: bulk update by id in [100 ids]', value: Math.round(updateMs / 100), unit: 'ms/request' },
      ];
    } finally {
      await t.sandbox.close();
    }
  },
};

export default bench;
