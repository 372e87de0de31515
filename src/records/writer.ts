// Sends planned write batches, one request each, in order. An update sets absolute values,
// so re-sending it is harmless: when its answer is lost it is sent once more. A lost create
// is re-sent as an upsert of the same client-chosen ids (createMany `upsert: true` matches
// existing records by id: common-create-many-query-runner.service.ts @0051996), so it cannot
// duplicate. An upsert batch goes through live-upsert.ts (only records still live).
// Any other failure stops the run; what was written so far is reported.
import type { RequestOptions } from '../twenty/index.ts';
import { batchSize, type CreateBatch, type UpdateBatch, type WriteBatch } from './batches.ts';
import { sendLiveUpsert, type UpsertState } from './live-upsert.ts';
import { recordApiNames } from './names.ts';
import type { RecordsTransport } from './transport.ts';

export interface WriteResult {
  /** Batches fully written. */
  batches: number;
  records: number;
  /** Ids of upserted records left alone because they were deleted since read (absent when none). */
  skipped?: string[];
  /** The failure that stopped the run, if any (later batches were not sent). */
  error?: Error;
}

export interface WriteOptions {
  /** Called after each batch, for progress output. */
  onBatch?: (done: number, total: number) => void;
}

const isLost = (e: unknown): boolean => e instanceof Error && (e as { kind?: unknown }).kind === 'outcome-unknown';

export async function writeBatches(
  transport: RecordsTransport,
  batches: readonly WriteBatch[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  const result: WriteResult = { batches: 0, records: 0 };
  const upsertState: UpsertState = {};
  for (const batch of batches) {
    try {
      if (batch.kind === 'upsert') {
        const done = await sendLiveUpsert(transport, batch, upsertState);
        result.records += done.written;
        if (done.skipped.length > 0) result.skipped = [...(result.skipped ?? []), ...done.skipped];
      } else {
        await sendWithRecovery(transport, batch);
        result.records += batchSize(batch);
      }
    } catch (e) {
      result.error = e instanceof Error ? e : new Error(String(e));
      return result;
    }
    result.batches++;
    options.onBatch?.(result.batches, batches.length);
  }
  return result;
}

async function sendWithRecovery(transport: RecordsTransport, batch: UpdateBatch | CreateBatch): Promise<void> {
  try {
    await send(transport, batch, false);
  } catch (e) {
    if (!isLost(e)) throw e;
    await send(transport, batch, true);
  }
}

function send(transport: RecordsTransport, batch: UpdateBatch | CreateBatch, recovering: boolean): Promise<unknown> {
  return batch.kind === 'update' ? sendUpdate(transport, batch, recovering) : sendCreate(transport, batch, recovering);
}

function sendUpdate(transport: RecordsTransport, batch: UpdateBatch, recovering: boolean): Promise<unknown> {
  const names = recordApiNames(batch.object);
  const query = `mutation Update($ids: [UUID!], $data: ${names.updateInput}!) { ${names.updateMany}(filter: { id: { in: $ids } }, data: $data) { id } }`;
  const opts: RequestOptions = {
    operation: `update ${batch.ids.length} ${batch.object.namePlural}${recovering ? ' (again, after a lost answer)' : ''}`,
    write: true,
  };
  return transport.core(query, { ids: batch.ids, data: batch.data }, opts);
}

function sendCreate(transport: RecordsTransport, batch: CreateBatch, upsert: boolean): Promise<unknown> {
  const names = recordApiNames(batch.object);
  const query = `mutation Create($data: [${names.createInput}!]!, $upsert: Boolean) { ${names.createMany}(data: $data, upsert: $upsert) { id } }`;
  const opts: RequestOptions = {
    operation: `create ${batch.records.length} ${batch.object.namePlural}${upsert ? ' (as an upsert, after a lost answer)' : ''}`,
    write: true,
  };
  return transport.core(query, { data: batch.records, upsert }, opts);
}
