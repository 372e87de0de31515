// Claims: records created with client-chosen ids and never upserted, so an id that
// exists already stays as it is. Twenty's createMany is one INSERT
// (common-create-many-query-runner.service.ts @0051996a): one taken id fails the
// whole batch atomically, which makes a create a lock any number of machines can
// race for. The error does not say which id was taken (docs/twenty-facts.md), so the
// batch's ids are read back and the rest is claimed again: one request per batch
// when nobody competes, a few more when someone does.
import { isTwentyError, type RequestOptions } from '../twenty/index.ts';
import type { RecordData } from './batches.ts';
import { recordApiNames, type ObjectNames } from './names.ts';
import { readAll, type RecordRow } from './reader.ts';
import type { Selection } from './selection.ts';
import type { RecordsTransport } from './transport.ts';

export interface ClaimOwner {
  /** The field that says who created the record, e.g. `claimedBy`. */
  field: string;
  /** This run's value of it: a record found with it after a lost answer is ours. */
  value: string;
}

export interface ClaimResult {
  /** Ids this call created (including those of a create whose answer was lost). */
  claimed: string[];
  /** Records that existed already (someone else's), with `fields`. */
  taken: RecordRow[];
}

/** Answers of "the change may or may not have been made" tried again before giving up. */
const LOST_ANSWER_RETRIES = 2;

/**
 * Creates each record with its `id`, or learns that the id is taken. Never overwrites:
 * a taken id comes back in `taken` with the asked-for `fields` (soft-deleted ones too).
 * Throws what is not a duplicate (a wrong value, Twenty unreachable).
 */
export async function claimRecords(
  transport: RecordsTransport,
  object: ObjectNames,
  records: ReadonlyArray<RecordData & { id: string }>,
  owner: ClaimOwner,
  fields: Selection = [],
): Promise<ClaimResult> {
  const result: ClaimResult = { claimed: [], taken: [] };
  let pending = [...new Map(records.map((r) => [r.id, r])).values()];
  let lost = 0;
  while (pending.length > 0) {
    let failure: unknown;
    try {
      await createExactly(transport, object, pending);
      result.claimed.push(...pending.map((r) => r.id));
      return result;
    } catch (e) {
      failure = e;
    }
    const duplicateOrLost = isTwentyError(failure) && (failure.kind === 'invalid-input' || failure.kind === 'outcome-unknown');
    if (!duplicateOrLost) throw failure;
    const existing = await readAll(transport, {
      object,
      fields: ['id', owner.field, ...fields],
      filter: {
        and: [{ id: { in: pending.map((r) => r.id) } }, { or: [{ deletedAt: { is: 'NULL' } }, { deletedAt: { is: 'NOT_NULL' } }] }],
      },
      pageSize: pending.length,
    });
    if (existing.length === 0) {
      // Nothing of the batch exists: a lost answer means the INSERT did not commit; anything else is a real error.
      if (isTwentyError(failure) && failure.kind === 'outcome-unknown' && lost++ < LOST_ANSWER_RETRIES) continue;
      throw failure;
    }
    const found = new Set(existing.map((r) => r.id));
    for (const row of existing) {
      if (row[owner.field] === owner.value) result.claimed.push(row.id);
      else result.taken.push(row);
    }
    pending = pending.filter((r) => !found.has(r.id));
  }
  return result;
}

/**
 * Writes each record's own values onto the record with its id (createMany with
 * `upsert: true`: Twenty matches by id and updates). For records this run has
 * claimed already — never as a lock. Safe to repeat after a lost answer.
 */
export async function upsertRecords(
  transport: RecordsTransport,
  object: ObjectNames,
  records: ReadonlyArray<RecordData & { id: string }>,
): Promise<void> {
  if (records.length === 0) return;
  const names = recordApiNames(object);
  const query = `mutation Upsert($data: [${names.createInput}!]!) { ${names.createMany}(data: $data, upsert: true) { id } }`;
  const opts: RequestOptions = { operation: `update ${records.length} ${object.namePlural}`, write: true };
  try {
    await transport.core(query, { data: records }, opts);
  } catch (e) {
    if (!(isTwentyError(e) && e.kind === 'outcome-unknown')) throw e;
    await transport.core(query, { data: records }, { ...opts, operation: `${opts.operation} (again, after a lost answer)` });
  }
}

function createExactly(
  transport: RecordsTransport,
  object: ObjectNames,
  records: ReadonlyArray<RecordData & { id: string }>,
): Promise<unknown> {
  const names = recordApiNames(object);
  const query = `mutation Claim($data: [${names.createInput}!]!) { ${names.createMany}(data: $data) { id } }`;
  return transport.core(query, { data: records }, { operation: `claim ${records.length} ${object.namePlural}`, write: true });
}
