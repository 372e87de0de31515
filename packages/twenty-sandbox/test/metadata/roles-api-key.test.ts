// A role given to an API key, enforced on /graphql with Twenty's error shapes
// (docs/twenty-facts.md "Roles and permissions").
import { gql, GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, type TestSandbox } from '../../src/fixtures/clients.ts';
import { expectAuditRefused, expectScoreHidden, startRolesSandbox } from './roles-setup.ts';

let t: TestSandbox;
let manager: GraphQLClient;
beforeAll(async () => {
  ({ t, manager } = await startRolesSandbox());
});
afterAll(async () => t.sandbox.close());

describe('a client-manager API key', () => {
  it("is refused on projectAudit with Twenty's FORBIDDEN", async () => {
    await expectAuditRefused(manager);
  });

  it('reads assessments, but asking for the hidden score is refused, naming the field', async () => {
    await expectScoreHidden(manager);
  });

  it('cannot write an object the role only reads', async () => {
    const f = await failureOf(
      manager.request(gql`
        mutation {
          createAssessment(data: { name: "x" }) {
            id
          }
        }
      `),
    );
    expect(f.errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('leaves the admin key as it was: it still reads everything', async () => {
    const all = await t.graphql.request<{ assessments: { edges: Array<{ node: { score: number } }> } }>(gql`
      {
        assessments {
          edges {
            node {
              score
            }
          }
        }
      }
    `);
    expect(all.assessments.edges[0]?.node.score).toBe(91);
  });
});
