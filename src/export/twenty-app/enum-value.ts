// twenty-sdk types its enumerated keys as TypeScript enums (`FieldType.TEXT`), and a
// string literal is not assignable to an enum: the generated source must name the
// member. An EnumValue carries both; as data (JSON, comparisons) it is the value.
export type SdkEnum =
  | 'FieldType'
  | 'ViewType'
  | 'ViewFilterOperand'
  | 'ViewSortDirection'
  | 'AggregateOperations'
  | 'RelationType'
  | 'OnDeleteAction'
  | 'NavigationMenuItemType'
  | 'NumberDataType'
  | 'RowLevelPermissionPredicateOperand';

export class EnumValue {
  constructor(
    readonly enumName: SdkEnum,
    readonly value: string,
  ) {}

  /** The member's name: the value itself, upper-cased where the SDK's values are lower case (`NumberDataType.FLOAT = 'float'`). */
  get member(): string {
    return this.value.toUpperCase();
  }

  toJSON(): string {
    return this.value;
  }
}

export const sdkEnum = (enumName: SdkEnum, value: string): EnumValue => new EnumValue(enumName, value);

/** Which keys of a field's `universalSettings` hold enum values. */
export const SETTINGS_ENUMS: Readonly<Record<string, SdkEnum>> = {
  relationType: 'RelationType',
  onDelete: 'OnDeleteAction',
  dataType: 'NumberDataType',
};
