// GraphQL types of one field in each role (output, create/update input, filter,
// orderBy), by field metadata type, as Twenty's workspace schema builder maps
// them (workspace-schema-builder/utils/get-field-metadata-type.util.ts,
// get-number-scalar-type.util.ts, graphql-types/input/*-filter.input-type.ts).
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  type GraphQLInputType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLOutputType,
  GraphQLString,
} from 'graphql';
import { UUIDScalar } from '../schema/scalars.ts';
import type { FieldMeta, ObjectMeta } from '../state/types.ts';
import {
  ArrayFilter,
  BigFloatFilter,
  BigFloatScalar,
  BooleanFilter,
  COMPOSITE_GRAPHQL,
  DateFilter,
  DateScalar,
  DateTimeFilter,
  DateTimeScalar,
  FloatFilter,
  JSONScalar,
  MultiSelectFilter,
  OrderByDirection,
  PositionScalar,
  RawJsonFilter,
  SelectFilter,
  StringFilter,
  UUIDFilter,
} from './graphql-types.ts';
import { enumTypeName } from './naming.ts';

const ENUM_VALUE = /^[_a-zA-Z][_a-zA-Z0-9]*$/;

export class FieldTypes {
  private readonly enums = new Map<string, GraphQLEnumType>();

  /** The enum of a SELECT / MULTI_SELECT / RATING field, or undefined when its options cannot be GraphQL names. */
  enumOf(object: ObjectMeta, field: FieldMeta): GraphQLEnumType | undefined {
    const name = enumTypeName(object, field.name);
    const hit = this.enums.get(name);
    if (hit) return hit;
    const options = [...(field.options ?? [])].sort((a, b) => a.position - b.position);
    if (options.length === 0 || !options.every((o) => ENUM_VALUE.test(o.value))) return undefined;
    const e = new GraphQLEnumType({ name, values: Object.fromEntries(options.map((o) => [o.value, { value: o.value }])) });
    this.enums.set(name, e);
    return e;
  }

  private scalar(object: ObjectMeta, field: FieldMeta, role: 'output' | 'input'): GraphQLOutputType & GraphQLInputType {
    switch (field.type) {
      case 'UUID':
        return UUIDScalar;
      case 'TEXT':
        return GraphQLString;
      case 'NUMBER':
        return field.settings?.dataType === 'int' ? GraphQLInt : GraphQLFloat;
      case 'NUMERIC':
        return BigFloatScalar;
      case 'BOOLEAN':
        return GraphQLBoolean;
      case 'DATE_TIME':
        return DateTimeScalar;
      case 'DATE':
        return DateScalar;
      case 'POSITION':
        return PositionScalar;
      case 'SELECT':
      case 'RATING':
        return this.enumOf(object, field) ?? GraphQLString;
      case 'MULTI_SELECT':
        return new GraphQLList(new GraphQLNonNull(this.enumOf(object, field) ?? GraphQLString));
      case 'ARRAY':
        return new GraphQLList(new GraphQLNonNull(GraphQLString));
      default:
        void role;
        return JSONScalar;
    }
  }

  output(object: ObjectMeta, field: FieldMeta): GraphQLOutputType {
    const composite = COMPOSITE_GRAPHQL[field.type];
    if (composite) return composite.output;
    const t = this.scalar(object, field, 'output');
    const alwaysSet = ['id', 'createdAt', 'updatedAt', 'position'].includes(field.name) && !field.isNullable;
    return alwaysSet ? new GraphQLNonNull(t) : t;
  }

  input(object: ObjectMeta, field: FieldMeta, kind: 'create' | 'update'): GraphQLInputType {
    const composite = COMPOSITE_GRAPHQL[field.type];
    if (composite) return kind === 'create' ? composite.create : composite.update;
    return this.scalar(object, field, 'input');
  }

  filter(field: FieldMeta): GraphQLInputType {
    const composite = COMPOSITE_GRAPHQL[field.type];
    if (composite) return composite.filter;
    switch (field.type) {
      case 'UUID':
        return UUIDFilter;
      case 'TEXT':
        return StringFilter;
      case 'NUMBER':
      case 'POSITION':
        return FloatFilter;
      case 'NUMERIC':
        return BigFloatFilter;
      case 'BOOLEAN':
        return BooleanFilter;
      case 'DATE_TIME':
        return DateTimeFilter;
      case 'DATE':
        return DateFilter;
      case 'SELECT':
      case 'RATING':
        return SelectFilter;
      case 'MULTI_SELECT':
        return MultiSelectFilter;
      case 'ARRAY':
        return ArrayFilter;
      default:
        return RawJsonFilter;
    }
  }

  orderBy(field: FieldMeta): GraphQLInputType {
    return COMPOSITE_GRAPHQL[field.type]?.orderBy ?? OrderByDirection;
  }
}
