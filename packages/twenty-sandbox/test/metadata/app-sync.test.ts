// syncApplication on the sandbox as Twenty 2.43 serves it and twenty-sdk 2.43's CLI calls
// it (docs/twenty-facts.md "Applications"): a registration and a development application
// first, then the manifest diffed against what the app owns — created as the app's,
// nothing on a re-sync, nothing written by a dry run, updates and inferred deletions; then
// the app uninstalled. A name a workspace object already holds: app-sync-clash.test.ts.
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, startTestSandbox, type TestSandbox } from '../../src/fixtures/clients.ts';
import { APP, companyUid, manifest, objectCount, register, sync, uid } from './app-sync-fixture.ts';

let t: TestSandbox;
/** The standard company object's universalIdentifier, read from the sandbox. */
let COMPANY = '';
beforeAll(async () => {
  t = await startTestSandbox();
  COMPANY = await companyUid(t);
});
afterAll(async () => {
  await t.sandbox.close();
});

describe('syncApplication', () => {
  it('plans a dry run before anything is registered, and writes nothing', async () => {
    const before = await objectCount(t);
    const r = await sync(t, { manifest: manifest(COMPANY), dryRun: true });
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
    const f = await failureOf(sync(t, { manifest: manifest(COMPANY) }));
    expect(f.errors[0]?.message).toBe(`No registration found for "${APP}". Create one first with createApplicationRegistration.`);
  });

  it("creates the manifest as the app's metadata, readable as Twenty shows it", async () => {
    await register(t);
    const r = await sync(t, { manifest: manifest(COMPANY) });
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
    expect((await sync(t, { manifest: manifest(COMPANY) })).syncApplication.actions).toEqual([]);
  });

  it('updates a changed property in place, and a dry run only says so', async () => {
    const dry = await sync(t, { manifest: manifest(COMPANY, '拜访安排'), dryRun: true });
    // The request log (what `npm start` sums as "N of them writes") does not count the dry run.
    expect(t.sandbox.requests().at(-1)).toMatchObject({ operationName: 'SyncApplication', write: false });
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
    await sync(t, { manifest: manifest(COMPANY, '拜访安排') });
    expect(t.sandbox.requests().at(-1)).toMatchObject({ operationName: 'SyncApplication', write: true });
    expect(await label()).toBe('拜访安排');
  });

  it('deletes what the manifest no longer has, unless told not to', async () => {
    const m = manifest(COMPANY, '拜访安排');
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
