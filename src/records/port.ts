// The records API bound to one transport, in the shape the features take it as their
// port (letters' LettersRecords): the ops build it from the workspace's client and hand
// it down, so a feature reads and writes records without importing the engine.
import type { RecordData } from './batches.ts';
import { chunkCreates, MAX_RECORDS_PER_CREATE } from './batches.ts';
import { claimRecords, upsertRecords, type ClaimOwner, type ClaimResult } from './claims.ts';
import type { ObjectNames } from './names.ts';
import { readAll, readByIds, readPages, type RecordRow } from './reader.ts';
import type { Selection } from './selection.ts';
import type { RecordsTransport } from './transport.ts';
import { writeBatches } from './writer.ts';

type Identified = ReadonlyArray<RecordData & { id: string }>;

export interface RecordsPort {
  readPages(read: {
    object: ObjectNames;
    fields: Selection;
    filter?: Record<string, unknown>;
    pageSize: number;
  }): AsyncIterable<RecordRow[]>;
  readAll(object: ObjectNames, fields: Selection, filter: Record<string, unknown>): Promise<RecordRow[]>;
  readByIds(object: ObjectNames, fields: Selection, ids: readonly string[]): Promise<RecordRow[]>;
  create(object: ObjectNames, records: Identified): Promise<void>;
  readonly createLimit: number;
  claim(object: ObjectNames, records: Identified, owner: ClaimOwner, fields: Selection): Promise<ClaimResult>;
  upsert(object: ObjectNames, records: Identified): Promise<void>;
}

export function recordsPort(transport: RecordsTransport): RecordsPort {
  return {
    readPages: (read) => readPages(transport, read),
    readAll: (object, fields, filter) => readAll(transport, { object, fields, filter }),
    readByIds: (object, fields, ids) => readByIds(transport, { object, fields, ids }),
    create: async (object, records) => {
      const { error } = await writeBatches(transport, chunkCreates(object, records));
      if (error) throw error;
    },
    createLimit: MAX_RECORDS_PER_CREATE,
    claim: (object, records, owner, fields) => claimRecords(transport, object, records, owner, fields),
    upsert: (object, records) => upsertRecords(transport, object, records),
  };
}
