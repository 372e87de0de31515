// The names Twenty generates for an object's /graphql resolvers and input types:
// twentyhq/twenty packages/twenty-server/src/engine/api/graphql/workspace-schema-builder/
// utils/get-resolver-name.util.ts (camelCase / pascalCase of nameSingular and namePlural)
// and compute-object-metadata-object-type-key.util.ts (`${Pascal(nameSingular)}FilterInput`, …).

/** An object as the records API knows it: `{ nameSingular: 'intelLead', namePlural: 'intelLeads' }`. */
export interface ObjectNames {
  nameSingular: string;
  namePlural: string;
}

const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const camel = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

export interface RecordApiNames {
  findMany: string;
  createMany: string;
  updateMany: string;
  filterInput: string;
  orderByInput: string;
  createInput: string;
  updateInput: string;
}

export function recordApiNames(o: ObjectNames): RecordApiNames {
  const type = pascal(o.nameSingular);
  return {
    findMany: camel(o.namePlural),
    createMany: `create${pascal(o.namePlural)}`,
    updateMany: `update${pascal(o.namePlural)}`,
    filterInput: `${type}FilterInput`,
    orderByInput: `${type}OrderByInput`,
    createInput: `${type}CreateInput`,
    updateInput: `${type}UpdateInput`,
  };
}
