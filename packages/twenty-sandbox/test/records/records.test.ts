// The contract flow deploy and jobs rely on: a custom object with SELECT,
// CURRENCY and RELATION fields created on /metadata, then its records written
// and paged on /graphql with graphql-request. Expectations cite Twenty's source.
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, type TestSandbox } from '../../src/fixtures/clients.ts';
import { LEAD, startLeadsSandbox, type Lead } from './records-setup.ts';

let t: TestSandbox;
let companyId = '';
beforeAll(async () => {
  ({ t, companyId } = await startLeadsSandbox());
});
afterAll(async () => t.sandbox.close());

// One sequence: each step works on the records the steps before it left.
describe('records of a custom object', () => {
  it('creates records with client ids, defaults, composite values and the join column', async () => {
    const id = '6a1d7f4e-2b3c-4d5e-8f90-1a2b3c4d5e6f';
    const res = await t.graphql.request<{ createIntelLead: Lead }>(
      gql`mutation($data: IntelLeadCreateInput!) { createIntelLead(data: $data) { ${LEAD} } }`,
      { data: { id, name: 'First', estimatedDeposits: { amountMicros: 5_000_000_000, currencyCode: 'CNY' }, companyId } },
    );
    // SELECT default "'COLLECTED'" unquoted; createdBy source API for an API key (actor composite).
    expect(res.createIntelLead).toEqual({
      id,
      name: 'First',
      stage: 'COLLECTED',
      estimatedDeposits: { amountMicros: 5_000_000_000, currencyCode: 'CNY' },
      companyId,
      company: { name: 'Acme Bank' },
      createdBy: { source: 'API' },
    });
    const dup = await failureOf(
      t.graphql.request(
        gql`
          mutation ($data: IntelLeadCreateInput!) {
            createIntelLead(data: $data) {
              id
            }
          }
        `,
        { data: { id, name: 'Again' } },
      ),
    );
    expect(dup.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const upserted = await t.graphql.request<{ createIntelLead: Lead }>(
      gql`mutation($data: IntelLeadCreateInput!) { createIntelLead(data: $data, upsert: true) { ${LEAD} } }`,
      { data: { id, name: 'First (upserted)' } },
    );
    expect(upserted.createIntelLead.name).toBe('First (upserted)');
    expect(upserted.createIntelLead.estimatedDeposits.currencyCode).toBe('CNY');
  });

  it('rejects an option value that is not in the enum and a misspelt input field', async () => {
    const bad = await failureOf(
      t.graphql.request(gql`
        mutation {
          createIntelLead(data: { name: "x", stage: LOST }) {
            id
          }
        }
      `),
    );
    expect(bad.errors[0]).toMatchObject({
      message: 'Value "LOST" does not exist in "IntelLeadStageEnum" enum.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const misspelt = await failureOf(
      t.graphql.request(gql`
        mutation {
          createIntelLead(data: { nmae: "x" }) {
            id
          }
        }
      `),
    );
    expect(misspelt.errors[0]?.message).toBe('Field "nmae" is not defined by type "IntelLeadCreateInput". Did you mean "name"?');
  });

  it('creates 200 (QUERY_MAX_RECORDS) per call at most and pages with Twenty cursors (default 60, id ascending)', async () => {
    const batch = (n: number, from: number): Array<Record<string, unknown>> =>
      Array.from({ length: n }, (_, i) => ({ name: `Lead ${from + i}`, stage: i % 2 ? 'PUBLISHED' : 'COLLECTED' }));
    const tooMany = await failureOf(
      t.graphql.request(
        gql`
          mutation ($data: [IntelLeadCreateInput!]!) {
            createIntelLeads(data: $data) {
              id
            }
          }
        `,
        { data: batch(201, 0) },
      ),
    );
    expect(tooMany.errors[0]?.message).toBe('Maximum number of records to upsert is 200.');
    for (let i = 0; i < 3; i++)
      await t.graphql.request(
        gql`
          mutation ($data: [IntelLeadCreateInput!]!) {
            createIntelLeads(data: $data) {
              id
            }
          }
        `,
        { data: batch(60, i * 60) },
      );
    type Page = {
      intelLeads: {
        totalCount: number;
        edges: Array<{ node: { id: string }; cursor: string }>;
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
      };
    };
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: Page = await t.graphql.request<Page>(
        gql`
          query ($after: String) {
            intelLeads(after: $after) {
              totalCount
              edges {
                node {
                  id
                }
                cursor
              }
              pageInfo {
                hasNextPage
                hasPreviousPage
                endCursor
              }
            }
          }
        `,
        { after },
      );
      pages++;
      expect(res.intelLeads.totalCount).toBe(181);
      expect(res.intelLeads.pageInfo.hasPreviousPage).toBe(false);
      seen.push(...res.intelLeads.edges.map((e) => e.node.id));
      if (!res.intelLeads.pageInfo.hasNextPage) break;
      after = res.intelLeads.pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(seen).toHaveLength(181);
    expect(seen).toEqual([...seen].sort());
    const tooBig = await failureOf(
      t.graphql.request(gql`
        {
          intelLeads(first: 201) {
            totalCount
          }
        }
      `),
    );
    expect(tooBig.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const conflict = await failureOf(
      t.graphql.request(gql`
        {
          intelLeads(first: 2, last: 2) {
            totalCount
          }
        }
      `),
    );
    expect(conflict.errors[0]?.message).toBe('Cannot provide both first and last');
  });

  it('filters (eq, in, like, is NULL, sub-fields, and/or/not) and orders', async () => {
    type Res = { intelLeads: { totalCount: number; edges: Array<{ node: { name: string } }> } };
    const q = (filter: unknown, orderBy?: unknown): Promise<Res> =>
      t.graphql.request<Res>(
        gql`
          query ($filter: IntelLeadFilterInput, $orderBy: [IntelLeadOrderByInput!]) {
            intelLeads(filter: $filter, orderBy: $orderBy, first: 200) {
              totalCount
              edges {
                node {
                  name
                }
              }
            }
          }
        `,
        { filter, orderBy },
      );
    expect((await q({ name: { eq: 'Lead 7' } })).intelLeads.totalCount).toBe(1);
    expect((await q({ stage: { in: ['PUBLISHED'] } })).intelLeads.totalCount).toBe(90);
    expect((await q({ name: { like: 'Lead 1%' } })).intelLeads.totalCount).toBe(91); // Lead 1, 10–19, 100–179
    expect((await q({ companyId: { is: 'NOT_NULL' } })).intelLeads.totalCount).toBe(1);
    expect((await q({ estimatedDeposits: { currencyCode: { eq: 'CNY' } } })).intelLeads.totalCount).toBe(1);
    expect((await q({ or: [{ name: { eq: 'Lead 1' } }, { name: { eq: 'Lead 2' } }] })).intelLeads.totalCount).toBe(2);
    expect((await q({ not: { stage: { in: ['PUBLISHED'] } } })).intelLeads.totalCount).toBe(91);
    const ordered = await q({ name: { in: ['Lead 3', 'Lead 10', 'Lead 2'] } }, [{ name: 'DescNullsLast' }]);
    expect(ordered.intelLeads.edges.map((e) => e.node.name)).toEqual(['Lead 3', 'Lead 2', 'Lead 10']);
  });

  it('bulk-updates by id in [...] up to 100 records, soft-deletes and restores', async () => {
    const all = await t.graphql.request<{ intelLeads: { edges: Array<{ node: { id: string } }> } }>(gql`
      {
        intelLeads(first: 200) {
          edges {
            node {
              id
            }
          }
        }
      }
    `);
    const ids = all.intelLeads.edges.map((e) => e.node.id);
    const over = await failureOf(
      t.graphql.request(
        gql`
          mutation ($ids: [UUID!]) {
            updateIntelLeads(filter: { id: { in: $ids } }, data: { stage: PUBLISHED }) {
              id
            }
          }
        `,
        { ids: ids.slice(0, 101) },
      ),
    );
    expect(over.errors[0]?.message).toBe('Cannot update more than 100 records at once');
    const updated = await t.graphql.request<{ updateIntelLeads: Array<{ stage: string }> }>(
      gql`
        mutation ($ids: [UUID!]) {
          updateIntelLeads(filter: { id: { in: $ids } }, data: { stage: PUBLISHED }) {
            stage
          }
        }
      `,
      { ids: ids.slice(0, 100) },
    );
    expect(updated.updateIntelLeads).toHaveLength(100);
    expect(new Set(updated.updateIntelLeads.map((r) => r.stage))).toEqual(new Set(['PUBLISHED']));
    const target = ids[0] as string;
    await t.graphql.request(
      gql`
        mutation ($id: UUID!) {
          deleteIntelLead(id: $id) {
            id
          }
        }
      `,
      { id: target },
    );
    const hidden = await t.graphql.request<{ intelLeads: { totalCount: number } }>(gql`
      {
        intelLeads {
          totalCount
        }
      }
    `);
    expect(hidden.intelLeads.totalCount).toBe(ids.length - 1);
    const trash = await t.graphql.request<{ intelLeads: { totalCount: number } }>(gql`
      {
        intelLeads(filter: { deletedAt: { is: NOT_NULL } }) {
          totalCount
        }
      }
    `);
    expect(trash.intelLeads.totalCount).toBe(1);
    await t.graphql.request(
      gql`
        mutation ($id: UUID!) {
          restoreIntelLead(id: $id) {
            id
          }
        }
      `,
      { id: target },
    );
    expect(
      (
        await t.graphql.request<{ intelLeads: { totalCount: number } }>(gql`
          {
            intelLeads {
              totalCount
            }
          }
        `)
      ).intelLeads.totalCount,
    ).toBe(ids.length);
  });

  it('shows the relation from both sides and nulls the join column when the company is destroyed', async () => {
    const res = await t.graphql.request<{ company: { intelLeads: { totalCount: number; edges: Array<{ node: { name: string } }> } } }>(
      gql`
        query ($id: UUID!) {
          company(filter: { id: { eq: $id } }) {
            intelLeads {
              totalCount
              edges {
                node {
                  name
                }
              }
            }
          }
        }
      `,
      { id: companyId },
    );
    expect(res.company.intelLeads.edges.map((e) => e.node.name)).toEqual(['First (upserted)']);
    await t.graphql.request(
      gql`
        mutation ($id: UUID!) {
          destroyCompany(id: $id) {
            id
          }
        }
      `,
      { id: companyId },
    );
    const orphan = await t.graphql.request<{ intelLeads: { totalCount: number } }>(gql`
      {
        intelLeads(filter: { companyId: { is: NOT_NULL } }) {
          totalCount
        }
      }
    `);
    expect(orphan.intelLeads.totalCount).toBe(0);
  });

  it('rebuilds the schema after a metadata change', async () => {
    const before = await failureOf(
      t.graphql.request(gql`
        {
          intelLeads(first: 1) {
            edges {
              node {
                score
              }
            }
          }
        }
      `),
    );
    expect(before.errors[0]?.message).toMatch(/^Cannot query field "score" on type "IntelLead"\./);
    const object = t.sandbox.workspace.objectByName('intelLead')?.id;
    await t.metadata.request(
      gql`
        mutation ($input: CreateOneFieldMetadataInput!) {
          createOneField(input: $input) {
            id
          }
        }
      `,
      { input: { field: { objectMetadataId: object, type: 'NUMBER', name: 'score', label: 'Score' } } },
    );
    const after = await t.graphql.request<{ intelLeads: { edges: Array<{ node: { score: number | null } }> } }>(gql`
      {
        intelLeads(first: 1) {
          edges {
            node {
              score
            }
          }
        }
      }
    `);
    expect(after.intelLeads.edges[0]?.node.score).toBeNull();
  });
});
