// The pack's entity references, reduced to the Twenty names deploy matches by: a view of
// the reference index validation built once (pack.refs), never a second resolver.
import type { EntityRef, LinkedPack } from '../pack/index.ts';

export interface FieldName {
  object: string;
  name: string;
}

export interface PackRefs {
  /** nameSingular of the object a reference points at. */
  object(ref: EntityRef): string | undefined;
  /** The field a reference points at; a bare name is looked up on `contextObject`. */
  field(ref: EntityRef, contextObject?: string): FieldName | undefined;
}

export function packRefs(pack: LinkedPack): PackRefs {
  const index = pack.refs;
  return {
    object: (ref) => {
      const r = index.resolveObject(ref);
      return r.found ? r.object.nameSingular : undefined;
    },
    field: (ref, contextObject) => {
      const r = index.resolveField(ref, contextObject);
      return r.found ? { object: r.object.nameSingular, name: r.field.name } : undefined;
    },
  };
}
