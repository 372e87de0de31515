// Names of the generated /graphql types and resolvers: twentyhq/twenty
// packages/twenty-server/src/engine/api/graphql/workspace-schema-builder/utils/
// (get-resolver-name.util.ts: camelCase / pascalCase of the object's names;
// compute-object-metadata-object-type-key.util.ts: pascalCase(nameSingular);
// compute-enum-field-gql-type-key.util.ts: `${Pascal(object)}${Pascal(field)}Enum`).
import type { ObjectMeta } from '../state/types.ts';

export const pascalCase = (s: string): string => (s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1));
const camel = (s: string): string => (s.length === 0 ? s : s.charAt(0).toLowerCase() + s.slice(1));

export interface ResolverNames {
  findMany: string;
  findOne: string;
  createOne: string;
  createMany: string;
  updateOne: string;
  updateMany: string;
  deleteOne: string;
  deleteMany: string;
  destroyOne: string;
  destroyMany: string;
  restoreOne: string;
  restoreMany: string;
}

export function resolverNames(o: Pick<ObjectMeta, 'nameSingular' | 'namePlural'>): ResolverNames {
  const one = pascalCase(o.nameSingular);
  const many = pascalCase(o.namePlural);
  return {
    findMany: camel(o.namePlural),
    findOne: camel(o.nameSingular),
    createOne: `create${one}`,
    createMany: `create${many}`,
    updateOne: `update${one}`,
    updateMany: `update${many}`,
    deleteOne: `delete${one}`,
    deleteMany: `delete${many}`,
    destroyOne: `destroy${one}`,
    destroyMany: `destroy${many}`,
    restoreOne: `restore${one}`,
    restoreMany: `restore${many}`,
  };
}

export const typeName = (o: Pick<ObjectMeta, 'nameSingular'>): string => pascalCase(o.nameSingular);
export const enumTypeName = (o: Pick<ObjectMeta, 'nameSingular'>, fieldName: string): string =>
  `${pascalCase(o.nameSingular)}${pascalCase(fieldName)}Enum`;
