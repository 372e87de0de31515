// A role given to a workspace member and held on their session token, as Twenty 2.43 does
// (docs/twenty-facts.md "Roles and permissions").
import { gql, GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, type TestSandbox } from '../../src/fixtures/clients.ts';
import { expectAuditRefused, expectScoreHidden, startRolesSandbox } from './roles-setup.ts';

let t: TestSandbox;
let ids: Record<string, string>;
beforeAll(async () => {
  ({ t, ids } = await startRolesSandbox());
});
afterAll(async () => t.sandbox.close());

describe("a client-manager user (a session token, the workspace member's role)", () => {
  const as = (token: string, endpoint: 'graphql' | 'metadata'): GraphQLClient =>
    new GraphQLClient(`${t.sandbox.url}/${endpoint}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  const setRole = gql`
    mutation ($m: UUID!, $r: UUID!) {
      updateWorkspaceMemberRole(workspaceMemberId: $m, roleId: $r) {
        id
        roles {
          label
        }
      }
    }
  `;

  it('starts with the default Member role, is given 客户经理 by an admin, and is then held to it', async () => {
    const user = t.sandbox.addUser({ firstName: '磊', lastName: '王' }, 'wang.lei@bank.example');
    const records = as(user.token, 'graphql');
    // Member: every object readable.
    await expect(
      records.request(gql`
        {
          projectAudits {
            edges {
              node {
                name
              }
            }
          }
        }
      `),
    ).resolves.toBeDefined();
    const admin = as(t.sandbox.userToken, 'metadata');
    const set = await admin.request<{ updateWorkspaceMemberRole: { id: string; roles: Array<{ label: string }> } }>(setRole, {
      m: user.workspaceMemberId,
      r: ids.role,
    });
    expect(set.updateWorkspaceMemberRole).toEqual({ id: user.workspaceMemberId, roles: [{ label: '客户经理' }] });

    await expectAuditRefused(records);
    await expectScoreHidden(records);
    // The sandbox's own session is the admin member: unrestricted.
    const all = await as(t.sandbox.userToken, 'graphql').request<{ assessments: { edges: Array<{ node: { score: number } }> } }>(gql`
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

  it("refuses updateWorkspaceMemberRole to an API key, to a role without the ROLES permission, and on one's own member", async () => {
    const user = t.sandbox.addUser({ firstName: '芳', lastName: '李' }, 'li.fang@bank.example');
    const byKey = await failureOf(t.metadata.request(setRole, { m: user.workspaceMemberId, r: ids.role }));
    expect(byKey.errors[0]).toMatchObject({ message: 'Forbidden resource', extensions: { code: 'FORBIDDEN' } });
    const admin = as(t.sandbox.userToken, 'metadata');
    await admin.request(setRole, { m: user.workspaceMemberId, r: ids.role });
    const other = t.sandbox.addUser({ firstName: '强', lastName: '张' }, 'zhang.qiang@bank.example');
    const byManager = await failureOf(as(user.token, 'metadata').request(setRole, { m: other.workspaceMemberId, r: ids.role }));
    expect(byManager.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', subCode: 'PERMISSION_DENIED' } });
    const members = await t.graphql.request<{ workspaceMembers: { edges: Array<{ node: { id: string; userEmail: string } }> } }>(gql`
      {
        workspaceMembers {
          edges {
            node {
              id
              userEmail
            }
          }
        }
      }
    `);
    const adminMember = members.workspaceMembers.edges.find((e) => e.node.userEmail === 'admin@sandbox.localhost')!.node.id;
    const self = await failureOf(admin.request(setRole, { m: adminMember, r: ids.role }));
    expect(self.errors[0]).toMatchObject({
      message: 'Cannot update self role',
      extensions: { code: 'FORBIDDEN', subCode: 'CANNOT_UPDATE_SELF_ROLE' },
    });
  });

  it('keeps the default role: deleting it is refused', async () => {
    const ws = await t.metadata.request<{ currentWorkspace: { defaultRole: { id: string; label: string } } }>(gql`
      {
        currentWorkspace {
          defaultRole {
            id
            label
          }
        }
      }
    `);
    expect(ws.currentWorkspace.defaultRole.label).toBe('Member');
    const f = await failureOf(
      t.metadata.request(
        gql`
          mutation ($id: UUID!) {
            deleteOneRole(roleId: $id)
          }
        `,
        { id: ws.currentWorkspace.defaultRole.id },
      ),
    );
    expect(f.errors[0]).toMatchObject({
      message: 'Default role cannot be deleted',
      extensions: { subCode: 'DEFAULT_ROLE_CANNOT_BE_DELETED' },
    });
  });
});
