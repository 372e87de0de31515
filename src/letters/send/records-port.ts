// What the send path needs from the records API, as a port. The engine's
// src/records provides it (`recordsPort(transport)`: readAll, claimRecords,
// upsertRecords) and the command wires it in, so this feature never imports the
// engine (ARCHITECTURE.md: features look down only). Plain structural types.

export interface ObjectRef {
  nameSingular: string;
  namePlural: string;
}

export type Row = { id: string } & Record<string, unknown>;
export type RecordInput = Record<string, unknown> & { id: string };
export type Fields = ReadonlyArray<string | { readonly [field: string]: Fields }>;

export interface SendRecordsPort {
  /** Every record matching the filter (paged). */
  readAll(object: ObjectRef, fields: Fields, filter: Record<string, unknown>): Promise<Row[]>;
  /** Creates each record with its id, never overwriting: ids that exist come back in `taken`. */
  claim(
    object: ObjectRef,
    records: readonly RecordInput[],
    owner: { field: string; value: string },
    fields: Fields,
  ): Promise<{ claimed: string[]; taken: Row[] }>;
  /** Writes each record's values onto the (claimed) record with its id. */
  upsert(object: ObjectRef, records: readonly RecordInput[]): Promise<void>;
}
