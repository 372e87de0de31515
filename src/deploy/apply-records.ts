// Apply a plan's seed records with the seed phase's code (seed/): relation values
// (`branch: { code: SH-PD }`) resolved to join-column ids against the workspace as it
// is by now — earlier layers of this apply included — then written through
// src/records. The plan compares relation values as `branch { code }` reads them.
import type { ApplyContext } from './apply-context.ts';
import type { Op } from './plan.ts';
import { referencesIn, resolveRecord } from './seed/relations.ts';
import { readTargets } from './seed/targets.ts';
import { writeSeedChanges } from './seed/write.ts';

type RecordsOp = Extract<Op, { op: 'upsertRecords' }>;

/** The objects a seed change's relation values point at: it is written after their own seed changes. */
export function recordTargets(ctx: ApplyContext, op: RecordsOp): Set<string> {
  const object = ctx.live.object(op.seed.object);
  return object ? new Set(referencesIn(rowsOf(op), object).keys()) : new Set();
}

export async function upsertRecords(ctx: ApplyContext, op: RecordsOp): Promise<void> {
  const object = ctx.live.object(op.seed.object);
  if (!object) throw new Error(`object ${op.seed.object} is not in the workspace (an earlier step did not complete)`);
  const references = referencesIn(rowsOf(op), object);
  if (references.size === 0) {
    await writeSeedChanges(ctx.client, object, op);
    return;
  }
  const targets = await readTargets(ctx.client, references, ctx.live.objectsByName());
  const resolve = (data: Record<string, unknown>, keyText: string): Record<string, unknown> => {
    const r = resolveRecord(data, object, targets);
    const p = r.problems[0];
    if (p) throw new Error(`${op.seed.source.file}: record ${keyText}, ${p.field}: ${p.message} (${p.hint})`);
    return r.data;
  };
  await writeSeedChanges(ctx.client, object, {
    create: op.create.map((r) => ({ ...r, data: resolve(r.data, r.keyText) })),
    update: op.update.map((u) => ({ ...u, data: resolve(u.data, u.keyText) })),
  });
}

const rowsOf = (op: RecordsOp): Array<Record<string, unknown>> => [...op.create.map((r) => r.data), ...op.update.map((u) => u.data)];
