// Seed records: the object resolves; key fields and record fields are fields of it (or the
// join column of one of its MANY_TO_ONE relations, which the records API accepts as
// `<relation>Id`, ../shared/twenty/metadata-api.md §6); SELECT and MULTI_SELECT values are
// options of their field.
import { closest } from '../did-you-mean.ts';
import type { SeedDef } from '../model.ts';
import type { PendingProblem } from '../problems.ts';
import { refOf, type FieldTarget, type ObjectTarget } from '../refs.ts';
import { isRecord, problemAt, unresolved, type RuleContext, type RuleFamily } from './context.ts';
import { joinColumnOf } from './field-names.ts';

function optionProblems(seed: SeedDef, field: FieldTarget, value: unknown, path: (string | number)[]): PendingProblem[] {
  if (field.type !== 'SELECT' && field.type !== 'MULTI_SELECT') return [];
  const values = (field.options ?? []).map((o) => o.value);
  const given =
    field.type === 'MULTI_SELECT' && Array.isArray(value) ? value.map((v, i) => [v, [...path, i]] as const) : [[value, path] as const];
  const out: PendingProblem[] = [];
  for (const [v, at] of given) {
    if (typeof v !== 'string' || values.includes(v)) continue;
    const near = closest(v, values);
    out.push(
      problemAt(seed.source, at, 'seed-option', `"${v}" is not an option of ${refOf(field)}`, {
        hint: near !== undefined ? `did you mean "${near}"?` : `options: ${values.join(', ')}`,
      }),
    );
  }
  return out;
}

function checkSeed(ctx: RuleContext, seed: SeedDef): PendingProblem[] {
  const found = ctx.refs.resolveObject(seed.object);
  if (!found.found) return [unresolved(seed.source, ['object'], 'seed-object', found, 'the seed records belong to an unknown object')];
  const object: ObjectTarget = found.object;
  const fields = ctx.refs.fieldsOf(object);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const joinColumns = new Map(fields.flatMap((f) => (joinColumnOf(f) ? [[joinColumnOf(f)!, f] as const] : [])));
  const names = [...byName.keys(), ...joinColumns.keys()];
  const out: PendingProblem[] = [];
  const missing = (name: string, path: (string | number)[], atKey: boolean): void => {
    const near = closest(name, names);
    out.push(
      problemAt(seed.source, path, 'seed-field', `${refOf(object)} has no field "${name}"`, {
        hint: near !== undefined ? `did you mean "${near}"?` : undefined,
        atKey,
      }),
    );
  };
  seed.key.forEach((name, i) => {
    if (!byName.has(name) && !joinColumns.has(name)) missing(name, ['key', i], false);
  });
  seed.records.forEach((record, i) => {
    if (!isRecord(record)) return;
    for (const [name, value] of Object.entries(record)) {
      const field = byName.get(name);
      if (field) out.push(...optionProblems(seed, field, value, ['records', i, name]));
      else if (!joinColumns.has(name)) missing(name, ['records', i, name], true);
    }
  });
  return out;
}

export const seedsFamily: RuleFamily = {
  name: 'seeds',
  check: (ctx) => ctx.pack.seeds.flatMap((s) => checkSeed(ctx, s)),
};
