// /metadata behaviour against Twenty's rules (each expectation cites the server
// file it copies; see the module comments for the commits): views.
import { gql } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import { failureOf } from '../../src/fixtures/clients.ts';
import { CREATE_FIELD, createObject, useTestSandbox } from './metadata-helpers.ts';

const t = useTestSandbox();

describe('views', () => {
  it('creates a KANBAN view with one group per option (+ empty group for a nullable field) and takes client ids', async () => {
    const lead = await createObject(t, {
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
