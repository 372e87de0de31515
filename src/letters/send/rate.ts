// --rate: at most N emails a second (or a minute), spaced evenly.

export interface Rate {
  perSecond: number;
}

/** `5`, `5/s`, `120/min`, `0.5/s`; undefined when it is none of them. */
export function parseRate(text: string): Rate | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(s|sec|second|m|min|minute))?\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!(n > 0)) return undefined;
  const perMinute = m[2] !== undefined && m[2].toLowerCase().startsWith('m');
  return { perSecond: perMinute ? n / 60 : n };
}

export interface Pacer {
  /** Resolves when the next email may go. */
  wait(): Promise<void>;
}

export function pacer(
  rate: Rate,
  now: () => number = Date.now,
  sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
): Pacer {
  const gap = 1000 / rate.perSecond;
  let next = 0;
  return {
    async wait() {
      const t = now();
      if (t < next) await sleep(next - t);
      next = Math.max(t, next) + gap;
    },
  };
}
