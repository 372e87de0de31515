// Sending an upsert batch (batches.ts UpsertBatch) without Twenty's two side effects.
// `create<Plural>(data, upsert: true)` finds existing rows by id `.withDeleted()` and
// writes `{ ...record, deletedAt: null }` — a record deleted since the job read it comes
// back — and inserts an id it does not find — a destroyed record returns as a stub
// (common-create-many-query-runner.service.ts @41d24255). So the batch's ids are read
// again just before (findMany leaves soft-deleted rows out) and only the live ones are
// sent; the window left is that one request. A server with a smaller create cap
// ("Maximum number of records to upsert is N.") gets the batch in pieces of N.
import type { RequestOptions } from '../twenty/index.ts';
import type { RecordData, UpsertBatch } from './batches.ts';
import { recordApiNames } from './names.ts';
import { readAll } from './reader.ts';
import type { RecordsTransport } from './transport.ts';

const CREATE_CAP = /Maximum number of records to upsert is (\d+)/;

export interface UpsertOutcome {
  /** Records written. */
  written: number;
  /** Ids left alone because they are no longer live (deleted or destroyed since read). */
  skipped: string[];
}

/** Per run: the create cap a server named, so later batches are cut to it straight away. */
export interface UpsertState {
  cap?: number;
}

const isLost = (e: unknown): boolean => e instanceof Error && (e as { kind?: unknown }).kind === 'outcome-unknown';

export async function sendLiveUpsert(transport: RecordsTransport, batch: UpsertBatch, state: UpsertState = {}): Promise<UpsertOutcome> {
  const ids = batch.records.map((r) => r.id);
  const rows = await readAll(transport, { object: batch.object, fields: ['id'], filter: { id: { in: ids } }, pageSize: ids.length });
  const live = new Set(rows.map((r) => r.id));
  const records = batch.records.filter((r) => live.has(r.id));
  let sent = 0;
  while (sent < records.length) {
    const piece = records.slice(sent, sent + (state.cap ?? records.length));
    try {
      await sendWithRecovery(transport, batch, piece);
    } catch (e) {
      const cap = e instanceof Error ? Number(CREATE_CAP.exec(e.message)?.[1]) : NaN;
      // Twenty checks the count before writing anything, so the batch can be cut and sent again.
      if (cap > 0 && cap < piece.length) {
        state.cap = cap;
        continue;
      }
      throw e;
    }
    sent += piece.length;
  }
  return { written: records.length, skipped: ids.filter((id) => !live.has(id)) };
}

/** Upserts set absolute values: re-sending one whose answer was lost is harmless. */
async function sendWithRecovery(
  transport: RecordsTransport,
  batch: UpsertBatch,
  records: ReadonlyArray<RecordData & { id: string }>,
): Promise<void> {
  try {
    await send(transport, batch, records, false);
  } catch (e) {
    if (!isLost(e)) throw e;
    await send(transport, batch, records, true);
  }
}

function send(
  transport: RecordsTransport,
  batch: UpsertBatch,
  records: ReadonlyArray<RecordData & { id: string }>,
  again: boolean,
): Promise<unknown> {
  const names = recordApiNames(batch.object);
  const query = `mutation Upsert($data: [${names.createInput}!]!) { ${names.createMany}(data: $data, upsert: true) { id } }`;
  const opts: RequestOptions = {
    operation: `update ${records.length} ${batch.object.namePlural} (upsert)${again ? ' (again, after a lost answer)' : ''}`,
    write: true,
  };
  return transport.core(query, { data: records }, opts);
}
