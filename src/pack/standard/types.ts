// Twenty's standard objects and fields as the pack, the validator and the sandbox see them.
import type { FieldType, RelationType } from '../model.ts';

export interface StandardOption {
  value: string;
  label: string;
  color: string;
  position: number;
}

export interface StandardField {
  name: string;
  /** From twenty-sdk's STANDARD_OBJECT constant (literal or uuid5-derived). */
  universalIdentifier: string;
  type: FieldType;
  label: string;
  icon?: string;
  isNullable: boolean;
  /** Fields Twenty adds to every object (id, createdAt, position, searchVector…). */
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
  /**
   * Fields twenty-sdk's STANDARD_OBJECT lists but the catalogue cannot type yet
   * (absent from `fields`). Their names are still taken on this object.
   */
  untypedFieldNames?: string[];
}
