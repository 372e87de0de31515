// What the send path reads off a recipient: a value at a path, the opt-out flags
// that apply to it, and whose name goes into To (the person who owns the address:
// for an event invitation sent to `person.emails.primaryEmail`, the person's name,
// not the invitation's).
import type { Catalogue } from '../catalogue.ts';
import { OPT_OUT_FIELD } from '../prepare.ts';
import { recipientName } from '../recipients.ts';

export function valueAt(record: Record<string, unknown>, path: readonly string[]): unknown {
  let v: unknown = record;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

/** The recipient's own opt-out flag, and that of the company or person it is linked to. */
export function optOutPathsOf(catalogue: Catalogue, objectName: string): string[][] {
  const object = catalogue.objects.get(objectName);
  if (!object) return [];
  const paths: string[][] = [];
  if (object.fields.get(OPT_OUT_FIELD)?.type === 'BOOLEAN') paths.push([OPT_OUT_FIELD]);
  for (const f of object.fields.values()) {
    if (f.relation?.type !== 'MANY_TO_ONE') continue;
    if (catalogue.objects.get(f.relation.target)?.fields.get(OPT_OUT_FIELD)?.type === 'BOOLEAN') paths.push([f.name, OPT_OUT_FIELD]);
  }
  return paths;
}

export const optedOut = (record: Record<string, unknown>, paths: readonly string[][]): boolean =>
  paths.some((p) => valueAt(record, p) === true);

export interface Addressee {
  /** The relation hops from the recipient to the record holding the address ([] for the recipient itself). */
  hops: string[];
  object: string;
  /** The path of that record's name, to read with the recipients. */
  namePath: string[];
}

/** Follows `toPath` through MANY_TO_ONE relations to the record whose field holds the address. */
export function addresseeOf(catalogue: Catalogue, objectName: string, toPath: readonly string[]): Addressee {
  let object = objectName;
  const hops: string[] = [];
  for (const part of toPath) {
    const field = catalogue.objects.get(object)?.fields.get(part);
    if (field?.relation?.type !== 'MANY_TO_ONE') break;
    hops.push(part);
    object = field.relation.target;
  }
  const label = catalogue.objects.get(object)?.labelIdentifier ?? 'name';
  return { hops, object, namePath: [...hops, label] };
}

/** The addressee's name for To, or undefined when the record holding the address is not there. */
export function addresseeName(catalogue: Catalogue, a: Addressee, record: Record<string, unknown>): string | undefined {
  const holder = a.hops.length === 0 ? record : valueAt(record, a.hops);
  if (holder === null || typeof holder !== 'object') return undefined;
  const name = recipientName(catalogue, a.object, holder as Record<string, unknown>);
  return name.startsWith(`${a.object} `) ? undefined : name;
}
