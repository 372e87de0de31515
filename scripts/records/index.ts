// Front door of the records concern: paged reads and grouped bulk writes over /graphql.
export { DEFAULT_PAGE_SIZE, readAll, readByIds, readPages, type ReadOptions, type RecordRow } from './reader.ts';
export {
  MAX_RECORDS_PER_CREATE,
  MUTATION_MAXIMUM_AFFECTED_RECORDS,
  batchSize,
  canonicalJson,
  chunkCreates,
  groupUpdates,
  type CreateBatch,
  type RecordData,
  type RecordUpdate,
  type UpdateBatch,
  type WriteBatch,
} from './batches.ts';
export { writeBatches, type WriteOptions, type WriteResult } from './writer.ts';
export { claimRecords, recordsPort, upsertRecords, type ClaimOwner, type ClaimResult } from './claims.ts';
export { recordApiNames, type ObjectNames, type RecordApiNames } from './names.ts';
export { renderSelection, type Selection } from './selection.ts';
export type { RecordsTransport } from './transport.ts';
export * as values from './values.ts';
