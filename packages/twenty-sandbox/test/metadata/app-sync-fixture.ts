// What the syncApplication tests share: an app manifest in twenty-sdk's shape (one of each
// part), the mutation twenty-sdk's CLI sends, and the registration that must come first.
import { gql } from 'graphql-request';
import type { TestSandbox } from '../../src/fixtures/clients.ts';

export const APP = '6f0c5c1e-8a55-4d55-9d3e-3b1f3f1d2a01';
export const uid = (n: number): string => `6f0c5c1e-8a55-4d55-9d3e-3b1f3f1d${String(n).padStart(4, '0')}`;

/** A manifest, relating to the standard company (`COMPANY`, its universalIdentifier), in the shape twenty-sdk's build writes (.twenty/output/manifest.json), one of each part. */
export const manifest = (COMPANY: string, label = '拜访计划'): Record<string, unknown> => ({
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
export interface Action {
  type: string;
  metadataName: string;
  universalIdentifier: string;
  diff?: Record<string, { before: unknown; after: unknown }>;
}
export type Synced = { syncApplication: { applicationUniversalIdentifier: string; actions: Action[] } };

export const sync = (t: TestSandbox, vars: Record<string, unknown>): Promise<Synced> => t.metadata.request<Synced>(SYNC, vars);
export const objectCount = async (t: TestSandbox): Promise<number> =>
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
export const register = async (t: TestSandbox): Promise<void> => {
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

/** The standard company object's universalIdentifier, read from the sandbox. */
export const companyUid = async (t: TestSandbox): Promise<string> => {
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
  return objects.objects.edges.find((e) => e.node.nameSingular === 'company')!.node.universalIdentifier;
};
