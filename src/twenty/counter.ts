// Counts what the client sent, per endpoint and kind, for the benchmarks and the deploy summary.

export type Endpoint = 'metadata' | 'core';

export interface RequestCounts {
  reads: Record<Endpoint, number>;
  writes: Record<Endpoint, number>;
  /** Attempts that were repeated (after a 429, a 5xx or a dropped connection). */
  retries: number;
  /** Times the server throttled us. */
  throttled: number;
  /** Reads by kind (`metadata`, `views`, `translations:en`, `records:branch`…), for "at most one read per kind". */
  readsByKind: Record<string, number>;
}

export class RequestCounter {
  private counts: RequestCounts = RequestCounter.empty();

  static empty(): RequestCounts {
    return { reads: { metadata: 0, core: 0 }, writes: { metadata: 0, core: 0 }, retries: 0, throttled: 0, readsByKind: {} };
  }

  sent(endpoint: Endpoint, write: boolean, kind?: string): void {
    if (write) this.counts.writes[endpoint]++;
    else {
      this.counts.reads[endpoint]++;
      if (kind) this.counts.readsByKind[kind] = (this.counts.readsByKind[kind] ?? 0) + 1;
    }
  }

  retried(): void {
    this.counts.retries++;
  }

  throttledOnce(): void {
    this.counts.throttled++;
  }

  snapshot(): RequestCounts {
    return structuredClone(this.counts);
  }

  get total(): number {
    const c = this.counts;
    return c.reads.metadata + c.reads.core + c.writes.metadata + c.writes.core;
  }

  get writes(): number {
    return this.counts.writes.metadata + this.counts.writes.core;
  }
}
