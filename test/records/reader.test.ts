import { describe, expect, it } from 'vitest';
import { readAll, readByIds, readPages, renderSelection } from '../../src/records/index.ts';
import { FakeTransport, pagingAnswer } from './fake-transport.ts';

const rows = Array.from({ length: 130 }, (_, i) => ({ id: `id-${String(i).padStart(3, '0')}`, name: `Company ${i}` }));
const COMPANY = { nameSingular: 'company', namePlural: 'companies' };

describe('record reader', () => {
  it('reads every record in ⌈N / page size⌉ requests, asking only for the given fields', async () => {
    const t = new FakeTransport(pagingAnswer('companies', rows));
    const all = await readAll(t, { object: COMPANY, fields: ['name', { address: ['addressCity'] }] });
    expect(all.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(t.sent).toHaveLength(3);
    expect(t.sent[0]?.query).toContain(
      'companies(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { edges { node { id name address { addressCity } } } pageInfo { hasNextPage endCursor } }',
    );
    expect(t.sent[0]?.query).toContain('$filter: CompanyFilterInput, $orderBy: [CompanyOrderByInput!]');
    expect(t.sent.map((s) => s.variables?.after)).toEqual([null, 'id-059', 'id-119']);
    expect(t.sent.map((s) => s.opts)).toEqual([1, 2, 3].map((p) => ({ operation: `read companies (page ${p})`, kind: 'records:company' })));
  });

  it('passes the filter and a larger page size through', async () => {
    const t = new FakeTransport(pagingAnswer('companies', rows));
    await readAll(t, { object: COMPANY, fields: ['name'], filter: { name: { like: 'C%' } }, pageSize: 200 });
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]?.variables).toMatchObject({ filter: { name: { like: 'C%' } }, first: 200 });
  });

  it("drops to the server's page cap when it names one, and reads everything", async () => {
    const t = new FakeTransport(pagingAnswer('companies', rows, 50));
    const all = await readAll(t, { object: COMPANY, fields: ['name'], pageSize: 200 });
    expect(all).toHaveLength(130);
    expect(t.sent.map((s) => s.variables?.first)).toEqual([200, 50, 50, 50]);
  });

  it('yields page by page', async () => {
    const t = new FakeTransport(pagingAnswer('companies', rows));
    const sizes: number[] = [];
    for await (const page of readPages(t, { object: COMPANY, fields: ['name'] })) sizes.push(page.length);
    expect(sizes).toEqual([60, 60, 10]);
  });

  it('reads a chosen set of records by id, a page of ids per request, each id once', async () => {
    const t = new FakeTransport(pagingAnswer('companies', rows));
    const wanted = [...rows.slice(0, 70).map((r) => r.id), 'id-000', 'missing'];
    const found = await readByIds(t, { object: COMPANY, fields: ['name'], ids: wanted });
    expect(found).toHaveLength(70);
    expect(t.sent).toHaveLength(2);
    expect((t.sent[0]?.variables?.filter as { id: { in: string[] } }).id.in).toHaveLength(60);
  });

  it('refuses a field name that is not a GraphQL name', () => {
    expect(() => renderSelection(['name', 'bad name'])).toThrow('not a GraphQL field name: "bad name"');
  });
});
