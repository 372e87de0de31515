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

/** The relation values of a seed file, grouped by the object they point at. */
export function referencesOf(seed: SeedDef, object: ActualObject): Map<string, Array<Record<string, unknown>>> {
  const relations = manyToOneFields(object);
  const out = new Map<string, Array<Record<string, unknown>>>();
  for (const record of seed.records) {
    for (const [name, value] of Object.entries(record)) {
      const target = relations.get(name)?.relation?.targetObjectName;
      if (!target || !isMap(value)) continue;
      out.set(target, [...(out.get(target) ?? []), value]);
    }
  }
  return out;
}

/** A reference matches a record when every value it names is the record's (composites by their sub-fields). */
export function matches(ref: Record<string, unknown>, record: Record<string, unknown>): boolean {
  return Object.entries(ref).every(([k, v]) => (isMap(v) ? isMap(record[k]) && isSubset(v, record[k] as Record<string, unknown>) : sameJson(v, record[k] ?? null)));
}

const describeRef = (ref: Record<string, unknown>): string =>
  Object.entries(ref).map(([k, v]) => `${k}=${isMap(v) ? Object.values(v).map(String).join('/') : String(v)}`).join(', ');

/**
 * The seed with its relation values replaced by join-column ids. A record whose reference
 * finds no target, or more than one, is left out and reported at that value.
 */
export function resolveSeed(seed: SeedDef, object: ActualObject, targets: ReadonlyMap<string, readonly TargetRecord[]>): { seed: SeedDef; problems: PendingProblem[] } {
  const relations = manyToOneFields(object);
  const problems: PendingProblem[] = [];
  const records: Array<Record<string, unknown>> = [];
  seed.records.forEach((record, i) => {
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const [name, value] of Object.entries(record)) {
      const field = relations.get(name);
      const at = [...seed.source.path, 'records', i, name];
      if (!field?.relation) {
        if (isMap(value) && object.fields.find((f) => f.name === name)?.relation?.type === 'ONE_TO_MANY') {
          problems.push({ file: seed.source.file, path: at, rule: 'seed-relation', message: `${name} lists many records: seed the link from the other side`, hint: `set it on each ${object.fields.find((f) => f.name === name)?.relation?.targetObjectName ?? 'target'} record` });
          ok = false;
        } else out[name] = value;
        continue;
      }
      const column = joinColumnOf(field);
      if (value === null) {
        out[column] = null;
        continue;
      }
      if (!isMap(value)) {
        out[column] = value; // already an id
        continue;
      }
      const target = field.relation.targetObjectName;
      const found = (targets.get(target) ?? []).filter((r) => matches(value, r));
      if (found.length === 1) {
        out[column] = found[0]!.id;
        continue;
      }
      ok = false;
      problems.push({
        file: seed.source.file,
        path: at,
        rule: 'seed-relation',
        message: found.length === 0 ? `no ${target} with ${describeRef(value)}: this record was not loaded` : `${found.length} ${target} records have ${describeRef(value)}: this record was not loaded`,
        hint: found.length === 0 ? `seed that ${target} in a file whose name sorts before this one, or fix the value` : 'name the target by a value only one record has',
      });
    }
    if (ok) records.push(out);
  });
  return { seed: { ...seed, records }, problems };
}
