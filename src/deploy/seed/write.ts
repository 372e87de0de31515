// Writing a seed's changes through src/records: new records created 60 a request, each
// with its deterministic id (a create whose answer was lost is sent again as an upsert of
// the same ids, so it cannot duplicate); updates grouped by equal values into bulk updates,
// the rest pooled into upserts of the records still live.
import { chunkCreates, planUpdates, writeBatches, type ObjectNames, type WriteResult } from '../../records/index.ts';
import type { TwentyClient } from '../../twenty/index.ts';
import type { DesiredRecord } from '../state.ts';

export interface SeedWrites {
  create: readonly DesiredRecord[];
  update: ReadonlyArray<{ id: string; data: Record<string, unknown> }>;
}

/** Writes the changes; throws what stopped them (the records written before it stay). */
export async function writeSeedChanges(client: TwentyClient, object: ObjectNames, changes: SeedWrites): Promise<WriteResult> {
  const batches = [
    ...chunkCreates(
      object,
      changes.create.map((r) => ({ ...r.data, id: r.id })),
    ),
    ...planUpdates(
      object,
      changes.update.map((u) => ({ id: u.id, data: u.data })),
    ),
  ];
  const result = await writeBatches(client, batches);
  if (result.error) throw result.error;
  return result;
}
