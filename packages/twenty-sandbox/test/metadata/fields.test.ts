// /metadata behaviour against Twenty's rules (each expectation cites the server
// file it copies; see the module comments for the commits): fields.
import { gql } from 'graphql-request';
import { beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../../src/fixtures/clients.ts';
import { CREATE_FIELD, companyId, createObject, validationMessages, useTestSandbox } from './metadata-helpers.ts';

const t = useTestSandbox();

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

describe('fields', () => {
  let leadId = '';
  beforeAll(async () => {
    leadId = (
      await createObject(t, { nameSingular: 'prospect', namePlural: 'prospects', labelSingular: 'Prospect', labelPlural: 'Prospects' })
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
        targetObjectMetadataId: companyId(t),
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
        relationCreationPayload: { type: 'MANY_TO_ONE', targetObjectMetadataId: companyId(t), targetFieldLabel: 'Owned' },
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
    const std = t.sandbox.workspace.fieldByName(companyId(t), 'employees')?.id;
    expect(validationMessages(await failureOf(t.metadata.request(DELETE_FIELD, { input: std })))).toContain(
      "Standard Fields can't be deleted",
    );
    const nameField = t.sandbox.workspace.objects.get(leadId)?.labelIdentifierFieldMetadataId;
    expect(validationMessages(await failureOf(t.metadata.request(DELETE_FIELD, { input: nameField })))).toContain(
      'Cannot delete, please update the label identifier field first',
    );
  });
});
