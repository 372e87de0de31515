// What a job needs from the records API, as a port, and what it asks to change: the
// runner (src/ops) binds the reads to the engine's src/records and turns the changes
// into its write batches, so a job never imports the engine (features look down only).
// Plain structural types.

export interface ObjectRef {
  nameSingular: string;
  namePlural: string;
}

/** A record as read: its id and the asked-for fields, values as Twenty sent them. */
export type Row = { id: string } & Record<string, unknown>;
export type Fields = ReadonlyArray<string | { readonly [field: string]: Fields }>;
export type RecordData = Record<string, unknown>;

export interface RecordRead {
  object: ObjectRef;
  fields: Fields;
  /** A Twenty filter, e.g. `{ stage: { in: ['PUBLISHED'] } }`. */
  filter?: Record<string, unknown>;
}

export interface JobRecords {
  /** Every record matching the filter, all pages (a read never stops silently). */
  readAll(read: RecordRead): Promise<Row[]>;
}

/**
 * A change the job decided. `update`: existing records, each with the values to set;
 * records that get the same values go in one bulk update. With `mayUpsert`, the small
 * groups left over may instead go as one upsert of the live records when that costs
 * fewer requests (distinct values, e.g. a month's new scores). `create`: new records,
 * each with its client-chosen id.
 */
export type JobChange =
  | { kind: 'update'; object: ObjectRef; updates: Array<{ id: string; data: RecordData }>; mayUpsert?: boolean }
  | { kind: 'create'; object: ObjectRef; records: Array<RecordData & { id: string }> };
