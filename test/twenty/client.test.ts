import { afterEach, describe, expect, it } from 'vitest';
import { TwentyClient, type Clock } from '../../src/twenty/index.ts';
import { TwentyError } from '../../src/twenty/errors.ts';
import { scriptedServer, type Reply } from './fake-http.ts';

const KEY = 'tw_secret_key_0123456789';

/** A clock that never really waits: sleeps are recorded and advance time. */
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

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

async function setup(replies: Reply[]) {
  const server = await scriptedServer(replies);
  closers.push(server.close);
  const clock = fakeClock();
  const client = new TwentyClient({ url: `${server.url}/`, apiKey: KEY, pacing: { perMinute: 0, burst: 1 }, clock, random: () => 0.5 });
  return { server, clock, client };
}

async function failure(p: Promise<unknown>): Promise<TwentyError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TwentyError) return e;
    throw e;
  }
  throw new Error('expected the request to fail');
}

describe('TwentyClient', () => {
  it('authenticates with a Bearer key on both endpoints and returns the data', async () => {
    const { server, client } = await setup([{ json: { data: { objects: 1 } } }, { json: { data: { companies: 2 } } }]);
    expect(await client.metadata('{ objects }', undefined, { operation: 'read' })).toEqual({ objects: 1 });
    expect(await client.core('{ companies }', undefined, { operation: 'read' })).toEqual({ companies: 2 });
    expect(server.seen.map((s) => s.path)).toEqual(['/metadata', '/graphql']);
    expect(server.seen[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(client.counter.snapshot().reads).toEqual({ metadata: 1, core: 1 });
  });

  it('asks for labels in a locale through x-locale', async () => {
    const { server, client } = await setup([{ json: { data: {} } }]);
    await client.metadata('{ objects }', undefined, { operation: 'read', locale: 'en' });
    expect(server.seen[0]!.headers['x-locale']).toBe('en');
  });

  it('waits as long as Retry-After says on HTTP 429, then retries even a write', async () => {
    const { server, clock, client } = await setup([
      { status: 429, headers: { 'retry-after': '3' }, json: { errors: [{ message: 'Too many requests' }] } },
      { json: { data: { createOneObject: { id: 'o1' } } } },
    ]);
    const data = await client.metadata('mutation { createOneObject }', undefined, { operation: 'create object', write: true });
    expect(data).toEqual({ createOneObject: { id: 'o1' } });
    expect(server.seen).toHaveLength(2);
    // Retry-After, plus a little jitter so that clients throttled together do not come back together.
    expect(clock.slept[0]).toBeGreaterThanOrEqual(3000);
    expect(clock.slept[0]).toBeLessThan(3000 + 300);
    expect(client.counter.snapshot()).toMatchObject({ throttled: 1, retries: 1, writes: { metadata: 2, core: 0 } });
  });

  it("retries after Twenty's throttle message, then paces itself under the server's limit", async () => {
    const { server, clock, client } = await setup([
      { json: { errors: [{ message: 'Limit reached (100 tokens per 60000 ms)', extensions: { code: 'BAD_USER_INPUT' } }] } },
      { json: { data: { ok: true } } },
      { json: { data: { ok: true } } },
      { json: { data: { ok: true } } },
    ]);
    await client.core('mutation { createBranches }', undefined, { operation: 'seed', write: true });
    expect(server.seen).toHaveLength(2);
    expect(clock.slept[0]).toBeGreaterThanOrEqual(600); // one token of Twenty's bucket
    const t = clock.now();
    await client.core('{ a }', undefined, { operation: 'read' });
    await client.core('{ b }', undefined, { operation: 'read' });
    // Pacing was off; now it follows 90% of the server's 100 per minute: two requests take at least one interval.
    expect(clock.now() - t).toBeGreaterThanOrEqual(Math.floor(60_000 / 90));
  });

  it('retries a read on 503 and on a dropped connection', async () => {
    const { server, client } = await setup([{ status: 503, text: 'unavailable' }, { drop: true }, { json: { data: { ok: 1 } } }]);
    expect(await client.metadata('{ ok }', undefined, { operation: 'read' })).toEqual({ ok: 1 });
    expect(server.seen).toHaveLength(3);
  });

  it('never repeats a write whose answer was lost: a dropped connection is "outcome unknown"', async () => {
    const { server, client } = await setup([{ drop: true }, { json: { data: { ok: 1 } } }]);
    const e = await failure(client.metadata('mutation { x }', undefined, { operation: 'create field intelLead.stage', write: true }));
    expect(e.kind).toBe('outcome-unknown');
    expect(e.describe()).toMatch(/^create field intelLead\.stage: the answer was lost/);
    expect(server.seen).toHaveLength(1);
  });

  it('treats a 5xx on a write as outcome unknown, not as a failure to retry', async () => {
    const { server, client } = await setup([{ status: 502, text: 'bad gateway' }]);
    const e = await failure(client.metadata('mutation { x }', undefined, { operation: 'create view', write: true }));
    expect(e.kind).toBe('outcome-unknown');
    expect(e.status).toBe(502);
    expect(server.seen).toHaveLength(1);
  });

  it('retries a write the server never saw (connection refused), then gives up with a network error', async () => {
    const { server } = await setup([]);
    const url = server.url;
    await server.close();
    const clock = fakeClock();
    const client = new TwentyClient({ url, apiKey: KEY, pacing: { perMinute: 0, burst: 1 }, clock, maxRetries: 2 });
    const e = await failure(client.metadata('mutation { x }', undefined, { operation: 'create object', write: true }));
    expect(e.kind).toBe('network');
    expect(e.hint).toMatch(/--url/);
    expect(client.counter.snapshot().writes.metadata).toBe(3);
  });

  it('explains a refused key without ever repeating the key', async () => {
    const { client } = await setup([
      { status: 401, json: { errors: [{ message: `Token ${KEY} is invalid`, extensions: { code: 'UNAUTHENTICATED' } }] } },
    ]);
    const e = await failure(client.metadata('{ objects }', undefined, { operation: 'read the workspace' }));
    expect(e.kind).toBe('unauthenticated');
    expect(e.describe()).not.toContain(KEY);
    expect(e.describe()).toContain('[redacted]');
    expect(e.hint).toMatch(/TWENTY_API_KEY/);
  });

  it('says which permission is missing on FORBIDDEN', async () => {
    const { client } = await setup([{ json: { errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }] } }]);
    const e = await failure(
      client.metadata('mutation { createOneObject }', undefined, { operation: 'create object intelLead', write: true }),
    );
    expect(e.kind).toBe('forbidden');
    expect(e.hint).toMatch(/Data Model permission/);
  });

  it('lists every complaint of METADATA_VALIDATION_FAILED', async () => {
    const { client } = await setup([
      {
        json: {
          errors: [
            {
              message: 'Validation failed for 1 objectMetadata',
              extensions: {
                code: 'METADATA_VALIDATION_FAILED',
                userFriendlyMessage: 'Object could not be created',
                errors: { objectMetadata: [{ errors: [{ code: 'OBJECT_ALREADY_EXISTS', message: 'Object already exists' }] }] },
              },
            },
          ],
        },
      },
    ]);
    const e = await failure(
      client.metadata('mutation { createOneObject }', undefined, { operation: 'create object intelLead', write: true }),
    );
    expect(e.kind).toBe('metadata-validation');
    expect(e.details).toEqual(['Object already exists [OBJECT_ALREADY_EXISTS]']);
    expect(e.describe()).toBe(
      'create object intelLead: Twenty rejected the change: Object could not be created: Object already exists [OBJECT_ALREADY_EXISTS]',
    );
  });

  it('reads the errors of a non-2xx GraphQL answer (schema mismatch on /metadata is final)', async () => {
    const { server, client } = await setup([
      {
        status: 400,
        json: {
          errors: [
            { message: 'Cannot query field "createCoreView" on type "Mutation".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
          ],
        },
      },
    ]);
    const e = await failure(client.metadata('mutation { createCoreView }', undefined, { operation: 'create view', write: true }));
    expect(e.kind).toBe('schema-mismatch');
    expect(e.message).toContain('createCoreView');
    expect(server.seen).toHaveLength(1);
  });

  it('retries a record request while /graphql is still being rebuilt after a metadata change', async () => {
    const { server, client } = await setup([
      {
        json: {
          errors: [{ message: 'Cannot query field "branches" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
        },
      },
      { json: { data: { branches: { edges: [] } } } },
    ]);
    expect(await client.core('{ branches }', undefined, { operation: 'read branches' })).toEqual({ branches: { edges: [] } });
    expect(server.seen).toHaveLength(2);
  });

  it('gives up after the configured number of retries', async () => {
    const replies: Reply[] = Array.from({ length: 10 }, () => ({ status: 503, text: 'down' }));
    const { server, client } = await setup(replies);
    const e = await failure(client.metadata('{ x }', undefined, { operation: 'read' }));
    expect(e.kind).toBe('server-error');
    expect(server.seen).toHaveLength(6);
  });
});
