// Relation values in seed files: `branch: { code: SH-PD }` names the target record by
// its natural key. Before deploy's seed code sees a record, each such value becomes the
// join column Twenty's record API takes (`branchId: <uuid>`), found among the target
// object's records. A MANY_TO_ONE field's join column is `${name}Id` unless its
// settings say otherwise (Twenty: field-metadata settings `joinColumnName`).
import { isSubset, sameJson } from '../compare.ts';
import type { ActualField, ActualObject } from '../state.ts';
import type { PendingProblem, SeedDef } from '../../pack/index.ts';

export type TargetRecord = Record<string, unknown> & { id: string };

/** The MANY_TO_ONE relation fields of an object, by name. */
export function manyToOneFields(object: ActualObject): Map<string, ActualField> {
  return new Map(object.fields.filter((f) => f.isActive && f.relation?.type === 'MANY_TO_ONE').map((f) => [f.name, f]));
}

export function joinColumnOf(field: ActualField): string {
  const configured = field.settings?.joinColumnName;
  return typeof configured === 'string' && configured !== '' ? configured : `${field.name}Id`;
}

/**
 * The object as deploy's seed reader should see it: its join columns listed as plain
 * fields, so that `branchId` is read back and compared like any other value.
 */
export function withJoinColumns(object: ActualObject): ActualObject {
  const joins = [...manyToOneFields(object).values()].map((f): ActualField => {
    const { relation: _relation, ...rest } = f;
    return { ...rest, name: joinColumnOf(f), type: 'UUID' };
  });
  return { ...object, fields: [...object.fields, ...joins] };
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The relation values of some records, grouped by the object they point at. */
export function referencesIn(
  records: ReadonlyArray<Record<string, unknown>>,
  object: ActualObject,
): Map<string, Array<Record<string, unknown>>> {
  const relations = manyToOneFields(object);
  const out = new Map<string, Array<Record<string, unknown>>>();
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) {
      const target = relations.get(name)?.relation?.targetObjectName;
      if (!target || !isMap(value)) continue;
      out.set(target, [...(out.get(target) ?? []), value]);
    }
  }
  return out;
}

/** The relation values of a seed file, grouped by the object they point at. */
export const referencesOf = (seed: SeedDef, object: ActualObject): Map<string, Array<Record<string, unknown>>> =>
  referencesIn(seed.records, object);

/** A reference matches a record when every value it names is the record's (composites by their sub-fields). */
export function matches(ref: Record<string, unknown>, record: Record<string, unknown>): boolean {
  return Object.entries(ref).every(([k, v]) =>
    isMap(v) ? isMap(record[k]) && isSubset(v, record[k] as Record<string, unknown>) : sameJson(v, record[k] ?? null),
  );
}

const describeRef = (ref: Record<string, unknown>): string =>
  Object.entries(ref)
    .map(([k, v]) => `${k}=${isMap(v) ? Object.values(v).map(String).join('/') : String(v)}`)
    .join(', ');

/** Why one value of a record could not be written: the field, what is wrong, what to do. */
export interface RelationProblem {
  field: string;
  /** A reference that found no record or several (the others: a value listing many records). */
  unmatched: boolean;
  message: string;
  hint: string;
}

/**
 * The record with its relation values replaced by join-column ids (`branch: { code: SH-PD }`
 * becomes `branchId: <id>`), or, when a reference finds no target or more than one, or a
 * value lists many records, what is wrong with it.
 */
export function resolveRecord(
  record: Record<string, unknown>,
  object: ActualObject,
  targets: ReadonlyMap<string, readonly TargetRecord[]>,
): { data: Record<string, unknown>; problems: RelationProblem[] } {
  const relations = manyToOneFields(object);
  const problems: RelationProblem[] = [];
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) {
    const field = relations.get(name);
    if (!field?.relation) {
      const many = object.fields.find((f) => f.name === name)?.relation;
      if (isMap(value) && many?.type === 'ONE_TO_MANY') {
        problems.push({
          field: name,
          unmatched: false,
          message: `${name} lists many records: seed the link from the other side`,
          hint: `set it on each ${many.targetObjectName} record`,
        });
      } else data[name] = value;
      continue;
    }
    if (!isMap(value)) {
      data[joinColumnOf(field)] = value; // null, or already an id
      continue;
    }
    const target = field.relation.targetObjectName;
    const found = (targets.get(target) ?? []).filter((r) => matches(value, r));
    if (found.length === 1) {
      data[joinColumnOf(field)] = found[0]!.id;
      continue;
    }
    problems.push({
      field: name,
      unmatched: true,
      message:
        found.length === 0 ? `no ${target} with ${describeRef(value)}` : `${found.length} ${target} records have ${describeRef(value)}`,
      hint:
        found.length === 0
          ? `seed that ${target} in a file whose name sorts before this one, or fix the value`
          : 'name the target by a value only one record has',
    });
  }
  return { data, problems };
}

/**
 * The seed with its relation values replaced by join-column ids. A record whose reference
 * finds no target, or more than one, is left out and reported at that value.
 */
export function resolveSeed(
  seed: SeedDef,
  object: ActualObject,
  targets: ReadonlyMap<string, readonly TargetRecord[]>,
): { seed: SeedDef; problems: PendingProblem[] } {
  const problems: PendingProblem[] = [];
  const records: Array<Record<string, unknown>> = [];
  seed.records.forEach((record, i) => {
    const r = resolveRecord(record, object, targets);
    if (r.problems.length === 0) records.push(r.data);
    for (const p of r.problems) {
      const unloaded = p.unmatched ? `${p.message}: this record was not loaded` : p.message;
      problems.push({
        file: seed.source.file,
        path: [...seed.source.path, 'records', i, p.field],
        rule: 'seed-relation',
        message: unloaded,
        hint: p.hint,
      });
    }
  });
  return { seed: { ...seed, records }, problems };
}
