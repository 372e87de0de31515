// Twenty's standard objects and fields as the sandbox seeds them. The field and
// relation type unions are twenty-sdk@2.43.0's own enums (FieldType is its
// FieldMetadataType, the same members as FieldMetadataType in schema/metadata.graphql).
// Deliberately the sandbox's own and not the engine's src/pack/standard/types.ts, which it
// may not import; the engine's catalogue stays assignable to these (tests seed it).
import type { FieldType as SdkFieldType, RelationType as SdkRelationType } from 'twenty-sdk/define';

export type FieldType = `${SdkFieldType}`;
export type RelationType = `${SdkRelationType}`;

export interface StandardOption {
  value: string;
  label: string;
  color: string;
  position: number;
}

export interface StandardField {
  name: string;
  universalIdentifier: string;
  type: FieldType;
  label: string;
  icon?: string;
  isNullable: boolean;
  isSystem: boolean;
  defaultValue?: unknown;
  options?: StandardOption[];
  /** RELATION fields: the other side. */
  relation?: { type: RelationType; targetObject: string; targetField: string };
}

export interface StandardObject {
  nameSingular: string;
  namePlural: string;
  universalIdentifier: string;
  labelSingular: string;
  labelPlural: string;
  icon: string;
  /** Internal objects (workspaceMember is one) that Twenty hides from the object list. */
  isSystem: boolean;
  labelIdentifierFieldName: string;
  fields: StandardField[];
  /** Fields twenty-sdk's STANDARD_OBJECT names but the catalogue does not type (not seeded). */
  untypedFieldNames?: string[];
}
