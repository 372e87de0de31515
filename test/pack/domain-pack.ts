// Reading the pack the way a manager's questions need it: an object's fields (inline
// and standalone), an option list, what a relation points at. Shared by domain-*.test.ts.
import { join } from 'node:path';
import { type FieldDef, type Pack, type Problem, type ViewDef } from '../../src/pack/index.ts';
import { validatePack } from '../../src/validate/index.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface DomainPack {
  pack: Pack;
  problems: Problem[];
  /** nameSingular of the object a reference points at (UUID, `standard:x`, or a pack name). */
  objectName(ref: string): string | undefined;
  /** Every field the pack defines on an object, pack or standard. */
  fields(object: string): FieldDef[];
  field(object: string, name: string): FieldDef | undefined;
  views(object: string): ViewDef[];
}

export async function loadDomainPack(root = ROOT): Promise<DomainPack> {
  const { pack, problems } = await validatePack(root);
  const byUid = new Map(pack.objects.map((o) => [o.universalIdentifier.toLowerCase(), o.nameSingular]));
  const names = new Set(pack.objects.map((o) => o.nameSingular));
  const objectName = (ref: string): string | undefined => {
    if (ref.startsWith('standard:')) return ref.slice('standard:'.length).split('.')[0];
    return byUid.get(ref.toLowerCase()) ?? (names.has(ref) ? ref : undefined);
  };
  const fields = (object: string): FieldDef[] => [
    ...(pack.objects.find((o) => o.nameSingular === object)?.fields ?? []),
    ...pack.fields.filter((f) => f.objectUniversalIdentifier !== undefined && objectName(f.objectUniversalIdentifier) === object),
  ];
  return {
    pack,
    problems,
    objectName,
    fields,
    field: (object, name) => fields(object).find((f) => f.name === name),
    views: (object) => pack.views.filter((v) => objectName(v.objectUniversalIdentifier) === object),
  };
}

export const optionValues = (f: FieldDef | undefined): string[] => (f?.options ?? []).map((o) => o.value);

/** The object at the other end of a RELATION field. */
export function relationTarget(dp: DomainPack, f: FieldDef | undefined): string | undefined {
  const ref = f?.relationTargetObjectMetadataUniversalIdentifier;
  return ref === undefined ? undefined : dp.objectName(ref);
}
