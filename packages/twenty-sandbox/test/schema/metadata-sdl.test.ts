// The committed /metadata SDL is exactly what the generator rebuilds from
// twenty-client-sdk 2.43.0, and it accepts and rejects what a 2.43.0 server does
// (operations listed in ../shared/twenty/metadata-api.md §8).
import { readFile } from 'node:fs/promises';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { generateMetadataSdl, METADATA_SDL_PATH } from '../../src/schema/gen-metadata-sdl.ts';

const committed = await readFile(METADATA_SDL_PATH, 'utf8');
const schema = buildSchema(committed);
const errorsOf = (op: string): string[] => validate(schema, parse(op)).map((e) => e.message);

describe('metadata.graphql', () => {
  it('is what the generator rebuilds from the pinned package', async () => {
    expect(await generateMetadataSdl()).toBe(committed);
  });

  it('holds the 607 types of the 2.43.0 schema, with the defaults genql drops', () => {
    const types = Object.keys(schema.getTypeMap()).filter((n) => !n.startsWith('__'));
    expect(types).toHaveLength(607);
    const objects = schema.getQueryType()?.getFields().objects;
    expect(objects?.args.map((a) => `${a.name}: ${String(a.type)} = ${JSON.stringify(a.defaultValue)}`)).toEqual([
      'paging: CursorPaging! = {"first":10}',
      'filter: ObjectFilter! = {}',
    ]);
  });

  it('accepts the operations a deploy tool sends', () => {
    expect(errorsOf('{ objects { edges { node { id nameSingular fieldsList { id name options relation { type } } } } } }')).toEqual([]);
    expect(
      errorsOf(`mutation M1($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }
        mutation M2 { createOneField(input: { field: { objectMetadataId: "0b9d3b4e-7c5d-4f6b-9a38-0f4a2c0d1e11", type: RELATION, name: "company", label: "Company",
          relationCreationPayload: { type: "MANY_TO_ONE", targetObjectMetadataId: "x", targetFieldLabel: "Leads", targetFieldIcon: "IconTarget" } } }) { id } }
        mutation M3 { createView(input: { name: "Pipeline", objectMetadataId: "0b9d3b4e-7c5d-4f6b-9a38-0f4a2c0d1e11", icon: "IconLayoutKanban", type: KANBAN }) { id viewGroups { id } } }
        query M4 { getViews(objectMetadataId: "x") { id } }`),
    ).toEqual([]);
  });

  it('rejects what 2.43.0 no longer has, with graphql-js messages', () => {
    expect(errorsOf('{ objects { edges { node { isCustom } } } }')).toEqual([
      'Cannot query field "isCustom" on type "Object". Did you mean "isSystem"?',
    ]);
    expect(errorsOf('mutation { createCoreView(input: {}) { id } }')[0]).toMatch(/^Cannot query field "createCoreView" on type "Mutation"/);
    expect(errorsOf('mutation { createOneRelation(input: {}) { id } }')[0]).toMatch(/^Cannot query field "createOneRelation"/);
    expect(
      errorsOf('mutation { createOneObject(input: { object: { nameSingular: "a", namePlural: "bs", labelSingular: "A" } }) { id } }'),
    ).toEqual(['Field "CreateObjectInput.labelPlural" of required type "String!" was not provided.']);
  });
});
