// Roles on the sandbox as Twenty 2.43 serves them: created and listed on /metadata, and kept
// in a --state file (docs/twenty-facts.md "Roles and permissions"). What a role does to an
// API key and to a member's session: roles-api-key.test.ts, roles-members.test.ts.
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, startTestSandbox, type TestSandbox } from '../../src/fixtures/clients.ts';
import { startRolesSandbox } from './roles-setup.ts';

let t: TestSandbox;
let ids: Record<string, string>;
beforeAll(async () => {
  ({ t, ids } = await startRolesSandbox());
});
afterAll(async () => t.sandbox.close());

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
