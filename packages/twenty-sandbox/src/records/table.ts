// The records of one object, held so that paging stays near O(page): rows by id,
// ids kept sorted (lazily, after creates and destroys) for Twenty's default
// `id ASC` order, and orders by other columns cached until the next write.
import type { RecordRow } from '../state/types.ts';

export class RecordTable {
  readonly byId = new Map<string, RecordRow>();
  private sortedIds: string[] | null = [];
  private readonly orderCache = new Map<string, RecordRow[]>();
  private readonly indexCache = new Map<string, Map<string, RecordRow[]>>();
  /** Rows with deletedAt null, kept current for an O(1) unfiltered totalCount. */
  private live = 0;

  constructor(rows: RecordRow[] = []) {
    for (const row of rows) this.byId.set(row.id, row);
    this.sortedIds = null;
    this.live = rows.filter((r) => r.deletedAt === null || r.deletedAt === undefined).length;
  }

  get size(): number {
    return this.byId.size;
  }

  get liveCount(): number {
    return this.live;
  }

  rows(): IterableIterator<RecordRow> {
    return this.byId.values();
  }

  get(id: string): RecordRow | undefined {
    return this.byId.get(id);
  }

  insert(row: RecordRow): void {
    this.byId.set(row.id, row);
    if (row.deletedAt === null || row.deletedAt === undefined) this.live++;
    this.sortedIds = null;
    this.clearCaches();
  }

  /** Call after changing a row in place (update, soft delete, restore). */
  touched(before: { deletedAt?: unknown }, after: RecordRow): void {
    const wasLive = before.deletedAt === null || before.deletedAt === undefined;
    const isLive = after.deletedAt === null || after.deletedAt === undefined;
    if (wasLive !== isLive) this.live += isLive ? 1 : -1;
    this.clearCaches();
  }

  /** Call after changing many rows in place without changing which are live. */
  touchedAll(): void {
    this.clearCaches();
  }

  remove(id: string): void {
    const row = this.byId.get(id);
    if (!row) return;
    this.byId.delete(id);
    if (row.deletedAt === null || row.deletedAt === undefined) this.live--;
    this.sortedIds = null;
    this.clearCaches();
  }

  private clearCaches(): void {
    this.orderCache.clear();
    this.indexCache.clear();
  }

  /** Rows grouped by the value of one column (a join column), cached until the next write. */
  groupedBy(column: string): Map<string, RecordRow[]> {
    let index = this.indexCache.get(column);
    if (index) return index;
    index = new Map();
    for (const row of this.byId.values()) {
      const v = row[column];
      if (typeof v !== 'string') continue;
      const list = index.get(v);
      if (list) list.push(row);
      else index.set(v, [row]);
    }
    this.indexCache.set(column, index);
    return index;
  }

  /** Ids in ascending order (UUID text order, as Postgres compares uuids). */
  idsAscending(): string[] {
    if (!this.sortedIds) this.sortedIds = [...this.byId.keys()].sort();
    return this.sortedIds;
  }

  /** Rows sorted by `compare`, cached under `key` until the next write. */
  sortedBy(key: string, compare: (a: RecordRow, b: RecordRow) => number): RecordRow[] {
    const hit = this.orderCache.get(key);
    if (hit) return hit;
    const rows = [...this.byId.values()].sort(compare);
    this.orderCache.set(key, rows);
    return rows;
  }

  toJSON(): RecordRow[] {
    return [...this.byId.values()];
  }
}

/** First index in `sorted` whose value is > `id` (or >= when `inclusive`). */
export function indexAfter(sorted: readonly string[], id: string, inclusive = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as string;
    if (v < id || (!inclusive && v === id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
