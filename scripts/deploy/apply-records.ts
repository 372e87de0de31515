// Apply seed records: created 60 at a time (Twenty's batch size,
// docs.twenty.com "import data via API"), each with its deterministic id, so that
// after a lost answer a read by id shows which of the batch exist; updated one by one.
import { lostNote, type ApplyContext } from './apply-context.ts';
import { runAll } from './apply-views.ts';
import { pascal } from './read-actual.ts';
import type { Op } from './plan.ts';
import { idempotentWrite, safeWrite } from './safe-write.ts';

export const RECORD_BATCH = 60;

type OpOf<K extends Op['op']> = Extract<Op, { op: K }>;

export async function upsertRecords(ctx: ApplyContext, op: OpOf<'upsertRecords'>): Promise<void> {
  const object = ctx.live.object(op.seed.object);
  if (!object) throw new Error(`object ${op.seed.object} is not in the workspace (an earlier step did not complete)`);
  const plural = object.namePlural;
  const createName = `create${pascal(plural)}`;
  const updateName = `update${pascal(object.nameSingular)}`;
  const createDoc = `mutation BankpackSeed($data: [${pascal(object.nameSingular)}CreateInput!]!) { ${createName}(data: $data) { id } }`;
  const updateDoc = `mutation BankpackSeedUpdate($id: UUID!, $data: ${pascal(object.nameSingular)}UpdateInput!) { ${updateName}(id: $id, data: $data) { id } }`;
  const findDoc = `query BankpackSeedIds($filter: ${pascal(object.nameSingular)}FilterInput) { ${plural}(filter: $filter, first: ${RECORD_BATCH}) { edges { node { id } } } }`;

  const batches: Array<typeof op.create> = [];
  for (let i = 0; i < op.create.length; i += RECORD_BATCH) batches.push(op.create.slice(i, i + RECORD_BATCH));

  const createTasks = batches.map((batch, n) => async () => {
    const what = `create ${plural} ${n * RECORD_BATCH + 1}–${n * RECORD_BATCH + batch.length}`;
    let pending = batch;
    await safeWrite<true>({
      write: async () => {
        await ctx.client.core(createDoc, { data: pending.map((r) => ({ ...r.data, id: r.id })) }, { operation: what, write: true });
        return true;
      },
      verify: async () => {
        const found = await ctx.client.core<Record<string, { edges: Array<{ node: { id: string } }> }>>(
          findDoc,
          { filter: { id: { in: pending.map((r) => r.id) } } },
          { operation: `check ${what}`, kind: `verify:${plural}` },
        );
        const have = new Set((found[plural]?.edges ?? []).map((e) => e.node.id));
        pending = pending.filter((r) => !have.has(r.id));
        return pending.length === 0 ? true : undefined;
      },
      onLost: lostNote(ctx, what),
    });
  });
  const updateTasks = op.update.map((u) => () => {
    const what = `update ${object.nameSingular} ${u.keyText}`;
    return idempotentWrite(() => ctx.client.core(updateDoc, { id: u.id, data: u.data }, { operation: what, write: true }), lostNote(ctx, what));
  });
  await runAll(ctx, [...createTasks, ...updateTasks]);
}
