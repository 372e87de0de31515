// The sandbox as `bankpack sandbox` and `npm start` run it: every standard object of
// the generated catalogue, not the small test catalogue the other tests use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/index.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

async function graphql(query: string): Promise<{ data?: Record<string, unknown>; errors?: Array<{ message: string }> }> {
  const res = await fetch(`${sandbox.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${sandbox.apiKey}` },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
}

describe('records API over the full standard catalogue', () => {
  it('serves companies, people, tasks and workflows', async () => {
    const res = await graphql('{ companies { totalCount } people { totalCount } tasks { totalCount } workflows { totalCount } }');
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      companies: { totalCount: 0 },
      people: { totalCount: 0 },
      tasks: { totalCount: 0 },
      workflows: { totalCount: 0 },
    });
  });

  it('creates a company with its composite address', async () => {
    const res = await graphql(
      'mutation { createCompany(data: { name: "上海浦江实业", address: { addressCity: "上海" } }) { name address { addressCity } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ createCompany: { name: '上海浦江实业', address: { addressCity: '上海' } } });
  });
});
