// Apply a plan's seed records: the seed phase's writes (seed/write.ts), into the object
// as the workspace has it by now (an earlier step may have created it).
import type { ApplyContext } from './apply-context.ts';
import type { Op } from './plan.ts';
import { writeSeedChanges } from './seed/write.ts';

export async function upsertRecords(ctx: ApplyContext, op: Extract<Op, { op: 'upsertRecords' }>): Promise<void> {
  const object = ctx.live.object(op.seed.object);
  if (!object) throw new Error(`object ${op.seed.object} is not in the workspace (an earlier step did not complete)`);
  await writeSeedChanges(ctx.client, object, op);
}
