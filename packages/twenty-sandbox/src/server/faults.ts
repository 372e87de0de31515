// Fault injection for tests and benchmarks (sandbox only). A rule strikes an API
// request (POST /metadata or /graphql) chosen by its position since the rules
// were set (`at`, 1-based) or by chance (`rate`, drawn from a seeded generator),
// either before the operation runs or after it ran but before the answer is sent
// (the case that makes a blind retry of a write dangerous).
export type FaultKind = 'latency' | 'http500' | 'http503' | 'http429' | 'drop';
export type FaultPhase = 'before' | 'after';

export interface FaultRule {
  kind: FaultKind;
  /** Strike the Nth API request (or each listed one), counted from when the rules were set. */
  at?: number | number[];
  /** Strike each request with this probability (0..1), drawn from `seed`. */
  rate?: number;
  seed?: number;
  /** Default 'before'. */
  phase?: FaultPhase;
  /** Only requests to this endpoint count as candidates; default both. */
  endpoint?: '/metadata' | '/graphql';
  /** latency: milliseconds added. */
  ms?: number;
  /** http429: the Retry-After header, in seconds (default 1). */
  retryAfter?: number;
}

export interface Strike {
  rule: FaultRule;
  phase: FaultPhase;
}

const KINDS: readonly FaultKind[] = ['latency', 'http500', 'http503', 'http429', 'drop'];

/** Checks a JSON value as a list of rules; the message names the first bad entry. */
export function parseFaultRules(value: unknown): FaultRule[] | string {
  const list = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null && 'faults' in value
      ? (value as { faults: unknown }).faults
      : undefined;
  if (!Array.isArray(list)) return 'expected a JSON array of fault rules, or { "faults": [...] }';
  const rules: FaultRule[] = [];
  for (const [i, raw] of list.entries()) {
    if (typeof raw !== 'object' || raw === null) return `fault ${i}: expected an object`;
    const r = raw as Record<string, unknown>;
    if (!KINDS.includes(r.kind as FaultKind)) return `fault ${i}: kind must be one of ${KINDS.join(', ')}`;
    const at = r.at;
    const atOk =
      at === undefined ||
      (Number.isInteger(at) && (at as number) > 0) ||
      (Array.isArray(at) && at.every((n) => Number.isInteger(n) && n > 0));
    if (!atOk) return `fault ${i}: at must be a positive integer or a list of them`;
    if (r.rate !== undefined && (typeof r.rate !== 'number' || r.rate < 0 || r.rate > 1)) return `fault ${i}: rate must be between 0 and 1`;
    if (at === undefined && r.rate === undefined) return `fault ${i}: give at (the Nth request) or rate`;
    if (r.phase !== undefined && r.phase !== 'before' && r.phase !== 'after') return `fault ${i}: phase must be before or after`;
    if (r.endpoint !== undefined && r.endpoint !== '/metadata' && r.endpoint !== '/graphql')
      return `fault ${i}: endpoint must be /metadata or /graphql`;
    if (r.kind === 'latency' && (typeof r.ms !== 'number' || r.ms < 0)) return `fault ${i}: latency needs ms >= 0`;
    rules.push(raw as FaultRule);
  }
  return rules;
}

/** mulberry32: a small seeded generator, so a rate-based run can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private rules: FaultRule[] = [];
  private randoms: Array<() => number> = [];
  private counts = new Map<string, number>();

  set(rules: FaultRule[]): void {
    this.rules = rules;
    this.randoms = rules.map((r) => seeded(r.seed ?? 1));
    this.counts = new Map();
  }

  list(): FaultRule[] {
    return this.rules;
  }

  /** The faults that strike this API request (at most one per rule). */
  strikes(endpoint: '/metadata' | '/graphql'): Strike[] {
    const out: Strike[] = [];
    const counted = new Map<string, number>();
    const countFor = (scope: string): number => {
      const cached = counted.get(scope);
      if (cached !== undefined) return cached;
      const n = (this.counts.get(scope) ?? 0) + 1;
      this.counts.set(scope, n);
      counted.set(scope, n);
      return n;
    };
    countFor('*');
    countFor(endpoint);
    this.rules.forEach((rule, i) => {
      if (rule.endpoint && rule.endpoint !== endpoint) return;
      const n = counted.get(rule.endpoint ?? '*') ?? 0;
      const ats = rule.at === undefined ? [] : Array.isArray(rule.at) ? rule.at : [rule.at];
      const byPosition = ats.includes(n);
      const byChance = rule.rate !== undefined && (this.randoms[i]?.() ?? 1) < rule.rate;
      if (byPosition || byChance) out.push({ rule, phase: rule.phase ?? 'before' });
    });
    return out;
  }
}
