// The fingerprint of what a plan was computed against (Terraform's stale-plan rule).
// The workspace is the state: every read the plan made is kept as sent (query and
// variables, never the key), with a digest of its answer per item (an object, a view,
// a role, a workflow, a record), so that `deploy --plan` can send the same reads again
// and name what moved. Digests treat lists as sets: the server's order is not a change.
import { createHash } from 'node:crypto';
import type { AnsweredRead, Endpoint, TwentyClient } from '../twenty/index.ts';

export interface SavedRead {
  endpoint: Endpoint;
  operation: string;
  kind?: string;
  locale?: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Item → digest of its part of the answer (`objects company`, `getViews 3f2…`). */
  digest: Record<string, string>;
}

export interface WorkspaceFingerprint {
  url: string;
  /** One digest over every read. */
  fingerprint: string;
  reads: SavedRead[];
}

/** JSON with sorted keys, lists sorted as sets: the same content always reads the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const short = (value: unknown): string => sha256(canonical(value)).slice(0, 20);

/** A list item's name for the admin: an object's nameSingular, a view's or role's name, else its id. */
function itemName(item: unknown, index: number): string {
  if (item === null || typeof item !== 'object') return `#${index}`;
  const o = item as Record<string, unknown>;
  const name = o.nameSingular ?? o.name ?? o.label ?? o.id;
  return typeof name === 'string' ? name : `#${index}`;
}

/** The items of a root field's answer: a connection's nodes, a list's entries, or the value itself. */
function items(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (value !== null && typeof value === 'object' && Array.isArray((value as { edges?: unknown }).edges)) {
    return (value as { edges: Array<{ node?: unknown }> }).edges.map((e) => e.node);
  }
  return undefined;
}

export function digestAnswer(data: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const root = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : { answer: data };
  for (const [field, value] of Object.entries(root)) {
    const list = items(value);
    if (!list) {
      out[field] = short(value);
      continue;
    }
    // A page boundary is part of what was read: one more page is a change.
    const pageInfo = (value as { pageInfo?: { hasNextPage?: unknown } }).pageInfo;
    out[`${field} (more pages)`] = String(pageInfo?.hasNextPage === true);
    list.forEach((item, i) => {
      let key = `${field} ${itemName(item, i)}`;
      for (let n = 2; key in out; n++) key = `${field} ${itemName(item, i)} (${n})`;
      out[key] = short(item);
    });
  }
  return out;
}

/** Keep every read `client` gets answered until `stop()`; the reads, digested, in the order sent. */
export function recordReads(client: TwentyClient): { stop: () => SavedRead[] } {
  const reads: AnsweredRead[] = [];
  const off = client.onRead((r) => reads.push(r));
  return {
    stop: () => {
      off();
      return reads.map((r) => ({
        endpoint: r.endpoint,
        operation: r.operation,
        ...(r.kind ? { kind: r.kind } : {}),
        ...(r.locale ? { locale: r.locale } : {}),
        query: r.query,
        ...(r.variables ? { variables: r.variables } : {}),
        digest: digestAnswer(r.data),
      }));
    },
  };
}

export function fingerprintOf(url: string, reads: readonly SavedRead[]): WorkspaceFingerprint {
  return {
    url,
    fingerprint: `sha256:${sha256(canonical(reads.map((r) => [r.endpoint, r.locale ?? '', r.query, r.variables ?? null, r.digest])))}`,
    reads: [...reads],
  };
}

/**
 * Send the saved reads again; what moved, in the admin's words (empty: nothing did).
 * `names` gives a name to items read without one (an object's labels in another locale).
 */
export async function whatMoved(
  client: TwentyClient,
  saved: WorkspaceFingerprint,
  names: ReadonlyMap<string, string> = new Map(),
): Promise<string[]> {
  const moved: string[] = [];
  for (const read of saved.reads) {
    const data = await client.request<unknown>(read.endpoint, read.query, read.variables, {
      operation: `check that the workspace has not moved: ${read.operation}`,
      ...(read.kind ? { kind: read.kind } : {}),
      ...(read.locale ? { locale: read.locale } : {}),
    });
    moved.push(...compareDigests(read, digestAnswer(data), names));
  }
  return [...new Set(moved)];
}

const WORDS: Readonly<Record<string, string>> = {
  objects: 'object',
  getViews: 'view',
  getRoles: 'role',
  workflows: 'workflow',
  __schema: "the server's API",
};

/** `objects company` → `object company`; `branches 1f…` → `branches record 1f…`. */
function label(key: string, names: ReadonlyMap<string, string>): string {
  const [field = key, ...rest] = key.split(' ');
  const word = WORDS[field] ?? `${field} record`;
  const item = rest.join(' ');
  return rest.length > 0 ? `${word} ${names.get(item) ?? item}` : word;
}

/** `object company changed`, `view Leads added`: the items whose answer differs. */
export function compareDigests(
  read: Pick<SavedRead, 'digest' | 'locale'>,
  fresh: Record<string, string>,
  names: ReadonlyMap<string, string> = new Map(),
): string[] {
  const where = read.locale ? ` (labels in ${read.locale})` : '';
  const pages = ' (more pages)';
  const out: string[] = [];
  for (const [key, was] of Object.entries(read.digest)) {
    if (!(key in fresh)) out.push(`${label(key, names)} removed${where}`);
    else if (fresh[key] === was) continue;
    else if (key.endsWith(pages))
      out.push(`${label(key.slice(0, -pages.length), names)}s: ${fresh[key] === 'true' ? 'more' : 'fewer'} than one page now${where}`);
    else out.push(`${label(key, names)} changed${where}`);
  }
  for (const key of Object.keys(fresh)) if (!(key in read.digest)) out.push(`${label(key, names)} added${where}`);
  return out;
}
