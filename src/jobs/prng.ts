// A small seeded pseudo-random generator, so that a survey sample can be drawn again
// exactly: the same seed and the same population give the same sample on any machine.
// mulberry32 (Tommy Ettinger, public domain): 32-bit state, fine for sampling, not for secrets.

export type Random = () => number;

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string, as an unsigned 32-bit seed. */
export function seedFromText(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A simple random sample of `k` items (without replacement): a partial Fisher–Yates
 * shuffle of a copy. Every subset of size k is equally likely; the input is not changed.
 */
export function sampleWithoutReplacement<T>(items: readonly T[], k: number, random: Random): T[] {
  const pool = [...items];
  const n = Math.min(Math.max(0, Math.floor(k)), pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, n);
}
