// /metadata behaviour against Twenty's rules (each expectation cites the server
// file it copies; see the module comments for the commits).
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, startTestSandbox, type TestSandbox } from '../../src/fixtures/clients.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => t.sandbox.close());

interface Failure {
  message: string;
  extensions?: Record<string, unknown>;
}
const CREATE_OBJECT = gql`
  mutation CreateOneObject($input: CreateOneObjectInput!) {
    createOneObject(input: $input) {
      id
      nameSingular
      labelIdentifierFieldMetadataId
      fieldsList {
        id
        name
        type
        isSystem
        defaultValue
      }
    }
  }
`;
const CREATE_FIELD = gql`
  mutation CreateOneField($input: CreateOneFieldMetadataInput!) {
    createOneField(input: $input) {
      id
      name
      type
      options
      defaultValue
      settings
      isActive
      relation {
        type
        targetObjectMetadata {
          nameSingular
        }
        targetFieldMetadata {
          id
          name
          label
        }
      }
    }
  }
`;
const UPDATE_FIELD = gql`
  mutation UpdateOneField($input: UpdateOneFieldMetadataInput!) {
    updateOneField(input: $input) {
      id
      label
      isActive
      options
    }
  }
`;
const DELETE_FIELD = gql`
  mutation DeleteOneField($input: UUID!) {
    deleteOneField(input: { id: $input }) {
      id
    }
  }
`;

interface CreatedObject {
  createOneObject: {
    id: string;
    nameSingular: string;
    labelIdentifierFieldMetadataId: string;
    fieldsList: Array<{ id: string; name: string; type: string; isSystem: boolean; defaultValue: unknown }>;
  };
}
const createObject = (object: Record<string, unknown>): Promise<CreatedObject> =>
  t.metadata.request<CreatedObject>(CREATE_OBJECT, { input: { object: { labelSingular: 'Thing', labelPlural: 'Things', ...object } } });
const validationMessages = (f: { errors: Failure[] }): string[] => {
  const errors = (f.errors[0]?.extensions?.errors ?? {}) as Record<string, Array<{ errors: Failure[] }>>;
  return Object.values(errors).flatMap((list) => list.flatMap((e) => e.errors.map((x) => x.message)));
};
const companyId = (): string => t.sandbox.workspace.objectByName('company')?.id ?? '';

describe('objects: paging (parse-graphql-metadata-pagination.util.ts)', () => {
  it('returns 10 objects by default, keyset-paged by id DESC', async () => {
    for (let i = 0; i < 8; i++)
      await createObject({
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
    const res = await createObject({
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
    const res = await createObject({ nameSingular: 'nameless', namePlural: 'namelesses', skipNameField: true });
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
      const failure = await failureOf(createObject(object));
      expect(failure.errors[0]?.extensions?.code, JSON.stringify(object)).toBe('METADATA_VALIDATION_FAILED');
      expect(validationMessages(failure), JSON.stringify(object)).toContain(message);
    }
  });

  it('counts inactive objects as taken names', async () => {
    const res = await createObject({
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
    const failure = await failureOf(createObject({ nameSingular: 'oldThing', namePlural: 'oldThingz' }));
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
        { id: companyId() },
      ),
    );
    expect(validationMessages(std)).toContain('Standard objects cannot be deleted');
    const res = await createObject({ nameSingular: 'tempThing', namePlural: 'tempThings', labelSingular: 'Temp', labelPlural: 'Temps' });
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

describe('fields', () => {
  let leadId = '';
  beforeAll(async () => {
    leadId = (
      await createObject({ nameSingular: 'prospect', namePlural: 'prospects', labelSingular: 'Prospect', labelPlural: 'Prospects' })
    ).createOneObject.id;
  });
  type FieldRes = {
    createOneField: {
      id: string;
      options: Array<{ id: string; value: string; label: string; color: string; position: number }>;
      defaultValue: unknown;
      settings: Record<string, unknown> | null;
      relation: {
        type: string;
        targetObjectMetadata: { nameSingular: string };
        targetFieldMetadata: { id: string; name: string; label: string };
      } | null;
    };
  };
  const createField = (field: Record<string, unknown>): Promise<FieldRes> =>
    t.metadata.request<FieldRes>(CREATE_FIELD, { input: { field: { objectMetadataId: leadId, ...field } } });
  const stageOptions = [
    { value: 'NEW', label: 'New', color: 'sky', position: 0 },
    { value: 'QUALIFIED', label: 'Qualified', color: 'green', position: 1 },
  ];

  it('gives SELECT options server ids and keeps the quoted default', async () => {
    const res = await createField({ type: 'SELECT', name: 'stage', label: 'Stage', defaultValue: "'NEW'", options: stageOptions });
    expect(res.createOneField.options.map((o) => o.value)).toEqual(['NEW', 'QUALIFIED']);
    for (const o of res.createOneField.options) expect(o.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.createOneField.defaultValue).toBe("'NEW'");
  });

  it('refuses bad options and unquoted or unknown defaults (validate-enum-flat-field-metadata.util.ts)', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        { name: 'tier', options: [{ value: 'in-progress', label: 'In progress', color: 'sky', position: 0 }] },
        'Value must be in UPPER_CASE and follow snake_case "in-progress"',
      ],
      [{ name: 'tier', options: [{ value: 'A', label: 'A, B', color: 'sky', position: 0 }] }, 'Label must not contain a comma'],
      [{ name: 'tier', options: [] }, 'Options are required for enum fields'],
      [{ name: 'tier', options: stageOptions, defaultValue: 'NEW' }, 'Default value should be as quoted string'],
      [{ name: 'tier', options: stageOptions, defaultValue: "'LOST'" }, `Default value "'LOST'" must be one of the option values`],
      [
        { name: 'tier', options: [...stageOptions, { value: 'NEW', label: 'Again', color: 'red', position: 2 }] },
        'Duplicated option value',
      ],
    ];
    for (const [field, message] of cases) {
      const failure = await failureOf(createField({ type: 'SELECT', label: 'Tier', ...field }));
      expect(validationMessages(failure), message).toContain(message);
    }
  });

  it('refuses taken names: existing fields, join columns and composite sub-columns', async () => {
    for (const name of ['name', 'createdBySource', 'stage']) {
      const failure = await failureOf(createField({ type: 'TEXT', name, label: 'X' }));
      expect(validationMessages(failure), name).toContain(`Name "${name}" is not available`);
    }
  });

  it('creates both sides of a RELATION, the inverse named from targetFieldLabel, join column ${name}Id, onDelete SET_NULL', async () => {
    const res = await createField({
      type: 'RELATION',
      name: 'company',
      label: 'Company',
      relationCreationPayload: {
        type: 'MANY_TO_ONE',
        targetObjectMetadataId: companyId(),
        targetFieldLabel: 'Prospects',
        targetFieldIcon: 'IconTarget',
      },
    });
    expect(res.createOneField.settings).toEqual({ relationType: 'MANY_TO_ONE', onDelete: 'SET_NULL', joinColumnName: 'companyId' });
    expect(res.createOneField.relation).toMatchObject({
      type: 'MANY_TO_ONE',
      targetObjectMetadata: { nameSingular: 'company' },
      targetFieldMetadata: { name: 'prospects', label: 'Prospects' },
    });
    const companyIdField = await failureOf(createField({ type: 'TEXT', name: 'companyId', label: 'Company id' }));
    expect(validationMessages(companyIdField)).toContain('Name "companyId" is not available');
    const malformed = await failureOf(
      createField({
        type: 'RELATION',
        name: 'owner',
        label: 'Owner',
        relationCreationPayload: { type: 'MANY_TO_ONE', targetObjectMetadataId: companyId(), targetFieldLabel: 'Owned' },
      }),
    );
    expect(malformed.errors[0]).toMatchObject({ message: 'Relation creation payload is invalid', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses a type change at the schema level (UpdateFieldInput has no type)', async () => {
    const field = await createField({ type: 'TEXT', name: 'note', label: 'Note' });
    const failure = await failureOf(
      t.metadata.request(
        gql`
          mutation ($id: UUID!) {
            updateOneField(input: { id: $id, update: { type: NUMBER } }) {
              id
            }
          }
        `,
        { id: field.createOneField.id },
      ),
    );
    expect(failure.errors[0]).toMatchObject({
      message: 'Field "type" is not defined by type "UpdateFieldInput".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('requires option ids on update and relabels without losing stored values', async () => {
    const created = await createField({
      type: 'SELECT',
      name: 'grade',
      label: 'Grade',
      options: [
        { value: 'A', label: 'A', color: 'red', position: 0 },
        { value: 'B', label: 'B', color: 'blue', position: 1 },
      ],
    });
    const [a, b] = created.createOneField.options;
    const rec = await t.graphql.request<{ createProspect: { id: string } }>(gql`
      mutation {
        createProspect(data: { name: "P", grade: B }) {
          id
        }
      }
    `);
    const noIds = await failureOf(
      t.metadata.request(UPDATE_FIELD, {
        input: { id: created.createOneField.id, update: { options: [{ value: 'A', label: 'A', color: 'red', position: 0 }] } },
      }),
    );
    expect(validationMessages(noIds)).toContain('Option id is required');
    const updated = await t.metadata.request<{ updateOneField: { options: Array<{ id: string; value: string; label: string }> } }>(
      UPDATE_FIELD,
      {
        input: {
          id: created.createOneField.id,
          update: {
            options: [
              { ...a, label: 'Top' },
              { ...b, value: 'B_PLUS', label: 'B+' },
            ],
          },
        },
      },
    );
    expect(updated.updateOneField.options.map((o) => [o.id, o.value, o.label])).toEqual([
      [a?.id, 'A', 'Top'],
      [b?.id, 'B_PLUS', 'B+'],
    ]);
    // The option kept its id, so the record's value follows the renamed value.
    const after = await t.graphql.request<{ prospect: { grade: string } }>(
      gql`
        query ($id: UUID!) {
          prospect(filter: { id: { eq: $id } }) {
            grade
          }
        }
      `,
      { id: rec.createProspect.id },
    );
    expect(after.prospect.grade).toBe('B_PLUS');
  });

  it('deletes only inactive custom fields that are not the label identifier', async () => {
    const field = await createField({ type: 'TEXT', name: 'scratch', label: 'Scratch' });
    const id = field.createOneField.id;
    expect(validationMessages(await failureOf(t.metadata.request(DELETE_FIELD, { input: id })))).toContain(
      "Active fields can't be deleted",
    );
    await t.metadata.request(UPDATE_FIELD, { input: { id, update: { isActive: false } } });
    await t.metadata.request(DELETE_FIELD, { input: id });
    expect(t.sandbox.workspace.fields.has(id)).toBe(false);
    const std = t.sandbox.workspace.fieldByName(companyId(), 'employees')?.id;
    expect(validationMessages(await failureOf(t.metadata.request(DELETE_FIELD, { input: std })))).toContain(
      "Standard Fields can't be deleted",
    );
    const nameField = t.sandbox.workspace.objects.get(leadId)?.labelIdentifierFieldMetadataId;
    expect(validationMessages(await failureOf(t.metadata.request(DELETE_FIELD, { input: nameField })))).toContain(
      'Cannot delete, please update the label identifier field first',
    );
  });
});

describe('views', () => {
  it('creates a KANBAN view with one group per option (+ empty group for a nullable field) and takes client ids', async () => {
    const lead = await createObject({
      nameSingular: 'boardItem',
      namePlural: 'boardItems',
      labelSingular: 'Board item',
      labelPlural: 'Board items',
    });
    const stage = await t.metadata.request<{ createOneField: { id: string } }>(CREATE_FIELD, {
      input: {
        field: {
          objectMetadataId: lead.createOneObject.id,
          type: 'SELECT',
          name: 'stage',
          label: 'Stage',
          options: [
            { value: 'NEW', label: 'New', color: 'sky', position: 0 },
            { value: 'DONE', label: 'Done', color: 'green', position: 1 },
          ],
        },
      },
    });
    const viewId = '3f2b1c9e-8d7a-4b6c-9e5f-1a2b3c4d5e6f';
    const res = await t.metadata.request<{
      createView: { id: string; viewGroups: Array<{ fieldValue: string; position: number; isVisible: boolean }> };
    }>(
      gql`
        mutation ($input: CreateViewInput!) {
          createView(input: $input) {
            id
            viewGroups {
              fieldValue
              position
              isVisible
            }
          }
        }
      `,
      {
        input: {
          id: viewId,
          name: 'Board',
          objectMetadataId: lead.createOneObject.id,
          icon: 'IconLayoutKanban',
          type: 'KANBAN',
          mainGroupByFieldMetadataId: stage.createOneField.id,
        },
      },
    );
    expect(res.createView.id).toBe(viewId);
    expect(res.createView.viewGroups).toEqual([
      { fieldValue: 'NEW', position: 0, isVisible: true },
      { fieldValue: 'DONE', position: 1, isVisible: true },
      { fieldValue: '', position: 2, isVisible: true },
    ]);
    const nameField = lead.createOneObject.fieldsList.find((f) => f.name === 'name')?.id;
    const fields = await t.metadata.request<{ createManyViewFields: Array<{ fieldMetadataId: string; position: number; size: number }> }>(
      gql`
        mutation ($inputs: [CreateViewFieldInput!]!) {
          createManyViewFields(inputs: $inputs) {
            fieldMetadataId
            position
            size
          }
        }
      `,
      {
        inputs: [
          { viewId, fieldMetadataId: nameField, position: 0, size: 200 },
          { viewId, fieldMetadataId: stage.createOneField.id, position: 1 },
        ],
      },
    );
    expect(fields.createManyViewFields).toEqual([
      { fieldMetadataId: nameField, position: 0, size: 200 },
      { fieldMetadataId: stage.createOneField.id, position: 1, size: 0 },
    ]);
    const again = await failureOf(
      t.metadata.request(
        gql`
          mutation ($input: CreateViewInput!) {
            createView(input: $input) {
              id
            }
          }
        `,
        { input: { id: viewId, name: 'Again', objectMetadataId: lead.createOneObject.id, icon: 'IconList' } },
      ),
    );
    expect(again.errors[0]?.extensions?.code).toBe('METADATA_VALIDATION_FAILED');
  });
});
