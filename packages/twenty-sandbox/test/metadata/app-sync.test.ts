// syncApplication on the sandbox as Twenty 2.43 serves it and twenty-sdk 2.43's CLI calls
// it (docs/twenty-facts.md "Applications"): a registration and a development application
// first, then the manifest diffed against what the app owns — created as the app's,
// nothing on a re-sync, nothing written by a dry run, updates and inferred deletions, and
// a name a workspace object already holds refused as Twenty's runner refuses it.
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, startTestSandbox, type TestSandbox } from '../../src/fixtures/clients.ts';

const APP = '6f0c5c1e-8a55-4d55-9d3e-3b1f3f1d2a01';
const uid = (n: number): string => `6f0c5c1e-8a55-4d55-9d3e-3b1f3f1d${String(n).padStart(4, '0')}`;
/** The standard company object's universalIdentifier, read from the sandbox. */
let COMPANY = '';

/** A manifest in the shape twenty-sdk's build writes (.twenty/output/manifest.json), one of each part. */
const manifest = (label = '拜访计划'): Record<string, unknown> => ({
  application: { universalIdentifier: APP, displayName: 'visits', defaultRoleUniversalIdentifier: uid(40) },
  objects: [
    {
      universalIdentifier: uid(1),
      nameSingular: 'visitPlan',
      namePlural: 'visitPlans',
      labelSingular: label,
      labelPlural: '全部拜访计划',
      icon: 'IconRoute',
      labelIdentifierFieldMetadataUniversalIdentifier: uid(2),
      fields: [
        { universalIdentifier: uid(2), type: 'TEXT', name: 'name', label: '计划名称', icon: 'IconAbc' },
        {
          universalIdentifier: uid(3),
          type: 'SELECT',
          name: 'stage',
          label: '阶段',
          isNullable: false,
          defaultValue: "'PLANNED'",
          options: [
            { id: uid(30), value: 'PLANNED', label: '已计划', color: 'gray', position: 0 },
            { id: uid(31), value: 'DONE', label: '已完成', color: 'green', position: 1 },
          ],
        },
        {
          universalIdentifier: uid(4),
          type: 'RELATION',
          name: 'company',
          label: '企业',
          icon: 'IconBuildingSkyscraper',
          relationTargetObjectMetadataUniversalIdentifier: COMPANY,
          relationTargetFieldMetadataUniversalIdentifier: uid(5),
          universalSettings: { relationType: 'MANY_TO_ONE', onDelete: 'SET_NULL', joinColumnName: 'companyId' },
        },
      ],
    },
  ],
  fields: [
    {
      universalIdentifier: uid(5),
      type: 'RELATION',
      name: 'visitPlans',
      label: '拜访计划',
      icon: 'IconRoute',
      objectUniversalIdentifier: COMPANY,
      relationTargetObjectMetadataUniversalIdentifier: uid(1),
      relationTargetFieldMetadataUniversalIdentifier: uid(4),
      universalSettings: { relationType: 'ONE_TO_MANY' },
    },
  ],
  views: [
    {
      universalIdentifier: uid(10),
      name: '拜访看板',
      objectUniversalIdentifier: uid(1),
      type: 'KANBAN',
      icon: 'IconLayoutKanban',
      position: 1,
      mainGroupByFieldMetadataUniversalIdentifier: uid(3),
      fields: [{ universalIdentifier: uid(11), fieldMetadataUniversalIdentifier: uid(2), position: 0, isVisible: true, size: 200 }],
      groups: [
        { universalIdentifier: uid(12), fieldValue: 'PLANNED', position: 0, isVisible: true },
        { universalIdentifier: uid(13), fieldValue: 'DONE', position: 1, isVisible: true },
      ],
      filters: [{ universalIdentifier: uid(14), fieldMetadataUniversalIdentifier: uid(3), operand: 'IS', value: ['PLANNED'] }],
    },
  ],
  roles: [
    {
      universalIdentifier: uid(40),
      label: 'visits (no access)',
      canReadAllObjectRecords: false,
      canUpdateAllObjectRecords: false,
      canSoftDeleteAllObjectRecords: false,
      canDestroyAllObjectRecords: false,
      objectPermissions: [],
      fieldPermissions: [],
    },
    {
      universalIdentifier: uid(41),
      label: '拜访专员',
      canReadAllObjectRecords: false,
      canUpdateAllObjectRecords: false,
      canSoftDeleteAllObjectRecords: false,
      canDestroyAllObjectRecords: false,
      canBeAssignedToUsers: true,
      permissionFlagUniversalIdentifiers: ['6189e7bd-4051-5752-b6b1-5f31358fbaf1'],
      objectPermissions: [
        { universalIdentifier: uid(42), objectUniversalIdentifier: uid(1), canReadObjectRecords: true, canUpdateObjectRecords: true },
      ],
      fieldPermissions: [
        { universalIdentifier: uid(43), objectUniversalIdentifier: uid(1), fieldUniversalIdentifier: uid(3), canUpdateFieldValue: false },
      ],
    },
  ],
  navigationMenuItems: [
    {
      universalIdentifier: uid(51),
      type: 'OBJECT',
      position: 0,
      folderUniversalIdentifier: uid(50),
      targetObjectUniversalIdentifier: uid(1),
    },
    { universalIdentifier: uid(50), type: 'FOLDER', name: '客户维护', icon: 'IconHeartHandshake', position: 0 },
  ],
});

const SYNC = gql`
  mutation SyncApplication($manifest: JSON!, $dryRun: Boolean, $inferDeletionFromMissingEntities: Boolean) {
    syncApplication(manifest: $manifest, dryRun: $dryRun, inferDeletionFromMissingEntities: $inferDeletionFromMissingEntities) {
      applicationUniversalIdentifier
      actions
    }
  }
`;
interface Action {
  type: string;
  metadataName: string;
  universalIdentifier: string;
  diff?: Record<string, { before: unknown; after: unknown }>;
}
type Synced = { syncApplication: { applicationUniversalIdentifier: string; actions: Action[] } };

let t: TestSandbox;
const sync = (t: TestSandbox, vars: Record<string, unknown>): Promise<Synced> => t.metadata.request<Synced>(SYNC, vars);
const objectCount = async (t: TestSandbox): Promise<number> =>
  (
    await t.metadata.request<{ objects: { edges: unknown[] } }>(gql`
      {
        objects(paging: { first: 1000 }) {
          edges {
            node {
              id
            }
          }
        }
      }
    `)
  ).objects.edges.length;
const register = async (t: TestSandbox): Promise<void> => {
  await t.metadata.request(
    gql`
      mutation ($input: CreateApplicationRegistrationInput!) {
        createApplicationRegistration(input: $input) {
          applicationRegistration {
            id
          }
        }
      }
    `,
    { input: { name: 'visits', universalIdentifier: APP } },
  );
  await t.metadata.request(gql`mutation { createDevelopmentApplication(universalIdentifier: "${APP}", name: "visits") { id } }`);
};

beforeAll(async () => {
  t = await startTestSandbox();
  const objects = await t.metadata.request<{ objects: { edges: Array<{ node: { nameSingular: string; universalIdentifier: string } }> } }>(
    gql`
      {
        objects(paging: { first: 1000 }) {
          edges {
            node {
              nameSingular
              universalIdentifier
            }
          }
        }
      }
    `,
  );
  COMPANY = objects.objects.edges.find((e) => e.node.nameSingular === 'company')!.node.universalIdentifier;
});
afterAll(async () => {
  await t.sandbox.close();
});

describe('syncApplication', () => {
  it('plans a dry run before anything is registered, and writes nothing', async () => {
    const before = await objectCount(t);
    const r = await sync(t, { manifest: manifest(), dryRun: true });
    expect(r.syncApplication.applicationUniversalIdentifier).toBe(APP);
    const created = r.syncApplication.actions.filter((a) => a.type === 'create').map((a) => a.metadataName);
    expect(new Set(created)).toEqual(
      new Set([
        'objectMetadata',
        'fieldMetadata',
        'view',
        'viewField',
        'viewGroup',
        'viewFilter',
        'role',
        'objectPermission',
        'fieldPermission',
        'navigationMenuItem',
      ]),
    );
    expect(await objectCount(t)).toBe(before);
  });

  it('refuses a real sync until the app is registered and created, as Twenty does', async () => {
    const f = await failureOf(sync(t, { manifest: manifest() }));
    expect(f.errors[0]?.message).toBe(`No registration found for "${APP}". Create one first with createApplicationRegistration.`);
  });

  it("creates the manifest as the app's metadata, readable as Twenty shows it", async () => {
    await register(t);
    const r = await sync(t, { manifest: manifest() });
    expect(r.syncApplication.actions.every((a) => a.type === 'create')).toBe(true);
    const apps = await t.metadata.request<{
      findManyApplications: Array<{ id: string; universalIdentifier: string; objects: Array<{ nameSingular: string }> }>;
    }>(gql`
      {
        findManyApplications {
          id
          universalIdentifier
          objects {
            nameSingular
          }
        }
      }
    `);
    const app = apps.findManyApplications[0]!;
    expect(app.objects.map((o) => o.nameSingular)).toEqual(['visitPlan']);
    const objects = await t.metadata.request<{
      objects: {
        edges: Array<{
          node: {
            nameSingular: string;
            universalIdentifier: string;
            applicationId: string;
            labelIdentifierFieldMetadataId: string;
            fieldsList: Array<{
              id: string;
              name: string;
              universalIdentifier: string;
              applicationId: string;
              relation: { targetFieldMetadata: { name: string } } | null;
            }>;
          };
        }>;
      };
    }>(gql`
      {
        objects(paging: { first: 1000 }) {
          edges {
            node {
              nameSingular
              universalIdentifier
              applicationId
              labelIdentifierFieldMetadataId
              fieldsList {
                id
                name
                universalIdentifier
                applicationId
                relation {
                  targetFieldMetadata {
                    name
                  }
                }
              }
            }
          }
        }
      }
    `);
    const visit = objects.objects.edges.map((e) => e.node).find((o) => o.nameSingular === 'visitPlan')!;
    expect(visit).toMatchObject({ universalIdentifier: uid(1), applicationId: app.id });
    const byName = new Map(visit.fieldsList.map((f) => [f.name, f]));
    expect(byName.get('name')).toMatchObject({
      universalIdentifier: uid(2),
      applicationId: app.id,
      id: visit.labelIdentifierFieldMetadataId,
    });
    expect(byName.get('company')?.relation?.targetFieldMetadata.name).toBe('visitPlans');
    const views = await t.metadata.request<{
      getViews: Array<{
        name: string;
        universalIdentifier: string;
        applicationId: string;
        viewGroups: Array<{ fieldValue: string }>;
        viewFilters: Array<{ value: unknown }>;
      }>;
    }>(gql`
      {
        getViews {
          name
          universalIdentifier
          applicationId
          viewGroups {
            fieldValue
          }
          viewFilters {
            value
          }
        }
      }
    `);
    const board = views.getViews.find((v) => v.universalIdentifier === uid(10))!;
    expect(board.applicationId).toBe(app.id);
    expect(board.viewGroups.map((g) => g.fieldValue)).toEqual(['PLANNED', 'DONE']);
    const roles = await t.metadata.request<{
      getRoles: Array<{
        label: string;
        universalIdentifier: string;
        permissionFlags: Array<{ flag: string }>;
        objectPermissions: Array<{ canUpdateObjectRecords: boolean }>;
      }>;
    }>(gql`
      {
        getRoles {
          label
          universalIdentifier
          permissionFlags {
            flag
          }
          objectPermissions {
            canUpdateObjectRecords
          }
        }
      }
    `);
    expect(roles.getRoles.find((r) => r.universalIdentifier === uid(41))).toMatchObject({
      label: '拜访专员',
      permissionFlags: [{ flag: 'WORKFLOWS' }],
      objectPermissions: [{ canUpdateObjectRecords: true }],
    });
    const menu = await t.metadata.request<{
      navigationMenuItems: Array<{ id: string; type: string; folderId: string | null; applicationId: string }>;
    }>(gql`
      {
        navigationMenuItems {
          id
          type
          folderId
          applicationId
        }
      }
    `);
    const folder = menu.navigationMenuItems.find((n) => n.type === 'FOLDER')!;
    expect(menu.navigationMenuItems.find((n) => n.type === 'OBJECT')).toMatchObject({ folderId: folder.id, applicationId: app.id });
  });

  it('does nothing when synced again with the same manifest', async () => {
    expect((await sync(t, { manifest: manifest() })).syncApplication.actions).toEqual([]);
  });

  it('updates a changed property in place, and a dry run only says so', async () => {
    const dry = await sync(t, { manifest: manifest('拜访安排'), dryRun: true });
    expect(dry.syncApplication.actions).toEqual([
      expect.objectContaining({
        type: 'update',
        metadataName: 'objectMetadata',
        universalIdentifier: uid(1),
        diff: { labelSingular: { before: '拜访计划', after: '拜访安排' } },
      }),
    ]);
    const label = async (): Promise<string> =>
      (
        await t.metadata.request<{ objects: { edges: Array<{ node: { nameSingular: string; labelSingular: string } }> } }>(gql`
          {
            objects(paging: { first: 1000 }) {
              edges {
                node {
                  nameSingular
                  labelSingular
                }
              }
            }
          }
        `)
      ).objects.edges.find((e) => e.node.nameSingular === 'visitPlan')!.node.labelSingular;
    expect(await label()).toBe('拜访计划');
    await sync(t, { manifest: manifest('拜访安排') });
    expect(await label()).toBe('拜访安排');
  });

  it('deletes what the manifest no longer has, unless told not to', async () => {
    const m = manifest('拜访安排');
    const withoutBoard = { ...m, views: [] };
    const kept = await sync(t, { manifest: withoutBoard, dryRun: true, inferDeletionFromMissingEntities: false });
    expect(kept.syncApplication.actions).toEqual([]);
    const r = await sync(t, { manifest: withoutBoard });
    expect(r.syncApplication.actions.map((a) => `${a.type} ${a.metadataName}`).sort()).toEqual([
      'delete view',
      'delete viewField',
      'delete viewFilter',
      'delete viewGroup',
      'delete viewGroup',
    ]);
    const views = await t.metadata.request<{ getViews: Array<{ universalIdentifier: string }> }>(gql`
      {
        getViews {
          universalIdentifier
        }
      }
    `);
    expect(views.getViews.some((v) => v.universalIdentifier === uid(10))).toBe(false);
  });
});

describe('uninstallApplication', () => {
  it('removes everything the app owns, records included, and the app', async () => {
    await t.graphql.request(gql`
      mutation {
        createVisitPlan(data: { name: "华鑫药业季度拜访" }) {
          id
        }
      }
    `);
    const before = await objectCount(t);
    expect(await t.metadata.request(gql`mutation { uninstallApplication(universalIdentifier: "${APP}") }`)).toEqual({
      uninstallApplication: true,
    });
    expect(await objectCount(t)).toBe(before - 1);
    const apps = await t.metadata.request<{ findManyApplications: unknown[] }>(gql`
      {
        findManyApplications {
          id
        }
      }
    `);
    expect(apps.findManyApplications).toEqual([]);
    const menu = await t.metadata.request<{ navigationMenuItems: unknown[] }>(gql`
      {
        navigationMenuItems {
          id
        }
      }
    `);
    expect(menu.navigationMenuItems).toEqual([]);
  });
});

describe('syncApplication where a workspace object holds the name', () => {
  let other: TestSandbox;
  beforeAll(async () => {
    other = await startTestSandbox();
    await other.metadata.request(gql`
      mutation {
        createOneObject(
          input: {
            object: { nameSingular: "visitPlan", namePlural: "visitPlans", labelSingular: "Visit plan", labelPlural: "Visit plans" }
          }
        ) {
          id
        }
      }
    `);
    await register(other);
  });
  afterAll(async () => {
    await other.sandbox.close();
  });

  it('fails the create in the runner, as Twenty does, and keeps nothing of the sync', async () => {
    const before = await objectCount(other);
    const f = await failureOf(sync(other, { manifest: manifest() }));
    expect(f.errors[0]?.message).toBe(
      `Migration action 'create' for 'objectMetadata' (universalIdentifier: ${uid(1)}) failed: Metadata: duplicate key value violates unique constraint "IDX_OBJECT_METADATA_NAME_SINGULAR_WORKSPACE_ID_UNIQUE"`,
    );
    expect(f.errors[0]?.extensions).toMatchObject({
      code: 'APPLICATION_INSTALLATION_FAILED',
      userFriendlyMessage: 'Migration execution failed.',
      action: { type: 'create', metadataName: 'objectMetadata' },
    });
    expect(await objectCount(other)).toBe(before);
  });
});
