import { describe, expect, it } from 'vitest';
import { createLimiter, fullJitterDelay, judgeCapabilities, parseRetryAfter, TokenBucket, type Clock } from '../../src/twenty/index.ts';

function fakeClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('TokenBucket', () => {
  it('lets a burst through, then paces at the configured rate', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ perMinute: 60, burst: 2 }, clock);
    for (let i = 0; i < 5; i++) await bucket.take();
    // two free, then one per second for the next three
    expect(clock.now()).toBe(3000);
  });

  it('does not wait at all when pacing is off', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ perMinute: 0, burst: 1 }, clock);
    for (let i = 0; i < 100; i++) await bucket.take();
    expect(clock.slept).toEqual([]);
  });

  it('holds every caller back after the server asked to wait', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ perMinute: 0, burst: 1 }, clock);
    bucket.pause(2500);
    await bucket.take();
    expect(clock.now()).toBe(2500);
  });

  it("keeps 100 requests in a minute under 90/min pacing from exceeding Twenty's 100 per 60 s", async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ perMinute: 90, burst: 10 }, clock);
    const sentAt: number[] = [];
    for (let i = 0; i < 200; i++) {
      await bucket.take();
      sentAt.push(clock.now());
    }
    // In any 60 s window, at most burst + 90 requests.
    for (let i = 0; i < sentAt.length; i++) {
      const inWindow = sentAt.filter((t) => t >= sentAt[i]! && t < sentAt[i]! + 60_000).length;
      expect(inWindow).toBeLessThanOrEqual(100);
    }
  });
});

describe('limiter', () => {
  it('never runs more than n tasks at once', async () => {
    const limit = createLimiter(3);
    let active = 0;
    let peak = 0;
    const task = async (): Promise<void> => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
    };
    await Promise.all(Array.from({ length: 12 }, () => limit(task)));
    expect(peak).toBe(3);
  });
});

describe('backoff', () => {
  it('draws the delay uniformly below an exponentially growing, capped ceiling', () => {
    expect(fullJitterDelay(0, { baseMs: 100, capMs: 1000 }, () => 0.999)).toBe(99);
    expect(fullJitterDelay(3, { baseMs: 100, capMs: 1000 }, () => 0.5)).toBe(400);
    expect(fullJitterDelay(10, { baseMs: 100, capMs: 1000 }, () => 0.999)).toBe(999);
    expect(fullJitterDelay(4, { baseMs: 100, capMs: 1000 }, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('server capabilities', () => {
  const v2 = {
    q: ['objects', 'getViews', 'getView'],
    m: [
      'createOneObject',
      'updateOneObject',
      'createOneField',
      'updateOneField',
      'deleteOneField',
      'createView',
      'createManyViewFields',
      'createManyViewGroups',
    ],
  };

  it('accepts the Twenty 2.x API', () => {
    expect(judgeCapabilities(v2.q, v2.m).ok).toBe(true);
  });

  it('recognises a Twenty 1.x by its core-view mutations and says so', () => {
    const caps = judgeCapabilities(['objects', 'getCoreViews'], ['createOneObject', 'createCoreView', 'createOneField']);
    expect(caps.ok).toBe(false);
    expect(caps.problem).toMatch(/Twenty 1\.x.*createCoreView/);
  });

  it('recognises a pre-1.0 server by createOneRelation', () => {
    const caps = judgeCapabilities(v2.q, [...v2.m, 'createOneRelation']);
    expect(caps.problem).toMatch(/createOneRelation/);
  });

  it('names what is missing', () => {
    const caps = judgeCapabilities(
      v2.q,
      v2.m.filter((m) => m !== 'createManyViewGroups'),
    );
    expect(caps.problem).toMatch(/lacks createManyViewGroups/);
  });

  it('says when the URL is not a Twenty metadata API at all', () => {
    expect(judgeCapabilities(['hello'], []).problem).toMatch(/not a Twenty metadata API/);
  });
});
