import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, haversineKm, toLatLng } from '../../src/jobs/geo.ts';
import { mulberry32, sampleWithoutReplacement, seedFromText } from '../../src/jobs/prng.ts';

describe('great-circle distance', () => {
  it('gives one degree of latitude as 2πR/360 and is symmetric', () => {
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo((2 * Math.PI * EARTH_RADIUS_KM) / 360, 9);
    const a = { lat: 39.9042, lng: 116.4074 };
    const b = { lat: 31.2304, lng: 121.4737 };
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 9);
    // Beijing–Shanghai by great circle: about 1,067 km.
    expect(haversineKm(a, b)).toBeGreaterThan(1060);
    expect(haversineKm(a, b)).toBeLessThan(1075);
  });

  it('takes half the circumference between antipodes', () => {
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 }, 6371)).toBeCloseTo(Math.PI * 6371, 6);
  });

  it('treats missing, out-of-range and (0, 0) coordinates as no coordinates', () => {
    expect(toLatLng(22.5, null)).toBeNull();
    expect(toLatLng(91, 10)).toBeNull();
    expect(toLatLng(0, 0)).toBeNull();
    expect(toLatLng(22.5, 114)).toEqual({ lat: 22.5, lng: 114 });
  });
});

describe('seeded sampling', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(mulberry32(43)()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws k distinct items without changing the input, and every item about equally often', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    const counts = new Array<number>(10).fill(0);
    const random = mulberry32(seedFromText('uniformity'));
    for (let run = 0; run < 5000; run++) {
      const s = sampleWithoutReplacement(items, 3, random);
      expect(new Set(s).size).toBe(3);
      for (const x of s) counts[x] = (counts[x] ?? 0) + 1;
    }
    expect(items).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Each item is expected 1,500 times; a fair sampler stays well within ±10 %.
    expect(Math.min(...counts)).toBeGreaterThan(1350);
    expect(Math.max(...counts)).toBeLessThan(1650);
  });

  it('returns everything when k exceeds the population, nothing for k = 0', () => {
    expect(sampleWithoutReplacement([1, 2], 5, mulberry32(1)).sort()).toEqual([1, 2]);
    expect(sampleWithoutReplacement([1, 2], 0, mulberry32(1))).toEqual([]);
  });

  it('hashes text to a stable 32-bit seed', () => {
    expect(seedFromText('2025Q4-S1')).toBe(seedFromText('2025Q4-S1'));
    expect(seedFromText('2025Q4-S1')).not.toBe(seedFromText('2025Q4-S2'));
    expect(seedFromText('')).toBe(0x811c9dc5);
  });
});
