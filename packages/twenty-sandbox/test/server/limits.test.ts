// What Twenty throttles and limits, and what it does not: each expectation cites the
// Twenty source it copies (see docs/twenty-facts.md, "Records API: throttle, limits,
// query shape").
import { GraphQLClient } from 'graphql-request';
import { afterEach, describe, expect, it } from 'vitest';
import { failureOf, rawPost, startTestSandbox, type TestSandbox } from '../../src/fixtures/clients.ts';
import { Throttle } from '../../src/server/throttle.ts';

let t: TestSandbox | undefined;
afterEach(async () => {
  await t?.sandbox.close();
  t = undefined;
});

const LIMIT_REACHED = (n: number, ms: number): unknown => ({
  message: `Limit reached (${n} tokens per ${ms} ms)`,
  extensions: { code: 'BAD_USER_INPUT', subCode: 'LIMIT_REACHED', userFriendlyMessage: 'Rate limit reached. Please try again later.' },
});
// A long window keeps refill out of the picture, so no outcome depends on the machine's speed.
const ONE_HOUR = 3_600_000;
const userClient = (s: TestSandbox): GraphQLClient =>
  new GraphQLClient(`${s.sandbox.url}/graphql`, {
    headers: { Authorization: `Bearer ${s.sandbox.userToken}`, Accept: 'application/json' },
  });

describe('throttle buckets: ThrottlerService.tokenBucketThrottleOrThrow (fake clock)', () => {
  it("uses Twenty's defaults: 100 tokens per second, then 100 per minute", () => {
    let now = 0;
    const throttle = new Throttle({}, () => now);
    for (let i = 0; i < 100; i++) expect(throttle.consume()).toBeUndefined();
    expect(throttle.consume()?.message).toBe('Limit reached (100 tokens per 1000 ms)');
    now += 1000; // the short bucket is full again; the long one has earned 1 whole token
    expect(throttle.consume()).toBeUndefined();
    expect(throttle.consume()?.message).toBe('Limit reached (100 tokens per 60000 ms)');
  });

  it('refills whole tokens only, and a take forgets the fraction earned so far', () => {
    let now = 0;
    const throttle = new Throttle({ shortLimit: 1000 }, () => now);
    for (let i = 0; i < 100; i++) throttle.consume();
    now = 1000; // 1.67 tokens earned: one is taken, the 0.67 is lost with lastRefillAt = now
    expect(throttle.consume()).toBeUndefined();
    now = 1200; // a continuous bucket would hold 1.0 here; Twenty's has floor(200 / 600) = 0
    expect(throttle.consume()?.message).toBe('Limit reached (100 tokens per 60000 ms)');
    now = 1600; // a refused take stored nothing: 600 ms since the last take is one token
    expect(throttle.consume()).toBeUndefined();
  });
});

describe('what the throttle charges (CommonBaseQueryRunnerService.throttleQueryExecution)', () => {
  it('charges an API key one token per records root field, and refuses the field past the bucket', async () => {
    t = await startTestSandbox({ throttle: { longLimit: 3, longTtlMs: ONE_HOUR } });
    await t.graphql.request('{ companies { totalCount } people { totalCount } }');
    await t.graphql.request('{ companies { totalCount } }');
    const failure = await failureOf(t.graphql.request('{ people { totalCount } }'));
    expect(failure.status).toBe(200);
    expect(failure.errors).toEqual([LIMIT_REACHED(3, ONE_HOUR)]);
  });

  it('never throttles /metadata', async () => {
    t = await startTestSandbox({ throttle: { longLimit: 1, longTtlMs: ONE_HOUR } });
    for (let i = 0; i < 5; i++) await t.metadata.request('{ objects { edges { node { id } } } }');
    await t.graphql.request('{ companies { totalCount } }');
    expect((await failureOf(t.graphql.request('{ companies { totalCount } }'))).errors).toEqual([LIMIT_REACHED(1, ONE_HOUR)]);
  });

  it('never throttles a user token, even on records root fields', async () => {
    t = await startTestSandbox({ throttle: { longLimit: 1, longTtlMs: ONE_HOUR } });
    const user = userClient(t);
    for (let i = 0; i < 5; i++) await user.request('{ companies { totalCount } people { totalCount } }');
    await t.graphql.request('{ companies { totalCount } }');
  });

  it('never throttles the workflow mutations, which are not records resolvers', async () => {
    t = await startTestSandbox({ throttle: { longLimit: 1, longTtlMs: ONE_HOUR } });
    await t.graphql.request('{ companies { totalCount } }');
    const failure = await failureOf(
      t.graphql.request('mutation { activateWorkflowVersion(workflowVersionId: "00000000-0000-4000-8000-000000000000") }'),
    );
    expect(JSON.stringify(failure.errors)).not.toContain('Limit reached');
  });
});

describe('document limits per endpoint (use-validate-graphql-query-complexity.hook.ts)', () => {
  it('allows 20 root resolvers on /graphql (GRAPHQL_MAX_ROOT_RESOLVERS) and refuses the 21st', async () => {
    t = await startTestSandbox();
    const auth = { Authorization: `Bearer ${t.sandbox.apiKey}` };
    // Distinct real root fields are few in the small catalogue: count past 20 with distinct names the schema lacks,
    // since the count is taken right after parsing, before validation.
    const fields = (n: number): string => Array.from({ length: n }, (_, i) => `f${i} { id }`).join(' ');
    const at20 = await rawPost(`${t.sandbox.url}/graphql`, JSON.stringify({ query: `{ ${fields(20)} }` }), auth);
    expect(JSON.stringify(at20.json)).not.toContain('Too many root resolvers');
    const at21 = await rawPost(`${t.sandbox.url}/graphql`, JSON.stringify({ query: `{ ${fields(21)} }` }), auth);
    expect((at21.json as { errors: unknown[] }).errors[0]).toMatchObject({
      message: 'Query too complex - Too many root resolvers requested: 21 - Maximum allowed root resolvers: 20',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('keeps 10 root resolvers on /metadata', async () => {
    t = await startTestSandbox();
    const fields = Array.from({ length: 11 }, (_, i) => `f${i} { id }`).join(' ');
    const failure = await failureOf(t.metadata.request(`{ ${fields} }`));
    expect(failure.errors[0]?.message).toBe(
      'Query too complex - Too many root resolvers requested: 11 - Maximum allowed root resolvers: 10',
    );
  });

  it('refuses a repeated root field on /graphql, aliased or not', async () => {
    t = await startTestSandbox();
    const failure = await failureOf(t.graphql.request('{ a: companies { totalCount } b: companies { totalCount } }'));
    expect(failure.errors[0]).toMatchObject({ message: 'Duplicate root resolver: "companies"', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('has no nesting limit on /graphql', async () => {
    t = await startTestSandbox();
    const deep = '{ people { edges { node { company { people { edges { node { company { name } } } } } } } } }';
    await expect(t.graphql.request(deep)).resolves.toBeDefined();
  });
});

describe('selection complexity of a records resolver (validateQueryComplexity)', () => {
  const TOO_COMPLEX = { code: 'BAD_USER_INPUT', subCode: 'TOO_COMPLEX_QUERY', userFriendlyMessage: 'An error occurred.' };

  it('refuses a one-to-many relation inside another one-to-many, even through a many-to-one hop', async () => {
    t = await startTestSandbox();
    const failure = await failureOf(
      t.graphql.request('{ companies { edges { node { people { edges { node { company { people { edges { node { id } } } } } } } } } } }'),
    );
    expect(failure.errors[0]).toEqual({
      message: 'Query complexity is too high. One-to-Many relation cannot be nested in another One-to-Many relation.',
      extensions: TOO_COMPLEX,
    });
  });

  it('allows one one-to-many under a many-to-one (a letter reading company.people from a person)', async () => {
    t = await startTestSandbox();
    await expect(
      t.graphql.request('{ people { edges { node { company { people { edges { node { id } } } } } } } }'),
    ).resolves.toBeDefined();
  });

  it('counts 1 + every relation field against COMMON_QUERY_COMPLEXITY_LIMIT', async () => {
    t = await startTestSandbox({ queryComplexityLimit: 2 });
    await t.graphql.request('{ people { edges { node { company { id } } } } }');
    const failure = await failureOf(t.graphql.request('{ people { edges { node { company { people { edges { node { id } } } } } } } }'));
    expect(failure.errors[0]).toEqual({
      message:
        'Query complexity is too high. Please, reduce the amount of relation fields requested. Query complexity: 3. Maximum complexity: 2.',
      extensions: TOO_COMPLEX,
    });
  });

  it('also charges the user token nothing when its query is refused as too complex', async () => {
    t = await startTestSandbox({ throttle: { longLimit: 1, longTtlMs: ONE_HOUR } });
    await failureOf(
      userClient(t).request('{ companies { edges { node { people { edges { node { company { people { totalCount } } } } } } } } }'),
    );
    await t.graphql.request('{ companies { totalCount } }');
  });
});
