// Reading the recipients of a run from Twenty: the records of the template's object
// that match the --where filter, page by page at the largest page size Twenty
// allows, asking only for the fields the template reads. Also the template's lists.
import type { Catalogue } from './catalogue.ts';
import type { PreparedTemplate } from './prepare.ts';
import { buildSelection, flattenRecord } from './record-shape.ts';
import type { LettersRecords } from './records-port.ts';
import type { Filter } from './where.ts';

/**
 * QUERY_MAX_RECORDS, the most records one findMany returns: 200 in twenty-shared
 * src/constants/QueryMaxRecords.ts at the 2.4x releases the pack targets (raised to
 * 10 000 later, in @3921576). The reader steps down if a server answers with a
 * smaller cap ("Maximum number of records to fetch is N").
 */
export const LETTERS_PAGE_SIZE = 200;

export type Recipient = { id: string } & Record<string, unknown>;

export interface RecipientQuery {
  filter?: Filter;
  /** At most this many recipients (the first ones in Twenty's order). */
  limit?: number;
  /** Paths to read besides the template's own (what the sender needs: opt-out, links for the contact log). */
  extraPaths?: ReadonlyArray<readonly string[]>;
  pageSize?: number;
}

/** Yields recipients a page at a time, flattened for the template. */
export async function* readRecipients(
  records: LettersRecords,
  catalogue: Catalogue,
  template: PreparedTemplate,
  query: RecipientQuery = {},
): AsyncGenerator<Recipient[]> {
  const object = template.object;
  const limit = query.limit ?? Infinity;
  const pageSize = Math.max(1, Math.min(query.pageSize ?? LETTERS_PAGE_SIZE, limit));
  const fields = buildSelection(catalogue, object.nameSingular, [...template.paths, ...(query.extraPaths ?? [])]);
  let count = 0;
  for await (const page of records.readPages({ object, fields, ...(query.filter ? { filter: query.filter } : {}), pageSize })) {
    const rows = page.slice(0, Math.max(0, limit - count)).map((r) => flattenRecord(catalogue, object.nameSingular, r) as Recipient);
    count += rows.length;
    if (rows.length > 0) yield rows;
    if (count >= limit) return;
  }
}

/** The template's lists (`lists:` in its front matter), each read once for the whole run. */
export async function readLists(
  records: LettersRecords,
  catalogue: Catalogue,
  template: PreparedTemplate,
): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const list of template.lists) {
    const fields = buildSelection(catalogue, list.object.nameSingular, list.paths);
    const rows: Array<Record<string, unknown>> = [];
    const options = {
      object: list.object,
      fields,
      ...(list.filter ? { filter: list.filter } : {}),
      pageSize: Math.min(list.limit, LETTERS_PAGE_SIZE),
    };
    for await (const page of records.readPages(options)) {
      rows.push(...page);
      if (rows.length >= list.limit) break;
    }
    out[list.name] = rows.slice(0, list.limit).map((r) => flattenRecord(catalogue, list.object.nameSingular, r));
  }
  return out;
}

/** How a recipient is named in progress lines, summaries and the preview list. */
export function recipientName(catalogue: Catalogue, object: string, record: Record<string, unknown>): string {
  const field = catalogue.objects.get(object)?.labelIdentifier ?? 'name';
  const value = record[field];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (value && typeof value === 'object') {
    const { firstName, lastName } = value as { firstName?: string; lastName?: string };
    const full = `${lastName ?? ''}${firstName ?? ''}`.trim();
    if (full) return full;
  }
  return `${object} ${String(record.id).slice(0, 8)}`;
}
