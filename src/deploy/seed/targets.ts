// The records relation values point at (`branch: { code: SH-PD }`), read before the values
// are resolved to ids: every target object in one combined read, filtered to the records
// the references name and asking for the fields they name.
import { canonicalJson, readTogether, type ReadOptions } from '../../records/index.ts';
import type { TwentyClient } from '../../twenty/index.ts';
import type { ActualObject } from '../state.ts';
import { selectionOf } from './read.ts';
import type { TargetRecord } from './relations.ts';

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `{ code: { eq: 'SH-PD' } }` for a reference; undefined when a value is not one a filter can name (a list). */
function referenceFilter(ref: Record<string, unknown>): Record<string, unknown> | undefined {
  const and: Array<Record<string, unknown>> = [];
  const leaf = (v: unknown): Record<string, unknown> | undefined =>
    v === null ? { is: 'NULL' } : ['string', 'number', 'boolean'].includes(typeof v) ? { eq: v } : undefined;
  for (const [k, v] of Object.entries(ref)) {
    if (isMap(v)) {
      for (const [sub, sv] of Object.entries(v)) {
        const f = leaf(sv);
        if (!f) return undefined;
        and.push({ [k]: { [sub]: f } });
      }
    } else {
      const f = leaf(v);
      if (!f) return undefined;
      and.push({ [k]: f });
    }
  }
  return and.length === 1 ? and[0] : { and };
}

/** The records the references may match, by target object (targets the workspace lacks are left out). */
export async function readTargets(
  client: TwentyClient,
  references: ReadonlyMap<string, ReadonlyArray<Record<string, unknown>>>,
  objects: ReadonlyMap<string, ActualObject>,
): Promise<Map<string, TargetRecord[]>> {
  const targets = [...references].filter(([target]) => objects.has(target));
  const reads = targets.map(([target, refs]): ReadOptions => {
    const object = objects.get(target)!;
    const unique = [...new Map(refs.map((r) => [canonicalJson(r), r])).values()];
    const filters = unique.map(referenceFilter);
    const existing = new Set(object.fields.filter((f) => f.isActive).map((f) => f.name));
    // A reference no filter can name: the target's records are read in full and matched here.
    const filter = filters.every((f) => f !== undefined) ? { or: filters } : undefined;
    return { object, fields: selectionOf(unique, existing), ...(filter ? { filter } : {}) };
  });
  const rows = await readTogether(client, reads, {
    name: 'BankpackSeedTargets',
    operation: 'read the records seed relations point at',
    kind: 'records',
  });
  return new Map(targets.map(([target], i) => [target, rows[i] ?? []]));
}
