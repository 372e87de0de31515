// Diff of seed records: matched by deterministic id, then by natural key; created
// when missing, updated when a value the seed sets differs. Never deleted.
import { isSubset, sameJson } from './compare.ts';
import type { Change } from './plan.ts';
import type { ActualState, DesiredSeed } from './state.ts';

export function diffSeeds(seeds: readonly DesiredSeed[], actual: ActualState, same: (object: string) => void): Change[] {
  const changes: Change[] = [];
  for (const seed of seeds) {
    const existing = actual.records[seed.object] ?? [];
    const create: DesiredSeed['records'] = [];
    const update: Array<{ id: string; keyText: string; data: Record<string, unknown> }> = [];
    let unchanged = 0;
    for (const r of seed.records) {
      const found =
        existing.find((x) => x.id === r.id) ??
        (seed.key.length > 0 ? existing.find((x) => seed.key.every((k) => sameValue(r.data[k], x[k]))) : undefined);
      if (!found) {
        create.push(r);
        continue;
      }
      const data: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r.data)) if (!sameValue(v, found[k])) data[k] = v;
      if (Object.keys(data).length > 0) update.push({ id: found.id, keyText: r.keyText, data });
      else unchanged++;
    }
    for (let i = 0; i < unchanged; i++) same(seed.object);
    if (create.length === 0 && update.length === 0) continue;
    const parts = [create.length > 0 ? `${create.length} to create` : '', update.length > 0 ? `${update.length} to update` : ''].filter(
      Boolean,
    );
    changes.push({
      kind: 'records',
      action: create.length > 0 ? 'create' : 'update',
      object: seed.object,
      title: `seed records (${parts.join(', ')}, matched by ${seed.key.join(' + ') || 'id'})`,
      diffs: [
        ...create.slice(0, 5).map((r) => ({ property: 'record', from: null, to: r.keyText })),
        ...update.slice(0, 5).map((u) => ({ property: `record ${u.keyText}`, from: 'differs', to: Object.keys(u.data).join(', ') })),
      ],
      ...(create.length + update.length > 10
        ? { notes: [`… ${create.length + update.length - Math.min(5, create.length) - Math.min(5, update.length)} more`] }
        : {}),
      file: seed.source.file,
      apply: { op: 'upsertRecords', seed, create, update },
    });
  }
  return changes;
}

/** A seed value matches a stored one when equal, or, for composites, when its sub-fields match. */
function sameValue(desired: unknown, actual: unknown): boolean {
  if (desired !== null && typeof desired === 'object' && !Array.isArray(desired)) {
    return actual !== null && typeof actual === 'object' && isSubset(desired as Record<string, unknown>, actual as Record<string, unknown>);
  }
  return sameJson(desired ?? null, actual ?? null);
}
