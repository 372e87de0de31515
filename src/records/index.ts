// Front door of the records concern, the only record I/O: paged reads (several objects'
// first pages in one request; no page limit, a server's page cap followed) and grouped bulk
// writes (updates, creates, upserts of live records) over /graphql.
export { DEFAULT_PAGE_SIZE, readAll, readByIds, readPages, type ReadOptions, type RecordRow } from './reader.ts';
export { MAX_RECORDS_ROOT_FIELDS, readTogether, type TogetherOptions } from './together.ts';
export {
  MAX_RECORDS_PER_CREATE,
  MUTATION_MAXIMUM_AFFECTED_RECORDS,
  QUERY_MAX_RECORDS,
  batchRequests,
  batchSize,
  canonicalJson,
  chunkCreates,
  groupByValues,
  groupUpdates,
  type CreateBatch,
  type RecordData,
  type RecordUpdate,
  type UpdateBatch,
  type UpsertBatch,
  type WriteBatch,
} from './batches.ts';
export { planUpdates, type UpdatePlanOptions } from './plan-updates.ts';
export { sendLiveUpsert, type UpsertOutcome, type UpsertState } from './live-upsert.ts';
export { writeBatches, type WriteOptions, type WriteResult } from './writer.ts';
export { recordsPort } from './port.ts';
export { recordApiNames, type ObjectNames, type RecordApiNames } from './names.ts';
export { renderSelection, type Selection } from './selection.ts';
export type { RecordsTransport } from './transport.ts';
