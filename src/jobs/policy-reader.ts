// A small typed reader over a policy file's data: each accessor returns a value of the
// right type (or the default) and records a problem at the key's path when the file is
// wrong, so that one pass reports every mistake with its file:line.
import { didYouMean, type NodePath, type PendingProblem } from '../pack/index.ts';

type Data = Record<string, unknown>;

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

export class PolicyReader {
  readonly problems: PendingProblem[] = [];

  constructor(
    readonly file: string,
    readonly data: unknown,
  ) {}

  problem(path: NodePath, message: string, hint?: string, atKey = false): void {
    this.problems.push({ file: this.file, path, message, rule: 'policy', ...(hint ? { hint } : {}), ...(atKey ? { atKey } : {}) });
  }

  at(path: NodePath): unknown {
    let node: unknown = this.data;
    for (const seg of path) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Data)[String(seg)];
    }
    return node;
  }

  private has(path: NodePath): boolean {
    return this.at(path) !== undefined && this.at(path) !== null;
  }

  /** Flags keys that are not in `allowed`, with a did-you-mean. */
  keys(path: NodePath, allowed: readonly string[]): void {
    const node = this.at(path);
    if (node === undefined || node === null) return;
    if (typeof node !== 'object' || Array.isArray(node)) {
      this.problem(path, `${label(path)} must be a mapping (key: value)`);
      return;
    }
    for (const key of Object.keys(node)) {
      if (!allowed.includes(key)) {
        this.problem(
          [...path, key],
          `unknown key "${key}"${path.length ? ` in ${label(path)}` : ''}`,
          didYouMean(key, allowed) ?? `known keys: ${allowed.join(', ')}`,
          true,
        );
      }
    }
  }

  number(path: NodePath, rule: NumberRule, fallback?: number): number {
    if (!this.has(path)) return this.missing(path, fallback, 'a number', 0);
    const v = this.at(path);
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.problem(path, `${label(path)} must be a number, not ${describe(v)}`);
      return fallback ?? 0;
    }
    if (rule.integer && !Number.isInteger(v)) this.problem(path, `${label(path)} must be a whole number, not ${v}`);
    if (rule.min !== undefined && v < rule.min) this.problem(path, `${label(path)} must be at least ${rule.min}, not ${v}`);
    if (rule.max !== undefined && v > rule.max) this.problem(path, `${label(path)} must be at most ${rule.max}, not ${v}`);
    return v;
  }

  boolean(path: NodePath, fallback: boolean): boolean {
    if (!this.has(path)) return fallback;
    const v = this.at(path);
    if (typeof v !== 'boolean') {
      this.problem(path, `${label(path)} must be true or false, not ${describe(v)}`);
      return fallback;
    }
    return v;
  }

  optionalNumber(path: NodePath, rule: NumberRule): number | null {
    return this.has(path) ? this.number(path, rule) : null;
  }

  string(path: NodePath, fallback?: string, oneOf?: readonly string[]): string {
    if (!this.has(path)) return this.missing(path, fallback, 'a text value', '');
    const v = this.at(path);
    if (typeof v !== 'string' || v.trim() === '') {
      this.problem(path, `${label(path)} must be a text value, not ${describe(v)}`);
      return fallback ?? '';
    }
    if (oneOf && !oneOf.includes(v)) this.problem(path, `${label(path)}: "${v}" is not one of ${oneOf.join(', ')}`, didYouMean(v, oneOf));
    return v;
  }

  strings(
    path: NodePath,
    fallback?: readonly string[],
    opts: { oneOf?: readonly string[]; nonEmpty?: boolean; unique?: boolean } = {},
  ): string[] {
    if (!this.has(path)) return [...this.missing(path, fallback, 'a list', [] as readonly string[])];
    const v = this.at(path);
    if (!Array.isArray(v)) {
      this.problem(path, `${label(path)} must be a list, e.g. [A, B], not ${describe(v)}`);
      return [...(fallback ?? [])];
    }
    const out: string[] = [];
    v.forEach((item, i) => {
      if (typeof item !== 'string' || item.trim() === '')
        this.problem([...path, i], `${label(path)}[${i}] must be a text value, not ${describe(item)}`);
      else if (opts.oneOf && !opts.oneOf.includes(item))
        this.problem([...path, i], `${label(path)}: "${item}" is not one of ${opts.oneOf.join(', ')}`, didYouMean(item, opts.oneOf));
      else if (opts.unique && out.includes(item)) this.problem([...path, i], `${label(path)} lists "${item}" twice`);
      else out.push(item);
    });
    if (opts.nonEmpty && v.length === 0) this.problem(path, `${label(path)} must not be empty`);
    return out;
  }

  /** A mapping's entries, for keyed tables such as `sizes: { PLATINUM: 10 }`. */
  entries(path: NodePath): Array<[string, unknown]> {
    const v = this.at(path);
    if (v === undefined || v === null) return [];
    if (typeof v !== 'object' || Array.isArray(v)) {
      this.problem(path, `${label(path)} must be a mapping (key: value), not ${describe(v)}`);
      return [];
    }
    return Object.entries(v as Data);
  }

  list(path: NodePath): unknown[] {
    const v = this.at(path);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.problem(path, `${label(path)} must be a list, not ${describe(v)}`);
      return [];
    }
    return v;
  }

  private missing<T>(path: NodePath, fallback: T | undefined, what: string, empty: T): T {
    if (fallback !== undefined) return fallback;
    const parent = path.slice(0, -1);
    this.problem(parent, `missing ${label(path)} (${what})`, `add \`${String(path[path.length - 1])}:\``, parent.length > 0);
    return empty;
  }
}

/** `weights.deposits`, `tiers[2].minScore` */
export function label(path: NodePath): string {
  return path.reduce<string>((s, seg) => (typeof seg === 'number' ? `${s}[${seg}]` : s ? `${s}.${seg}` : seg), '') || 'the file';
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `"${v}"`;
  return String(v);
}
