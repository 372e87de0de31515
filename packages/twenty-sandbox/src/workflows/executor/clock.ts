// The sandbox clock the executor reads: CRON triggers fire and DELAY steps resume
// when it passes their time. It stands still unless advanced (POST /_sandbox/clock,
// or advance() from code), so a test can move "24 hours" in a millisecond.
export class SandboxClock {
  private current: number;

  constructor(start: Date | string = new Date()) {
    this.current = new Date(start).getTime();
    if (Number.isNaN(this.current)) throw new Error(`the sandbox clock cannot start at "${String(start)}": give an ISO date`);
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves to `to` (never backwards); returns the time passed over, as [from, to]. */
  moveTo(to: Date): [Date, Date] {
    const from = this.now();
    this.current = Math.max(this.current, to.getTime());
    return [from, this.now()];
  }

  advance(ms: number): [Date, Date] {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`the sandbox clock only moves forward: got ${ms} ms`);
    return this.moveTo(new Date(this.current + ms));
  }
}
