// Bad input at the HTTP and GraphQL layer gets Twenty's error shape and status,
// and the sandbox keeps serving. Each expectation cites the Twenty source it copies.
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, rawPost, startTestSandbox, type TestSandbox } from '../../src/fixtures/clients.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => t.sandbox.close());

const auth = (): Record<string, string> => ({ Authorization: `Bearer ${t.sandbox.apiKey}` });
const OBJECTS = '{ objects { edges { node { id } } } }';

describe('authentication', () => {
  // guards/workspace-auth.guard.ts: no credential → AuthenticationError('Missing authentication token');
  // a token that does not verify → AuthException('Token invalid.', UNAUTHENTICATED), mapped in
  // auth/utils/auth-graphql-api-exception-handler.util.ts; sent with HTTP 200
  // (middlewares/middleware.service.ts @45b288c: `const statusCode = 200`).
  it('refuses a request without a key', async () => {
    const res = await rawPost(`${t.sandbox.url}/metadata`, JSON.stringify({ query: OBJECTS }));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      errors: [
        {
          message: 'Missing authentication token',
          extensions: {
            code: 'UNAUTHENTICATED',
            subCode: 'UNAUTHENTICATED',
            userFriendlyMessage: 'You must be authenticated to perform this action.',
          },
        },
      ],
    });
  });

  it('refuses a wrong key on both endpoints, without executing anything', async () => {
    for (const endpoint of ['/metadata', '/graphql']) {
      const res = await rawPost(
        `${t.sandbox.url}${endpoint}`,
        JSON.stringify({ query: 'mutation { createCompany(data: {name: "x"}) { id } }' }),
        {
          Authorization: 'Bearer not-the-key',
        },
      );
      expect(res.status).toBe(200);
      expect((res.json as { errors: Array<{ message: string; extensions: { code: string } }> }).errors[0]).toMatchObject({
        message: 'Token invalid.',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    expect(t.sandbox.workspace.table(t.sandbox.workspace.objectByName('company')?.id ?? '').size).toBe(0);
  });
});

describe('malformed requests', () => {
  it('answers bad JSON and a missing query as GraphQL Yoga does (400), then keeps serving', async () => {
    const bad = await rawPost(`${t.sandbox.url}/metadata`, '{"query": ', auth());
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ errors: [{ message: 'POST body sent invalid JSON.' }] });
    const noQuery = await rawPost(`${t.sandbox.url}/graphql`, JSON.stringify({ variables: {} }), auth());
    expect(noQuery.status).toBe(400);
    expect(noQuery.json).toEqual({ errors: [{ message: 'Must provide query string.' }] });
    const ok = await rawPost(`${t.sandbox.url}/metadata`, JSON.stringify({ query: OBJECTS }), auth());
    expect(ok.status).toBe(200);
  });

  it('reports parse errors with GRAPHQL_PARSE_FAILED', async () => {
    const res = await rawPost(`${t.sandbox.url}/metadata`, JSON.stringify({ query: '{ objects {' }), auth());
    const body = res.json as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]?.message).toMatch(/^Syntax Error/);
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('rejects a field the 2.43.0 schema does not have with graphql-js message and GRAPHQL_VALIDATION_FAILED', async () => {
    const failure = await failureOf(
      t.metadata.request(gql`
        {
          objects {
            edges {
              node {
                id
                isCustom
              }
            }
          }
        }
      `),
    );
    expect(failure.status).toBe(200);
    expect(failure.errors[0]).toMatchObject({
      message: 'Cannot query field "isCustom" on type "Object". Did you mean "isSystem"?',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it("answers 400 to a client preferring application/graphql-response+json (graphql-request's default Accept), as GraphQL Yoga does", async () => {
    const res = await rawPost(`${t.sandbox.url}/metadata`, JSON.stringify({ query: '{ objects { edges { node { isCustom } } } }' }), {
      ...auth(),
      Accept: 'application/graphql-response+json, application/json',
    });
    expect(res.status).toBe(400);
    expect((res.json as { errors: unknown[] }).errors).toHaveLength(1);
  });

  it('rejects a misspelt input field with the message Twenty sends', async () => {
    const failure = await failureOf(
      t.metadata.request(gql`
        mutation {
          createOneObject(input: { object: { nameSingulr: "lead", namePlural: "leads", labelSingular: "Lead", labelPlural: "Leads" } }) {
            id
          }
        }
      `),
    );
    expect(failure.errors.map((e) => e.message)).toContain(
      'Field "nameSingulr" is not defined by type "CreateObjectInput". Did you mean "nameSingular" or "labelSingular"?',
    );
    expect(failure.errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a non-UUID id in a variable ("Invalid UUID", uuid.scalar.ts)', async () => {
    const failure = await failureOf(
      t.metadata.request(
        gql`
          query O($id: UUID!) {
            object(id: $id) {
              id
            }
          }
        `,
        { id: 'not-a-uuid' },
      ),
    );
    expect(failure.errors[0]).toMatchObject({ message: 'Invalid UUID', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('answers an unknown operation name through the error hook (INTERNAL_SERVER_ERROR, graphql-js message)', async () => {
    const res = await rawPost(
      `${t.sandbox.url}/metadata`,
      JSON.stringify({ query: 'query A { objects { edges { node { id } } } }', operationName: 'B' }),
      auth(),
    );
    expect(res.json).toEqual({
      errors: [
        {
          message: 'Unknown operation named "B".',
          extensions: { code: 'INTERNAL_SERVER_ERROR', userFriendlyMessage: 'An error occurred.' },
        },
      ],
    });
  });
});

describe('query complexity (use-validate-graphql-query-complexity.hook.ts @b8a9f65)', () => {
  it('refuses more than 10 nested levels', async () => {
    const deep =
      '{ objects { edges { node { fieldsList { object { fieldsList { object { fieldsList { relation { targetObjectMetadata { id } } } } } } } } } } }';
    const failure = await failureOf(t.metadata.request(deep));
    expect(failure.errors[0]).toMatchObject({
      message: 'Query too complex - Too many nested fields requested: 11 - Maximum allowed nested fields: 10',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('refuses the same root resolver twice in one document', async () => {
    const failure = await failureOf(t.metadata.request('{ a: objects { edges { cursor } } b: objects { edges { cursor } } }'));
    expect(failure.errors[0]?.message).toBe('Duplicate root resolver: "objects"');
  });

  it('refuses more than 2000 fields (GRAPHQL_MAX_FIELDS)', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => `f${i}: id l${i}: name`).join(' ');
    const failure = await failureOf(t.metadata.request(`{ objects { edges { node { ${many} } } } }`));
    expect(failure.errors[0]?.message).toBe('Query too complex - Too many fields requested: 2005 - Maximum allowed fields: 2000');
  });
});

describe('request log (sandbox only)', () => {
  it('records every request with endpoint, operation name, write flag and status, and can be cleared', async () => {
    await fetch(`${t.sandbox.url}/_sandbox/requests`, { method: 'DELETE' });
    await t.metadata.request(gql`
      query ListObjects {
        objects {
          edges {
            node {
              id
            }
          }
        }
      }
    `);
    await t.graphql.request(gql`
      mutation AddCompany {
        createCompany(data: { name: "Logged" }) {
          id
        }
      }
    `);
    await rawPost(`${t.sandbox.url}/graphql`, '{bad', auth());
    const log = (await (await fetch(`${t.sandbox.url}/_sandbox/requests`)).json()) as unknown[];
    expect(log).toEqual([
      { endpoint: '/metadata', operationName: 'ListObjects', write: false, status: 200 },
      { endpoint: '/graphql', operationName: 'AddCompany', write: true, status: 200 },
      { endpoint: '/graphql', operationName: null, write: false, status: 400 },
    ]);
    await fetch(`${t.sandbox.url}/_sandbox/requests`, { method: 'DELETE' });
    expect(await (await fetch(`${t.sandbox.url}/_sandbox/requests`)).json()).toEqual([]);
  });
});
