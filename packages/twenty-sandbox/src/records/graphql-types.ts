// Types shared by every workspace's /graphql schema: scalars, filter inputs,
// OrderByDirection, PageInfo, and one output / create / update / filter / orderBy
// type per composite field type. Sources: twentyhq/twenty packages/twenty-server/
// src/engine/api/graphql/workspace-schema-builder/graphql-types/input/*.ts
// (StringFilter, UUIDFilter, DateTimeFilter, BooleanFilter, SelectFilter,
// MultiSelectFilter, RawJsonFilter…) and scalars/*.ts (BigFloat, Position).
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  type GraphQLInputFieldConfigMap,
  type GraphQLInputType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  GraphQLScalarType,
  GraphQLString,
  Kind,
} from 'graphql';
import { UUIDScalar } from '../schema/scalars.ts';
import { validationError } from '../server/twenty-errors.ts';
import { ACTOR_SOURCES, COMPOSITE_TYPES, type SubFieldKind } from './composite-types.ts';

const passthrough = (name: string, description: string): GraphQLScalarType =>
  new GraphQLScalarType({
    name,
    description,
    serialize: (v) => v,
    parseValue: (v) => v,
    parseLiteral: (ast) => ('value' in ast ? ast.value : null),
  });

export const DateTimeScalar = passthrough(
  'DateTime',
  'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
);
export const DateScalar = passthrough('Date', 'Date custom scalar type, as a string (YYYY-MM-DD)');

function jsonLiteral(ast: import('graphql').ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, jsonLiteral(f.value)]));
    case Kind.LIST:
      return ast.values.map(jsonLiteral);
    default:
      return null;
  }
}
export const JSONScalar = new GraphQLScalarType({ name: 'JSON', serialize: (v) => v, parseValue: (v) => v, parseLiteral: jsonLiteral });

/** scalars/big-float.scalar.ts @105311c: out as a number (Twenty keeps the input as a string for Postgres numeric; the sandbox stores a number). */
export const BigFloatScalar = new GraphQLScalarType({
  name: 'BigFloat',
  description: 'A custom scalar type for representing big floating point numbers',
  serialize: (v) => (v === null ? null : parseFloat(String(v))),
  parseValue: (v) => Number(v),
  parseLiteral: (ast) => (ast.kind === Kind.FLOAT || ast.kind === Kind.INT ? Number(ast.value) : null),
});

/** scalars/position.scalar.ts @7e8d276. */
const checkPosition = (v: unknown): unknown => {
  if (typeof v === 'number' || v === 'first' || v === 'last') return v;
  throw validationError(`Invalid position value: '${String(v)}'. Position must be 'first', 'last', or a number`);
};
export const PositionScalar = new GraphQLScalarType({
  name: 'Position',
  description: 'A custom scalar type for representing record position in a list',
  serialize: checkPosition,
  parseValue: checkPosition,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && (ast.value === 'first' || ast.value === 'last')) return ast.value;
    if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parseFloat(ast.value);
    throw validationError('Invalid position value');
  },
});

export const OrderByDirection = new GraphQLEnumType({
  name: 'OrderByDirection',
  values: { AscNullsFirst: {}, AscNullsLast: {}, DescNullsFirst: {}, DescNullsLast: {} },
});
export const FilterIs = new GraphQLEnumType({ name: 'FilterIs', values: { NULL: {}, NOT_NULL: {} } });
export const ActorSource = new GraphQLEnumType({ name: 'ActorSource', values: Object.fromEntries(ACTOR_SOURCES.map((s) => [s, {}])) });

const list = (t: GraphQLInputType): GraphQLInputType => new GraphQLList(new GraphQLNonNull(t));
const comparisons = (name: string, t: GraphQLInputType, extra: GraphQLInputFieldConfigMap = {}): GraphQLInputObjectType =>
  new GraphQLInputObjectType({
    name,
    fields: {
      eq: { type: t },
      gt: { type: t },
      gte: { type: t },
      in: { type: list(t) },
      lt: { type: t },
      lte: { type: t },
      neq: { type: t },
      ...extra,
      is: { type: FilterIs },
    },
  });

export const StringFilter = comparisons('StringFilter', GraphQLString, {
  startsWith: { type: GraphQLString },
  like: { type: GraphQLString },
  ilike: { type: GraphQLString },
  regex: { type: GraphQLString },
  iregex: { type: GraphQLString },
});
export const UUIDFilter = comparisons('UUIDFilter', UUIDScalar);
export const FloatFilter = comparisons('FloatFilter', GraphQLFloat);
export const BigFloatFilter = comparisons('BigFloatFilter', BigFloatScalar);
export const DateTimeFilter = comparisons('DateTimeFilter', DateTimeScalar);
export const DateFilter = comparisons('DateFilter', DateScalar);
export const BooleanFilter = new GraphQLInputObjectType({
  name: 'BooleanFilter',
  fields: { eq: { type: GraphQLBoolean }, is: { type: FilterIs } },
});
export const SelectFilter = new GraphQLInputObjectType({
  name: 'SelectFilter',
  fields: { in: { type: new GraphQLList(GraphQLString) }, is: { type: FilterIs } },
});
export const MultiSelectFilter = new GraphQLInputObjectType({
  name: 'MultiSelectFilter',
  fields: { containsAny: { type: new GraphQLList(GraphQLString) }, is: { type: FilterIs }, isEmptyArray: { type: GraphQLBoolean } },
});
export const RawJsonFilter = new GraphQLInputObjectType({
  name: 'RawJsonFilter',
  fields: { is: { type: FilterIs }, like: { type: GraphQLString } },
});
export const ArrayFilter = new GraphQLInputObjectType({
  name: 'ArrayFilter',
  fields: { containsIlike: { type: GraphQLString }, is: { type: FilterIs }, isEmptyArray: { type: GraphQLBoolean } },
});

export const PageInfo = new GraphQLObjectType({
  name: 'PageInfo',
  fields: {
    hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    hasPreviousPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    startCursor: { type: GraphQLString },
    endCursor: { type: GraphQLString },
  },
});

const SUB_OUTPUT: Record<SubFieldKind, GraphQLOutputType> = {
  string: GraphQLString,
  float: GraphQLFloat,
  json: JSONScalar,
  uuid: UUIDScalar,
  actorSource: ActorSource,
};
const SUB_INPUT: Record<SubFieldKind, GraphQLInputType> = {
  string: GraphQLString,
  float: GraphQLFloat,
  json: JSONScalar,
  uuid: UUIDScalar,
  actorSource: ActorSource,
};
const SUB_FILTER: Record<SubFieldKind, GraphQLInputType> = {
  string: StringFilter,
  float: FloatFilter,
  json: RawJsonFilter,
  uuid: UUIDFilter,
  actorSource: StringFilter,
};

export interface CompositeGraphqlTypes {
  output: GraphQLObjectType;
  create: GraphQLInputObjectType;
  update: GraphQLInputObjectType;
  filter: GraphQLInputObjectType;
  orderBy: GraphQLInputObjectType;
}

export const COMPOSITE_GRAPHQL: Readonly<Record<string, CompositeGraphqlTypes>> = Object.fromEntries(
  Object.entries(COMPOSITE_TYPES).map(([type, c]) => {
    const sub = <T>(pick: (k: SubFieldKind) => T) => Object.fromEntries(c.subFields.map((s) => [s.name, { type: pick(s.kind) }]));
    const amount = type === 'CURRENCY';
    return [
      type,
      {
        output: new GraphQLObjectType({
          name: c.graphqlName,
          fields: sub((k) => (amount && k === 'float' ? BigFloatScalar : SUB_OUTPUT[k])),
        }),
        create: new GraphQLInputObjectType({
          name: `${c.graphqlName}CreateInput`,
          fields: sub((k) => (amount && k === 'float' ? BigFloatScalar : SUB_INPUT[k])),
        }),
        update: new GraphQLInputObjectType({
          name: `${c.graphqlName}UpdateInput`,
          fields: sub((k) => (amount && k === 'float' ? BigFloatScalar : SUB_INPUT[k])),
        }),
        filter: new GraphQLInputObjectType({
          name: `${c.graphqlName}FilterInput`,
          fields: sub((k) => (amount && k === 'float' ? BigFloatFilter : SUB_FILTER[k])),
        }),
        orderBy: new GraphQLInputObjectType({ name: `${c.graphqlName}OrderByInput`, fields: sub(() => OrderByDirection) }),
      },
    ];
  }),
);
