// --prune: remove what the pack no longer defines. Fields and objects are
// deactivated first, then deleted (Twenty refuses to delete an active field:
// "Active fields can't be deleted", flat-field-metadata-validator.service.ts).
// Record counts are read before anything is written, so that nothing holding
// data is dropped without --allow-data-loss.
import { type TwentyClient, type ServerCapabilities, isTwentyError } from '../twenty/index.ts';
import { lostNote, type ApplyContext } from './apply-context.ts';
import { DELETE_FIELD, DELETE_OBJECT, DELETE_VIEW, RECORD_COUNTS, UPDATE_FIELD, UPDATE_OBJECT } from './mutations.ts';
import type { Op, Plan } from './plan.ts';
import { idempotentWrite, safeWrite } from './safe-write.ts';

type OpOf<K extends Op['op']> = Extract<Op, { op: K }>;

/** Fill `records` on every removal: how many records the object holds (for a field: at most that many lose a value). */
export async function countRemovals(client: TwentyClient, plan: Plan, caps: Pick<ServerCapabilities, 'has'>): Promise<void> {
  const removals = plan.changes.filter((c) => c.apply?.op === 'removeObject' || c.apply?.op === 'removeField');
  if (removals.length === 0) return;
  const plurals = new Set(removals.map((c) => (c.apply as OpOf<'removeObject'> | OpOf<'removeField'>).namePlural));
  const counts = new Map<string, number>();
  if (caps.has('objectRecordCounts')) {
    try {
      const data = await client.metadata<{ objectRecordCounts: Array<{ objectNamePlural: string; totalCount: number }> }>(
        RECORD_COUNTS,
        undefined,
        {
          operation: 'count the records of what --prune removes',
          kind: 'record-counts',
          maxRetries: 0,
        },
      );
      for (const r of data.objectRecordCounts) counts.set(r.objectNamePlural, r.totalCount);
    } catch {
      // Some servers list it but do not serve it: count object by object below.
    }
  }
  for (const plural of plurals) {
    if (counts.has(plural)) continue;
    const data = await client.core<Record<string, { totalCount: number } | undefined>>(
      `query BankpackCount { ${plural}(first: 1) { totalCount } }`,
      undefined,
      {
        operation: `count ${plural}`,
        kind: `record-counts:${plural}`,
      },
    );
    counts.set(plural, data[plural]?.totalCount ?? 0);
  }
  for (const c of removals) c.records = counts.get((c.apply as OpOf<'removeObject'> | OpOf<'removeField'>).namePlural) ?? 0;
}

const gone = (e: unknown): boolean => isTwentyError(e) && (e.kind === 'not-found' || /not found/i.test(e.message));

export async function removeField(ctx: ApplyContext, op: OpOf<'removeField'>): Promise<void> {
  const what = `remove field ${op.objectName}.${op.fieldName}`;
  try {
    if (op.isActive) {
      await idempotentWrite(
        () =>
          ctx.client.metadata(
            UPDATE_FIELD,
            { input: { id: op.id, update: { isActive: false } } },
            { operation: `${what} (deactivate)`, write: true },
          ),
        lostNote(ctx, what),
      );
    }
    await safeWrite<true>({
      write: async () => {
        await ctx.client.metadata(DELETE_FIELD, { input: { id: op.id } }, { operation: what, write: true });
        return true;
      },
      verify: async () => {
        await ctx.live.refresh(ctx.client, 'objects');
        return ctx.live.object(op.objectName)?.fields.some((f) => f.id === op.id) ? undefined : true;
      },
      onLost: lostNote(ctx, what),
    });
  } catch (e) {
    if (!gone(e)) throw e;
  }
}

export async function removeView(ctx: ApplyContext, op: OpOf<'removeView'>): Promise<void> {
  const what = `remove view "${op.name}"`;
  const doc = ctx.caps.has('destroyView')
    ? DELETE_VIEW.replace('deleteView', 'destroyView').replace('BankpackDeleteView', 'BankpackDestroyView')
    : DELETE_VIEW;
  try {
    await idempotentWrite(() => ctx.client.metadata(doc, { id: op.id }, { operation: what, write: true }), lostNote(ctx, what));
  } catch (e) {
    if (!gone(e)) throw e;
  }
}

export async function removeObject(ctx: ApplyContext, op: OpOf<'removeObject'>): Promise<void> {
  const what = `remove object ${op.objectName}`;
  try {
    if (op.isActive) {
      await idempotentWrite(
        () =>
          ctx.client.metadata(
            UPDATE_OBJECT,
            { input: { id: op.id, update: { isActive: false } } },
            { operation: `${what} (deactivate)`, write: true },
          ),
        lostNote(ctx, what),
      );
    }
    await safeWrite<true>({
      write: async () => {
        await ctx.client.metadata(DELETE_OBJECT, { input: { id: op.id } }, { operation: what, write: true });
        return true;
      },
      verify: async () => {
        await ctx.live.refresh(ctx.client, 'objects');
        return ctx.live.object(op.objectName) ? undefined : true;
      },
      onLost: lostNote(ctx, what),
    });
  } catch (e) {
    if (!gone(e)) throw e;
  }
}
