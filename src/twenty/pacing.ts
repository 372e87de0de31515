// Client-side pacing of what Twenty throttles, and only that: one token per
// records-API root field sent with an API key (cost.ts). Twenty's throttle is a pair
// of token buckets per workspace, shared by every API key of the workspace:
// 100 per 1 s and 100 per 60 s by default (API_RATE_LIMITING_SHORT_* / _LONG_* in
// twenty-config/config-variables.ts @41d24255). Its refill counts whole tokens only
// and forgets the fraction on every take (throttler.service.ts @02e13c8d), so the
// client keeps a steady gap a little over 600 ms between charged requests instead
// of running the server's bucket dry, and keeps some of the bucket free for other
// API-key traffic. One TokenBucket per workspace is shared by every client of it.

export interface PacingOptions {
  /** Throttled tokens (records root fields, API key) per minute; 0 turns pacing off (a local sandbox). */
  perMinute: number;
  /** How many tokens may go out at once after a quiet spell. */
  burst: number;
}

/**
 * 90 a minute: a 667 ms gap, so that network jitter of up to ~60 ms still earns the
 * server one whole token per request; a burst of 50 leaves half of Twenty's 100 to
 * other API-key traffic of the workspace.
 */
export const DEFAULT_PACING: PacingOptions = { perMinute: 90, burst: 50 };

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class TokenBucket {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  /** Callers wait in line, so that tokens go out in the order they were asked for. */
  private queue: Promise<void> = Promise.resolve();
  private perMs: number;
  private options: PacingOptions;

  constructor(
    options: PacingOptions,
    private readonly clock: Clock = realClock,
  ) {
    this.options = { ...options };
    this.tokens = options.burst;
    this.last = clock.now();
    this.perMs = options.perMinute / 60_000;
  }

  get perMinute(): number {
    return this.options.perMinute;
  }

  /**
   * The server throttled us at `serverPerMinute`: from now on stay under it, one request at a time.
   * Only ever slows down (a limit set lower by the user stays).
   */
  slowTo(serverPerMinute: number): void {
    const target = serverPerMinute * 0.9;
    if (this.enabled && this.options.perMinute <= target) return;
    this.refill();
    this.options = { perMinute: target, burst: 1 };
    this.perMs = target / 60_000;
    this.tokens = Math.min(this.tokens, 0);
  }

  get enabled(): boolean {
    return this.options.perMinute > 0;
  }

  /** Resolves when a request costing `cost` tokens may be sent; a request that costs nothing never waits. */
  take(cost = 1): Promise<void> {
    if (cost <= 0 || (!this.enabled && this.pausedUntil === 0)) return Promise.resolve();
    const turn = this.queue.then(() => this.waitForTokens(cost));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** The server said "slow down": nobody sends before `ms` from now. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
    if (this.enabled) this.tokens = Math.min(this.tokens, 0);
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.options.burst, this.tokens + (now - this.last) * this.perMs);
    this.last = now;
  }

  /** A request dearer than the burst waits for a full bucket and leaves a debt behind. */
  private async waitForTokens(cost: number): Promise<void> {
    const need = Math.min(cost, this.options.burst);
    for (;;) {
      const paused = this.pausedUntil - this.clock.now();
      if (paused > 0) {
        await this.clock.sleep(paused);
        continue;
      }
      this.pausedUntil = 0;
      if (!this.enabled) return;
      this.refill();
      if (this.tokens >= need) {
        this.tokens -= cost;
        return;
      }
      await this.clock.sleep(Math.ceil((need - this.tokens) / this.perMs));
    }
  }
}
