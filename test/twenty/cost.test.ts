// The client paces exactly what Twenty throttles: records root fields sent with an
// API key, one token each, from one budget per workspace; /metadata, the workflow
// mutations and user sessions never wait.
import { describe, expect, it } from 'vitest';
import { recordsRootFields, throttleCost } from '../../src/twenty/cost.ts';
import { TokenBucket, TwentyClient, type Clock } from '../../src/twenty/index.ts';

function fakeClock(): Clock {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
}

/** A fetch that answers every GraphQL request with empty data, counting them. */
function answering(): { fetch: typeof fetch; sent: () => number } {
  let n = 0;
  const f: typeof fetch = async () => {
    n++;
    return new Response(JSON.stringify({ data: {} }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: f, sent: () => n };
}

describe('what a request costs', () => {
  it('counts the root fields of a records document, by name, fragments included', () => {
    expect(recordsRootFields('{ companies { totalCount } a: people { totalCount } }')).toBe(2);
    expect(recordsRootFields('query Q { ...F } fragment F on Query { companies { totalCount } tasks { totalCount } }')).toBe(2);
    expect(recordsRootFields('{ __schema { queryType { name } } companies { totalCount } }')).toBe(1);
  });

  it('charges nothing for /metadata, the workflow mutations or a user session', () => {
    expect(throttleCost('metadata', 'apiKey', '{ objects { edges { node { id } } } }')).toBe(0);
    expect(throttleCost('core', 'apiKey', 'mutation { activateWorkflowVersion(workflowVersionId: "x") }')).toBe(0);
    expect(throttleCost('core', 'user', '{ companies { totalCount } }')).toBe(0);
    expect(throttleCost('core', 'apiKey', 'mutation { createCompanies(data: []) { id } }')).toBe(1);
  });
});

describe('pacing through one budget per workspace', () => {
  it('never holds back a metadata request or a user session, however many', async () => {
    const clock = fakeClock();
    const wire = answering();
    const budget = new TokenBucket({ perMinute: 60, burst: 1 }, clock);
    const key = new TwentyClient({ url: 'http://twenty.test', apiKey: 'k', budget, clock, fetch: wire.fetch });
    const user = new TwentyClient({ url: 'http://twenty.test', apiKey: 'u', caller: 'user', budget, clock, fetch: wire.fetch });
    for (let i = 0; i < 20; i++) await key.metadata('{ objects { totalCount } }', undefined, { operation: 'read' });
    for (let i = 0; i < 20; i++) await user.core('{ companies { totalCount } }', undefined, { operation: 'read' });
    expect(clock.now()).toBe(0);
    expect(wire.sent()).toBe(40);
  });

  it('charges one token per records root field, and two API-key clients share the budget', async () => {
    const clock = fakeClock();
    const wire = answering();
    const budget = new TokenBucket({ perMinute: 60, burst: 2 }, clock);
    const a = new TwentyClient({ url: 'http://twenty.test', apiKey: 'k', budget, clock, fetch: wire.fetch });
    const b = new TwentyClient({ url: 'http://twenty.test', apiKey: 'k', budget, clock, fetch: wire.fetch });
    await a.core('{ companies { totalCount } people { totalCount } }', undefined, { operation: 'read' }); // the burst
    expect(clock.now()).toBe(0);
    await b.core('{ companies { totalCount } }', undefined, { operation: 'read' }); // one second for one token
    expect(clock.now()).toBe(1000);
    await a.core('{ tasks { totalCount } notes { totalCount } }', undefined, { operation: 'read' }); // two more
    expect(clock.now()).toBe(3000);
  });

  it('counts every client of the workspace in one counter when given one', async () => {
    const wire = answering();
    const key = new TwentyClient({ url: 'http://twenty.test', apiKey: 'k', pacing: { perMinute: 0, burst: 1 }, fetch: wire.fetch });
    const user = new TwentyClient({
      url: 'http://twenty.test',
      apiKey: 'u',
      caller: 'user',
      budget: key.budget,
      counter: key.counter,
      fetch: wire.fetch,
    });
    await key.metadata('{ objects { totalCount } }', undefined, { operation: 'read' });
    await user.core('mutation { createWorkflowVersionStep(input: {}) { stepsDiff } }', undefined, { operation: 'write', write: true });
    expect(key.counter.total).toBe(wire.sent());
  });
});
