// What the letters need from the records API, as a port: the recipients and lists read
// page by page, one recipient by id (the preview), the contact logs of posted letters
// created, and the send path's ledger (claims and upserts). The engine's src/records
// provides it (`recordsPort(transport)`) and the ops wire it in, so this feature never
// imports the engine (ARCHITECTURE.md: features look down only). Plain structural types.

export interface ObjectRef {
  nameSingular: string;
  namePlural: string;
}

export type Row = { id: string } & Record<string, unknown>;
export type RecordInput = Record<string, unknown> & { id: string };
export type Fields = ReadonlyArray<string | { readonly [field: string]: Fields }>;

export interface PagedRead {
  object: ObjectRef;
  fields: Fields;
  /** A Twenty filter, e.g. `{ campaign: { eq: '2026-spring' } }`. */
  filter?: Record<string, unknown>;
  pageSize: number;
}

export interface LettersRecords {
  /** The matching records a page at a time, read as they are consumed (a read never stops silently). */
  readPages(read: PagedRead): AsyncIterable<Row[]>;
  /** Every record matching the filter (paged). */
  readAll(object: ObjectRef, fields: Fields, filter: Record<string, unknown>): Promise<Row[]>;
  /** The records with these ids (those that exist). */
  readByIds(object: ObjectRef, fields: Fields, ids: readonly string[]): Promise<Row[]>;
  /** Creates the records (upserted by id if an answer is lost) in as few requests as Twenty takes; throws what stopped it. */
  create(object: ObjectRef, records: readonly RecordInput[]): Promise<void>;
  /** Records one create request takes: a send claims its emails in batches of this size. */
  readonly createLimit: number;
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
