// Roles on the sandbox as Twenty 2.43 serves them: created on /metadata, given to an API key,
// enforced on /graphql with Twenty's error shapes (docs/twenty-facts.md "Roles and permissions").
import { gql, GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, startTestSandbox, type TestSandbox } from '../../src/fixtures/clients.ts';

let t: TestSandbox;
let manager: GraphQLClient;
const ids: Record<string, string> = {};

const object = async (nameSingular: string, namePlural: string): Promise<string> => {
  const r = await t.metadata.request<{ createOneObject: { id: string } }>(
    gql`
      mutation ($input: CreateOneObjectInput!) {
        createOneObject(input: $input) {
          id
        }
      }
    `,
    {
      input: { object: { nameSingular, namePlural, labelSingular: nameSingular, labelPlural: namePlural, icon: 'IconBox' } },
    },
  );
  return r.createOneObject.id;
};

beforeAll(async () => {
  t = await startTestSandbox();
  ids.projectAudit = await object('projectAudit', 'projectAudits');
  ids.assessment = await object('assessment', 'assessments');
  const score = await t.metadata.request<{ createOneField: { id: string } }>(
    gql`
      mutation ($input: CreateOneFieldMetadataInput!) {
        createOneField(input: $input) {
          id
        }
      }
    `,
    {
      input: { field: { objectMetadataId: ids.assessment, type: 'NUMBER', name: 'score', label: 'Score' } },
    },
  );
  ids.score = score.createOneField.id;
  await t.graphql.request(gql`
    mutation {
      createAssessment(data: { name: "2025Q3 王磊", score: 91 }) {
        id
      }
      createProjectAudit(data: { name: "审计一" }) {
        id
      }
    }
  `);

  // 客户经理, as roles/client-manager.role.yaml says it: assessments readable, their score hidden, no audits.
  const role = await t.metadata.request<{ createOneRole: { id: string } }>(
    gql`
      mutation ($i: CreateRoleInput!) {
        createOneRole(createRoleInput: $i) {
          id
        }
      }
    `,
    {
      i: {
        label: '客户经理',
        canReadAllObjectRecords: false,
        canUpdateAllObjectRecords: false,
        canSoftDeleteAllObjectRecords: false,
        canDestroyAllObjectRecords: false,
        canBeAssignedToUsers: true,
        canBeAssignedToApiKeys: true,
      },
    },
  );
  ids.role = role.createOneRole.id;
  await t.metadata.request(
    gql`
      mutation ($i: UpsertObjectPermissionsInput!) {
        upsertObjectPermissions(upsertObjectPermissionsInput: $i) {
          objectMetadataId
        }
      }
    `,
    {
      i: { roleId: ids.role, objectPermissions: [{ objectMetadataId: ids.assessment, canReadObjectRecords: true }] },
    },
  );
  await t.metadata.request(
    gql`
      mutation ($i: UpsertFieldPermissionsInput!) {
        upsertFieldPermissions(upsertFieldPermissionsInput: $i) {
          fieldMetadataId
        }
      }
    `,
    {
      i: {
        roleId: ids.role,
        fieldPermissions: [{ objectMetadataId: ids.assessment, fieldMetadataId: ids.score, canReadFieldValue: false }],
      },
    },
  );
  const key = await t.metadata.request<{ createApiKey: { id: string; role: { label: string } } }>(
    gql`
      mutation ($i: CreateApiKeyInput!) {
        createApiKey(input: $i) {
          id
          role {
            label
          }
        }
      }
    `,
    {
      i: { name: 'client manager', expiresAt: '2099-01-01T00:00:00.000Z', roleId: ids.role },
    },
  );
  expect(key.createApiKey.role.label).toBe('客户经理');
  const token = await t.metadata.request<{ generateApiKeyToken: { token: string } }>(
    gql`
      mutation ($id: UUID!) {
        generateApiKeyToken(apiKeyId: $id, expiresAt: "2099-01-01T00:00:00.000Z") {
          token
        }
      }
    `,
    { id: key.createApiKey.id },
  );
  manager = new GraphQLClient(`${t.sandbox.url}/graphql`, {
    headers: { Authorization: `Bearer ${token.generateApiKeyToken.token}`, Accept: 'application/json' },
  });
});
afterAll(async () => t.sandbox.close());

describe('a client-manager API key', () => {
  it("is refused on projectAudit with Twenty's FORBIDDEN", async () => {
    const f = await failureOf(
      manager.request(gql`
        {
          projectAudits {
            edges {
              node {
                id
                name
              }
            }
          }
        }
      `),
    );
    expect(f.errors[0]).toMatchObject({
      message: 'Entity performing the request does not have permission',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('reads assessments, but asking for the hidden score is refused, naming the field', async () => {
    const ok = await manager.request<{ assessments: { edges: Array<{ node: { name: string } }> } }>(gql`
      {
        assessments {
          edges {
            node {
              id
              name
            }
          }
        }
      }
    `);
    expect(ok.assessments.edges.map((e) => e.node.name)).toEqual(['2025Q3 王磊']);
    const f = await failureOf(
      manager.request(gql`
        {
          assessments {
            edges {
              node {
                name
                score
              }
            }
          }
        }
      `),
    );
    expect(f.errors[0]).toMatchObject({
      message: 'Entity performing the request does not have permission: no permission to read field "score" on "assessment"',
      extensions: { code: 'FORBIDDEN' },
    });
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

    const audit = await failureOf(
      records.request(gql`
        {
          projectAudits {
            edges {
              node {
                id
                name
              }
            }
          }
        }
      `),
    );
    expect(audit.errors[0]).toMatchObject({
      message: 'Entity performing the request does not have permission',
      extensions: { code: 'FORBIDDEN' },
    });
    const ok = await records.request<{ assessments: { edges: Array<{ node: { name: string } }> } }>(gql`
      {
        assessments {
          edges {
            node {
              name
            }
          }
        }
      }
    `);
    expect(ok.assessments.edges.map((e) => e.node.name)).toEqual(['2025Q3 王磊']);
    const score = await failureOf(
      records.request(gql`
        {
          assessments {
            edges {
              node {
                name
                score
              }
            }
          }
        }
      `),
    );
    expect(score.errors[0]).toMatchObject({
      message: 'Entity performing the request does not have permission: no permission to read field "score" on "assessment"',
      extensions: { code: 'FORBIDDEN' },
    });
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

describe('the role API', () => {
  it('refuses a field permission that grants, and row-level rules without Enterprise', async () => {
    const grant = await failureOf(
      t.metadata.request(
        gql`
          mutation ($i: UpsertFieldPermissionsInput!) {
            upsertFieldPermissions(upsertFieldPermissionsInput: $i) {
              id
            }
          }
        `,
        {
          i: {
            roleId: ids.role,
            fieldPermissions: [{ objectMetadataId: ids.assessment, fieldMetadataId: ids.score, canReadFieldValue: true }],
          },
        },
      ),
    );
    expect(grant.errors[0]).toMatchObject({
      message: 'Field permission can only introduce a restriction',
      extensions: { code: 'FORBIDDEN' },
    });
    const rls = await failureOf(
      t.metadata.request(
        gql`
          mutation ($i: UpsertRowLevelPermissionPredicatesInput!) {
            upsertRowLevelPermissionPredicates(input: $i) {
              predicates {
                id
              }
            }
          }
        `,
        {
          i: { roleId: ids.role, objectMetadataId: ids.assessment, predicates: [], predicateGroups: [] },
        },
      ),
    );
    expect(rls.errors[0]).toMatchObject({
      message: 'Row level permission predicate feature is disabled',
      extensions: { code: 'FORBIDDEN', subCode: 'ROW_LEVEL_PERMISSION_FEATURE_DISABLED' },
    });
  });

  it('lists the role with its permissions on getRoles', async () => {
    const r = await t.metadata.request<{
      getRoles: Array<{
        label: string;
        objectPermissions: Array<{ objectMetadataId: string }>;
        fieldPermissions: Array<{ canReadFieldValue: boolean }>;
      }>;
    }>(gql`
      {
        getRoles {
          label
          objectPermissions {
            objectMetadataId
          }
          fieldPermissions {
            canReadFieldValue
          }
        }
      }
    `);
    const cm = r.getRoles.find((x) => x.label === '客户经理');
    expect(cm).toEqual({
      label: '客户经理',
      objectPermissions: [{ objectMetadataId: ids.assessment }],
      fieldPermissions: [{ canReadFieldValue: false }],
    });
  });
});

describe('roles in a --state file', () => {
  it('survive a restart: the role and its key are there again, so a second deploy finds nothing to change', async () => {
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const statePath = join(await mkdtemp(join(tmpdir(), 'sandbox-roles-')), 'workspace.json');
    const first = await startTestSandbox({ statePath, apiKey: 'state-test-key' });
    await first.metadata.request(
      gql`
        mutation ($i: CreateRoleInput!) {
          createOneRole(createRoleInput: $i) {
            id
          }
        }
      `,
      {
        i: {
          label: '后台审计',
          canReadAllObjectRecords: true,
          canUpdateAllObjectRecords: false,
          canSoftDeleteAllObjectRecords: false,
          canDestroyAllObjectRecords: false,
          canBeAssignedToUsers: true,
          canBeAssignedToApiKeys: false,
        },
      },
    );
    await first.sandbox.close();
    const second = await startTestSandbox({ statePath, apiKey: 'state-test-key' });
    try {
      const roles = await second.metadata.request<{ getRoles: Array<{ label: string }> }>(gql`
        {
          getRoles {
            label
          }
        }
      `);
      expect(roles.getRoles.map((r) => r.label).sort()).toEqual(['Admin', 'Member', '后台审计'].sort());
    } finally {
      await second.sandbox.close();
    }
  });
});
