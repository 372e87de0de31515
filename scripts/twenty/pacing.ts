// Client-side pacing: a token bucket, so that a deploy stays under Twenty's own
// API-key bucket instead of running into it. Twenty's throttle is itself a token
// bucket per workspace, 100 tokens refilled over 60 000 ms by default
// (packages/twenty-server/src/engine/core-modules/throttler/throttler.service.ts @02e13c8;
// API_RATE_LIMITING_LONG_LIMIT / _TTL_IN_MS in twenty-config/config-variables.ts).

export interface PacingOptions {
  /** Requests per minute; 0 turns pacing off (a local sandbox). */
  perMinute: number;
  /** How many requests may go out at once after a quiet spell. */
  burst: number;
}

/** Just under Twenty's 100/min, with a burst small enough to leave room for other API-key traffic. */
export const DEFAULT_PACING: PacingOptions = { perMinute: 90, burst: 10 };

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

  /** Resolves when a request may be sent. */
  take(): Promise<void> {
    if (!this.enabled && this.pausedUntil === 0) return Promise.resolve();
    const turn = this.queue.then(() => this.waitForToken());
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

  private async waitForToken(): Promise<void> {
    for (;;) {
      const paused = this.pausedUntil - this.clock.now();
      if (paused > 0) {
        await this.clock.sleep(paused);
        continue;
      }
      this.pausedUntil = 0;
      if (!this.enabled) return;
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.ceil((1 - this.tokens) / this.perMs));
    }
  }
}
