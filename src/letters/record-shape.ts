// From the paths a template reads to the GraphQL selection that fetches them, and
// from Twenty's answer (one-to-many relations as `{ edges: [{ node }] }`) back to the
// plain nested records a template loops over.
import type { Fields } from './records-port.ts';
import { COMPOSITE_SUBFIELDS, type Catalogue } from './catalogue.ts';

interface Node {
  fields: Map<string, Node | 'leaf' | readonly string[]>;
  /** Set on one-to-many relations: read through edges/node. */
  many?: boolean;
}

/**
 * The selection for `paths` (below a record of `object`); the record's id is always included.
 * Twenty's records API refuses a one-to-many relation selected inside another one-to-many, even
 * through a many-to-one hop (docs/twenty-facts.md, "Records API"): such a path is an error here,
 * named, instead of a read the server turns down.
 */
export function buildSelection(catalogue: Catalogue, object: string, paths: ReadonlyArray<readonly string[]>): Fields {
  const root: Node = { fields: new Map([['id', 'leaf']]) };
  const nested = paths.filter((path) => nestsOneToMany(catalogue, object, path));
  if (nested.length > 0) {
    throw new Error(
      `a letter may follow only one one-to-many relation along a path, and ${nested.map((p) => `${object}.${p.join('.')}`).join(', ')} follows two: ` +
        'Twenty refuses "One-to-Many relation cannot be nested in another One-to-Many relation." (loop over one list only, or read the other from a record of its own)',
    );
  }
  for (const path of paths) add(catalogue, object, root, path);
  return render(root);
}

/** The path crosses a one-to-many relation after another one. */
export function nestsOneToMany(catalogue: Catalogue, object: string, path: readonly string[]): boolean {
  let current = object;
  let many = 0;
  for (const name of path) {
    const field = catalogue.objects.get(current)?.fields.get(name);
    if (field?.type !== 'RELATION' || !field.relation) return false;
    if (field.relation.type === 'ONE_TO_MANY' && ++many > 1) return true;
    current = field.relation.target;
  }
  return false;
}

function add(catalogue: Catalogue, object: string, node: Node, path: readonly string[]): void {
  const [name, ...rest] = path;
  if (name === undefined) return;
  const field = catalogue.objects.get(object)?.fields.get(name);
  if (!field) return;
  const subs = COMPOSITE_SUBFIELDS[field.type];
  if (subs) {
    node.fields.set(name, subs);
    return;
  }
  if (field.type === 'RELATION' && field.relation) {
    let child = node.fields.get(name);
    if (typeof child !== 'object' || Array.isArray(child)) {
      child = { fields: new Map([['id', 'leaf']]), ...(field.relation.type === 'ONE_TO_MANY' ? { many: true } : {}) };
      node.fields.set(name, child);
    }
    add(catalogue, field.relation.target, child as Node, rest);
    return;
  }
  node.fields.set(name, 'leaf');
}

function render(node: Node): Fields {
  const out: Array<string | Record<string, Fields>> = [];
  for (const [name, child] of node.fields) {
    if (child === 'leaf') out.push(name);
    else if (Array.isArray(child)) out.push({ [name]: [...(child as readonly string[])] });
    else {
      const inner = render(child as Node);
      out.push({ [name]: (child as Node).many ? [{ edges: [{ node: inner }] }] : inner });
    }
  }
  return out;
}

/** Twenty's answer for one record, with one-to-many connections turned into arrays (recursively). */
export function flattenRecord(catalogue: Catalogue, object: string, row: Record<string, unknown>): Record<string, unknown> {
  const fields = catalogue.objects.get(object)?.fields;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const field = fields?.get(key);
    if (field?.type === 'RELATION' && field.relation && value !== null && typeof value === 'object') {
      const target = field.relation.target;
      if (field.relation.type === 'ONE_TO_MANY') {
        const edges = (value as { edges?: Array<{ node: Record<string, unknown> }> }).edges ?? [];
        out[key] = edges.map((e) => flattenRecord(catalogue, target, e.node));
      } else out[key] = flattenRecord(catalogue, target, value as Record<string, unknown>);
    } else out[key] = value;
  }
  return out;
}
