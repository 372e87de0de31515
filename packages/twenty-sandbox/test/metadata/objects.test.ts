// /metadata behaviour against Twenty's rules (each expectation cites the server
// file it copies; see the module comments for the commits): objects — paging, create, delete.
import { gql } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import { failureOf } from '../../src/fixtures/clients.ts';
import { companyId, createObject, validationMessages, useTestSandbox } from './metadata-helpers.ts';

const t = useTestSandbox();

describe('objects: paging (parse-graphql-metadata-pagination.util.ts)', () => {
  it('returns 10 objects by default, keyset-paged by id DESC', async () => {
    for (let i = 0; i < 8; i++)
      await createObject(t, {
        nameSingular: `pageThing${i}`,
        namePlural: `pageThings${i}`,
        labelSingular: `Page thing ${i}`,
        labelPlural: `Page things ${i}`,
      });
    type Page = { objects: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const first = await t.metadata.request<Page>(gql`
      {
        objects {
          edges {
            node {
              id
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    `);
    expect(first.objects.edges).toHaveLength(10);
    expect(first.objects.pageInfo.hasNextPage).toBe(true);
    const ids = first.objects.edges.map((e) => e.node.id);
    expect(ids).toEqual([...ids].sort().reverse());
    const rest = await t.metadata.request<Page>(
      gql`
        query ($after: ConnectionCursor) {
          objects(paging: { first: 1000, after: $after }) {
            edges {
              node {
                id
              }
            }
            pageInfo {
              hasNextPage
            }
          }
        }
      `,
      { after: first.objects.pageInfo.endCursor },
    );
    expect(rest.objects.edges.length).toBe(t.sandbox.workspace.objects.size - 10);
    expect(rest.objects.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a page over 1000 and conflicting arguments with UserInputError messages', async () => {
    const tooBig = await failureOf(
      t.metadata.request(gql`
        {
          objects(paging: { first: 1001 }) {
            edges {
              cursor
            }
          }
        }
      `),
    );
    expect(tooBig.errors[0]).toMatchObject({
      message: 'Requested page size of 1001 exceeds the maximum size of 1000',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const both = await failureOf(
      t.metadata.request(gql`
        {
          objects(paging: { first: 1, last: 1 }) {
            edges {
              cursor
            }
          }
        }
      `),
    );
    expect(both.errors[0]?.message).toBe('Cannot use both first and last');
  });

  it('filters by the 2.43.0 ObjectFilter comparisons', async () => {
    const res = await t.metadata.request<{ objects: { edges: Array<{ node: { nameSingular: string } }> } }>(gql`
      {
        objects(paging: { first: 1000 }, filter: { isSystem: { is: true } }) {
          edges {
            node {
              nameSingular
            }
          }
        }
      }
    `);
    expect(res.objects.edges.map((e) => e.node.nameSingular).sort()).toEqual(['noteTarget', 'workspaceMember']);
  });
});

describe('createOneObject', () => {
  it('adds the default fields of a custom object, the name label identifier and the "All …" view', async () => {
    const res = await createObject(t, {
      nameSingular: 'intelLead',
      namePlural: 'intelLeads',
      labelSingular: 'Intel lead',
      labelPlural: 'Intel leads',
    });
    const fields = res.createOneObject.fieldsList;
    // build-default-flat-field-metadatas-for-custom-object.util.ts @fbfd69b
    expect(
      fields
        .filter((f) => !['RELATION'].includes(f.type))
        .map((f) => f.name)
        .sort(),
    ).toEqual(['createdAt', 'createdBy', 'deletedAt', 'id', 'name', 'position', 'searchVector', 'updatedAt', 'updatedBy']);
    expect(fields.find((f) => f.name === 'createdBy')?.defaultValue).toEqual({ name: "''", source: "'MANUAL'" });
    expect(fields.find((f) => f.name === 'id')).toMatchObject({ type: 'UUID', isSystem: true, defaultValue: 'uuid' });
    expect(res.createOneObject.labelIdentifierFieldMetadataId).toBe(fields.find((f) => f.name === 'name')?.id);
    // relations to the standard objects present in the workspace (noteTarget here); the inverse is the
    // leg target<NameSingular> (build-system-relation-flat-field-metadatas-for-object.util.ts @1afeb26)
    const noteTargetField = [...t.sandbox.workspace.fields.values()].find(
      (f) => f.name === 'targetIntelLead' && f.objectMetadataId === t.sandbox.workspace.objectByName('noteTarget')?.id,
    );
    expect(noteTargetField?.settings).toMatchObject({ relationType: 'MANY_TO_ONE', joinColumnName: 'targetIntelLeadId' });
    const views = await t.metadata.request<{ getViews: Array<{ name: string; key: string; type: string }> }>(
      gql`
        query ($id: String) {
          getViews(objectMetadataId: $id) {
            name
            key
            type
          }
        }
      `,
      { id: res.createOneObject.id },
    );
    expect(views.getViews).toEqual([{ name: 'All Intel leads', key: 'INDEX', type: 'TABLE' }]);
  });

  it('puts custom objects in the workspace custom application, standard ones elsewhere (metadata-api.md §2.1)', async () => {
    type Res = {
      currentWorkspace: { workspaceCustomApplicationId: string };
      objects: { edges: Array<{ node: { nameSingular: string; applicationId: string } }> };
    };
    const res = await t.metadata.request<Res>(gql`
      {
        currentWorkspace {
          workspaceCustomApplicationId
        }
        objects(paging: { first: 1000 }) {
          edges {
            node {
              nameSingular
              applicationId
            }
          }
        }
      }
    `);
    const appOf = (n: string): string | undefined => res.objects.edges.find((e) => e.node.nameSingular === n)?.node.applicationId;
    expect(appOf('intelLead')).toBe(res.currentWorkspace.workspaceCustomApplicationId);
    expect(appOf('company')).not.toBe(res.currentWorkspace.workspaceCustomApplicationId);
  });

  it('skips the name field when asked (skipNameField)', async () => {
    const res = await createObject(t, { nameSingular: 'nameless', namePlural: 'namelesses', skipNameField: true });
    expect(res.createOneObject.fieldsList.some((f) => f.name === 'name')).toBe(false);
    expect(res.createOneObject.labelIdentifierFieldMetadataId).toBeNull();
  });

  it('refuses names Twenty refuses, with METADATA_VALIDATION_FAILED and the rule messages', async () => {
    // validate-flat-object-metadata-name.util.ts @fbfd69b; -name-and-labels.util.ts @c856e0d
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ nameSingular: 'lead2go', namePlural: 'lead2gos' }, 'Name should be in camelCase'],
      [
        { nameSingular: 'type', namePlural: 'typeThings' },
        'This name is reserved. Use a different name or the system will add "Custom" suffix.',
      ],
      [
        { nameSingular: 'sheep', namePlural: 'Sheep', labelSingular: 'Sheep', labelPlural: 'Flock' },
        'The singular and plural names cannot be the same for an object',
      ],
      [{ nameSingular: 'company', namePlural: 'companyRecords' }, 'Object already exists'],
      [{ nameSingular: 'crowd', namePlural: 'people' }, 'Object already exists'],
      [
        { nameSingular: 'label', namePlural: 'labels', labelSingular: 'Tag', labelPlural: 'tag' },
        'The singular and plural labels cannot be the same for an object',
      ],
    ];
    for (const [object, message] of cases) {
      const failure = await failureOf(createObject(t, object));
      expect(failure.errors[0]?.extensions?.code, JSON.stringify(object)).toBe('METADATA_VALIDATION_FAILED');
      expect(validationMessages(failure), JSON.stringify(object)).toContain(message);
    }
  });

  it('counts inactive objects as taken names', async () => {
    const res = await createObject(t, {
      nameSingular: 'oldThing',
      namePlural: 'oldThings',
      labelSingular: 'Old thing',
      labelPlural: 'Old things',
    });
    await t.metadata.request(
      gql`
        mutation ($id: UUID!) {
          updateOneObject(input: { id: $id, update: { isActive: false } }) {
            id
          }
        }
      `,
      { id: res.createOneObject.id },
    );
    const failure = await failureOf(createObject(t, { nameSingular: 'oldThing', namePlural: 'oldThingz' }));
    expect(validationMessages(failure)).toContain('Object already exists');
  });
});

describe('deleteOneObject', () => {
  it('refuses standard objects and active objects, deletes a deactivated custom one with its fields', async () => {
    const std = await failureOf(
      t.metadata.request(
        gql`
          mutation ($id: UUID!) {
            deleteOneObject(input: { id: $id }) {
              id
            }
          }
        `,
        { id: companyId(t) },
      ),
    );
    expect(validationMessages(std)).toContain('Standard objects cannot be deleted');
    const res = await createObject(t, { nameSingular: 'tempThing', namePlural: 'tempThings', labelSingular: 'Temp', labelPlural: 'Temps' });
    const id = res.createOneObject.id;
    const active = await failureOf(
      t.metadata.request(
        gql`
          mutation ($id: UUID!) {
            deleteOneObject(input: { id: $id }) {
              id
            }
          }
        `,
        { id },
      ),
    );
    expect(active.errors[0]?.extensions?.code).toBe('METADATA_VALIDATION_FAILED');
    await t.metadata.request(
      gql`
        mutation ($id: UUID!) {
          updateOneObject(input: { id: $id, update: { isActive: false } }) {
            id
          }
        }
      `,
      { id },
    );
    await t.metadata.request(
      gql`
        mutation ($id: UUID!) {
          deleteOneObject(input: { id: $id }) {
            id
          }
        }
      `,
      { id },
    );
    expect(t.sandbox.workspace.objects.has(id)).toBe(false);
    expect([...t.sandbox.workspace.fields.values()].some((f) => f.objectMetadataId === id || f.name === 'tempThing')).toBe(false);
  });
});
