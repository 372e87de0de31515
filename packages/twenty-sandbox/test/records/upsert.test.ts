// createMany with `upsert: true` as Twenty 2.43 runs it (common-create-many-query-runner
// .service.ts @41d24255): at most QUERY_MAX_RECORDS records a call; existing rows found by
// id `.withDeleted()` and updated with only the given fields plus `deletedAt: null` — so
// a soft-deleted record comes back; an id that matches nothing is inserted.
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, startTestSandbox, type TestSandbox } from '../../src/fixtures/clients.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => t.sandbox.close());

interface Company {
  id: string;
  name: string;
  employees: number | null;
  deletedAt: string | null;
}
const upsert = (data: Array<Record<string, unknown>>): Promise<{ createCompanies: Company[] }> =>
  t.graphql.request(
    gql`
      mutation ($data: [CompanyCreateInput!]!) {
        createCompanies(data: $data, upsert: true) {
          id
          name
          employees
          deletedAt
        }
      }
    `,
    { data },
  );
const live = async (id: string): Promise<Company | undefined> =>
  (
    await t.graphql.request<{ companies: { edges: Array<{ node: Company }> } }>(
      gql`
        query ($id: UUID!) {
          companies(filter: { id: { eq: $id } }) {
            edges {
              node {
                id
                name
                employees
                deletedAt
              }
            }
          }
        }
      `,
      { id },
    )
  ).companies.edges[0]?.node;

describe('createMany with upsert', () => {
  it('updates only the given fields of an existing record, and inserts an id that matches nothing', async () => {
    const [a] = (
      await t.graphql.request<{ createCompanies: Company[] }>(gql`
        mutation {
          createCompanies(data: [{ name: "Acme", employees: 12 }]) {
            id
            name
            employees
            deletedAt
          }
        }
      `)
    ).createCompanies;
    const fresh = '5f0c1c57-8e4b-4a34-b7a4-3d0c2f5e8a10';
    const res = await upsert([
      { id: a!.id, employees: 40 },
      { id: fresh, name: 'New Co' },
    ]);
    expect(res.createCompanies.map((c) => [c.name, c.employees])).toEqual([
      ['Acme', 40],
      ['New Co', null],
    ]);
    expect(await live(fresh)).toMatchObject({ name: 'New Co' });
  });

  it('restores a soft-deleted record it matches by id (Twenty writes deletedAt: null)', async () => {
    const [c] = (
      await t.graphql.request<{ createCompanies: Company[] }>(gql`
        mutation {
          createCompanies(data: [{ name: "Gone Co", employees: 3 }]) {
            id
            name
            employees
            deletedAt
          }
        }
      `)
    ).createCompanies;
    await t.graphql.request(
      gql`
        mutation ($id: UUID!) {
          deleteCompany(id: $id) {
            id
          }
        }
      `,
      { id: c!.id },
    );
    expect(await live(c!.id)).toBeUndefined();
    const res = await upsert([{ id: c!.id, employees: 4 }]);
    expect(res.createCompanies[0]).toEqual({ id: c!.id, name: 'Gone Co', employees: 4, deletedAt: null });
    expect(await live(c!.id)).toMatchObject({ name: 'Gone Co', employees: 4 });
  });

  it(`takes ${200} records a call and refuses more with Twenty's message`, async () => {
    const batch = (n: number): Array<Record<string, unknown>> => Array.from({ length: n }, (_, i) => ({ name: `Batch ${i}` }));
    expect((await upsert(batch(200))).createCompanies).toHaveLength(200);
    const over = await failureOf(upsert(batch(201)));
    expect(over.errors[0]?.message).toBe('Maximum number of records to upsert is 200.');
  });
});
