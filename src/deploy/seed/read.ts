// The records seeds may already have, through src/records: each seeded object is one
// root field of a combined read (a no-op deploy reads every seeded object in one
// request), filtered to the seeds' ids and natural keys, asking only for the fields the
// seeds set. An object with more matching records than a page is read on to the end.
import { readTogether, type ReadOptions, type Selection } from '../../records/index.ts';
import type { TwentyClient } from '../../twenty/index.ts';
import type { ActualObject, ActualState, DesiredSeed } from '../state.ts';

/** `id` plus every field the seeds set that the object has; composite values ask for their own sub-fields. */
export function seedSelection(seeds: readonly DesiredSeed[], existing: ReadonlySet<string>): Selection {
  return selectionOf(
    seeds.flatMap((s) => s.records.map((r) => r.data)),
    existing,
  );
}

/** `id` plus every field the rows name that the object has; composite values ask for their own sub-fields. */
export function selectionOf(rows: ReadonlyArray<Record<string, unknown>>, existing: ReadonlySet<string>): Selection {
  const fields = new Map<string, Set<string> | null>();
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) {
      if (!existing.has(k)) continue; // a field this deploy has yet to create
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const subs = fields.get(k) ?? new Set<string>();
        for (const sub of Object.keys(v)) subs.add(sub);
        fields.set(k, subs);
      } else if (!fields.has(k)) fields.set(k, null);
    }
  }
  fields.delete('id');
  const out: Array<string | Record<string, Selection>> = ['id'];
  for (const [k, subs] of fields) out.push(subs && subs.size > 0 ? { [k]: [...subs] } : k);
  return out;
}

/** Only the records that could match: by id, or by a scalar natural key; null reads them all. */
export function seedFilter(seed: DesiredSeed, existing: ReadonlySet<string>): Record<string, unknown> | null {
  const ids = { id: { in: seed.records.map((r) => r.id) } };
  if (!seed.key.every((k) => existing.has(k))) return ids;
  const scalarKey = seed.key.every((k) =>
    seed.records.every((r) => r.data[k] === null || ['string', 'number', 'boolean'].includes(typeof r.data[k])),
  );
  if (!scalarKey || seed.key.length === 0) return null;
  if (seed.key.length === 1) {
    const k = seed.key[0]!;
    return { or: [ids, { [k]: { in: seed.records.map((r) => r.data[k]).filter((v) => v !== null) } }] };
  }
  return { or: [ids, ...seed.records.map((r) => ({ and: seed.key.map((k) => ({ [k]: { eq: r.data[k] } })) }))] };
}

/** Several seeds of one object share its root field: their filters joined with `or`. */
function mergedFilter(seeds: readonly DesiredSeed[], existing: ReadonlySet<string>): Record<string, unknown> | undefined {
  const filters = seeds.map((s) => seedFilter(s, existing));
  if (filters.some((f) => f === null)) return undefined;
  return filters.length === 1 ? filters[0]! : { or: filters };
}

/**
 * The records the seeds may already have, by object: every seeded object the workspace
 * has in one request per 20. Seeds of an object it lacks (this deploy creates it) read nothing.
 */
export async function readSeeds(
  client: TwentyClient,
  seeds: readonly DesiredSeed[],
  objects: readonly ActualObject[],
): Promise<ActualState['records']> {
  const byObject = new Map<string, { object: ActualObject; seeds: DesiredSeed[] }>();
  for (const seed of seeds) {
    const object = objects.find((o) => o.nameSingular === seed.object);
    if (!object) continue;
    const read = byObject.get(seed.object) ?? { object, seeds: [] };
    read.seeds.push(seed);
    byObject.set(seed.object, read);
  }
  const groups = [...byObject.values()];
  const reads = groups.map(({ object, seeds: own }): ReadOptions => {
    const existing = new Set(object.fields.filter((f) => f.isActive).map((f) => f.name));
    const filter = mergedFilter(own, existing);
    return { object, fields: seedSelection(own, existing), ...(filter ? { filter } : {}) };
  });
  const rows = await readTogether(client, reads, { name: 'BankpackSeeds', operation: 'read the seeded records', kind: 'records' });
  const records: ActualState['records'] = {};
  groups.forEach((g, i) => (records[g.object.nameSingular] = rows[i] ?? []));
  return records;
}
