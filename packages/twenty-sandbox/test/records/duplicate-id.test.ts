// A create with an id that exists fails atomically, as Postgres makes it fail in
// Twenty: createMany is one INSERT (common-create-many-query-runner.service.ts
// @0051996a), so one taken id leaves the whole batch unwritten, and the error is
// BAD_USER_INPUT "A duplicate entry was detected" naming no id. `letters send`
// uses this as its lock (docs/twenty-facts.md, "Letters and emails").
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, startTestSandbox, type TestSandbox } from '../../src/fixtures/clients.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => t.sandbox.close());

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `7b1d7f4e-2b3c-4d5e-8f90-${String(i).padStart(12, '0')}`);
const names = async (filter: Record<string, unknown>): Promise<string[]> => {
  const r = await t.graphql.request<{ companies: { edges: Array<{ node: { name: string } }> } }>(
    gql`
      query ($f: CompanyFilterInput) {
        companies(filter: $f) {
          edges {
            node {
              name
            }
          }
        }
      }
    `,
    { f: filter },
  );
  return r.companies.edges.map((e) => e.node.name).sort();
};

describe('create with an existing id', () => {
  it('fails the whole createMany batch when one id is taken, and writes none of it', async () => {
    const [a, b, c] = ids(3) as [string, string, string];
    await t.graphql.request(
      gql`
        mutation ($d: CompanyCreateInput!) {
          createCompany(data: $d) {
            id
          }
        }
      `,
      { d: { id: b, name: 'first claim' } },
    );
    const dup = await failureOf(
      t.graphql.request(
        gql`
          mutation ($d: [CompanyCreateInput!]!) {
            createCompanies(data: $d) {
              id
            }
          }
        `,
        {
          d: [
            { id: a, name: 'a' },
            { id: b, name: 'second claim' },
            { id: c, name: 'c' },
          ],
        },
      ),
    );
    expect(dup.errors[0]).toEqual({
      message: 'A duplicate entry was detected',
      extensions: { code: 'BAD_USER_INPUT', userFriendlyMessage: 'This record already exists. Please check your data and try again.' },
    });
    expect(await names({ id: { in: [a, b, c] } })).toEqual(['first claim']);
  });

  it('refuses createOne of an existing id, and of a soft-deleted one (the row keeps its id)', async () => {
    const [, , , d] = ids(4) as [string, string, string, string];
    await t.graphql.request(
      gql`
        mutation ($d: CompanyCreateInput!) {
          createCompany(data: $d) {
            id
          }
        }
      `,
      { d: { id: d, name: 'deleted later' } },
    );
    await t.graphql.request(
      gql`
        mutation ($id: UUID!) {
          deleteCompany(id: $id) {
            id
          }
        }
      `,
      { id: d },
    );
    const again = await failureOf(
      t.graphql.request(
        gql`
          mutation ($d: CompanyCreateInput!) {
            createCompany(data: $d) {
              id
            }
          }
        `,
        { d: { id: d, name: 'again' } },
      ),
    );
    expect(again.errors[0]?.message).toBe('A duplicate entry was detected');
    // Read back with a filter that names deletedAt, as the claim code does.
    expect(await names({ and: [{ id: { in: [d] } }, { or: [{ deletedAt: { is: 'NULL' } }, { deletedAt: { is: 'NOT_NULL' } }] }] })).toEqual(
      ['deleted later'],
    );
  });
});
