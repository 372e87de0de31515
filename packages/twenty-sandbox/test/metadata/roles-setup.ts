// The workspace the role tests share: two objects, a hidden score, and 客户经理 as
// roles/client-manager.role.yaml says it, held by an API key (`manager`).
import { gql, GraphQLClient } from 'graphql-request';
import { expect } from 'vitest';
import { failureOf, startTestSandbox, type TestSandbox } from '../../src/fixtures/clients.ts';

export interface RolesSandbox {
  t: TestSandbox;
  /** The records API as the 客户经理 API key. */
  manager: GraphQLClient;
  /** projectAudit, assessment, score (the field), role. */
  ids: Record<string, string>;
}

export async function startRolesSandbox(): Promise<RolesSandbox> {
  const t = await startTestSandbox();
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
  const manager = new GraphQLClient(`${t.sandbox.url}/graphql`, {
    headers: { Authorization: `Bearer ${token.generateApiKeyToken.token}`, Accept: 'application/json' },
  });
  return { t, manager, ids };
}

/** What 客户经理 sees of assessments, through any client holding the role: the names, and the score refused by name. */
export async function expectScoreHidden(client: GraphQLClient): Promise<void> {
  const ok = await client.request<{ assessments: { edges: Array<{ node: { name: string } }> } }>(gql`
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
  const f = await failureOf(
    client.request(gql`
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
}

/** 客户经理 has no grant on projectAudit: any read is refused with Twenty's FORBIDDEN. */
export async function expectAuditRefused(client: GraphQLClient): Promise<void> {
  const f = await failureOf(
    client.request(gql`
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
}
