// What the /metadata tests share: the mutations that make objects and fields, and how to
// read Twenty's validation messages out of a failure.
import { gql } from 'graphql-request';
import { afterAll, beforeAll } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../src/fixtures/clients.ts';

/** This file's sandbox: filled in before its tests, closed after them. */
export function useTestSandbox(): TestSandbox {
  const t = {} as TestSandbox;
  beforeAll(async () => {
    Object.assign(t, await startTestSandbox());
  });
  afterAll(async () => t.sandbox.close());
  return t;
}

export interface Failure {
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
export const CREATE_FIELD = gql`
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

export interface CreatedObject {
  createOneObject: {
    id: string;
    nameSingular: string;
    labelIdentifierFieldMetadataId: string;
    fieldsList: Array<{ id: string; name: string; type: string; isSystem: boolean; defaultValue: unknown }>;
  };
}
export const createObject = (t: TestSandbox, object: Record<string, unknown>): Promise<CreatedObject> =>
  t.metadata.request<CreatedObject>(CREATE_OBJECT, { input: { object: { labelSingular: 'Thing', labelPlural: 'Things', ...object } } });
export const validationMessages = (f: { errors: Failure[] }): string[] => {
  const errors = (f.errors[0]?.extensions?.errors ?? {}) as Record<string, Array<{ errors: Failure[] }>>;
  return Object.values(errors).flatMap((list) => list.flatMap((e) => e.errors.map((x) => x.message)));
};
export const companyId = (t: TestSandbox): string => t.sandbox.workspace.objectByName('company')?.id ?? '';
