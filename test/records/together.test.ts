// Several objects read together: first pages in one request, the rest paged per object.
import { describe, expect, it } from 'vitest';
import { readAll, readTogether } from '../../src/records/index.ts';
import { FakeTransport, pagingAnswer, type SentRequest } from './fake-transport.ts';

const COMPANY = { nameSingular: 'company', namePlural: 'companies' };
const LEAD = { nameSingular: 'intelLead', namePlural: 'intelLeads' };
const rowsOf = (prefix: string, n: number): Array<{ id: string; name: string }> =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${String(i).padStart(3, '0')}`, name: `${prefix} ${i}` }));
const companies = rowsOf('c', 130);
const leads = rowsOf('l', 5);

/** Answers the combined document (variables $pN per root field) and single-object reads alike. */
function answer(maxPage = Infinity): (req: SentRequest) => unknown {
  const tables: Record<string, typeof companies> = { companies, intelLeads: leads };
  return (req) => {
    const v = req.variables ?? {};
    if (!('p0' in v))
      return pagingAnswer(
        req.query.includes('companies(') ? 'companies' : 'intelLeads',
        req.query.includes('companies(') ? companies : leads,
        maxPage,
      )(req);
    const out: Record<string, unknown> = {};
    for (const [n, plural] of [...req.query.matchAll(/ (\w+)\(filter: \$f(\d+)/g)].map((m) => [Number(m[2]), m[1]!] as const)) {
      Object.assign(
        out,
        pagingAnswer(plural, tables[plural]!, maxPage)({ ...req, variables: { filter: v[`f${n}`], first: v[`p${n}`], after: null } }),
      );
    }
    return out;
  };
}

describe('reading several objects together', () => {
  it('reads their first pages in one request and goes on from the cursor where there are more', async () => {
    const t = new FakeTransport(answer());
    const [c, l] = await readTogether(
      t,
      [
        { object: COMPANY, fields: ['name'] },
        { object: LEAD, fields: ['name'] },
      ],
      { name: 'Both', operation: 'read both', kind: 'records' },
    );
    expect(c?.map((r) => r.id)).toEqual(companies.map((r) => r.id));
    expect(l).toHaveLength(5);
    expect(t.sent[0]?.query).toMatch(
      /^query Both\(\$f0: CompanyFilterInput, \$o0: \[CompanyOrderByInput!\], \$p0: Int, \$f1: IntelLeadFilterInput/,
    );
    expect(t.sent[0]?.opts).toEqual({ operation: 'read both (companies, intelLeads)', kind: 'records' });
    // Companies: pages 2 and 3 from the first page's cursor, not the first page again.
    expect(t.sent.slice(1).map((s) => s.variables?.after)).toEqual(['c-059', 'c-119']);
  });

  it("follows a server's smaller page cap, and still reads everything", async () => {
    const t = new FakeTransport(answer(50));
    const [c] = await readTogether(
      t,
      [
        { object: COMPANY, fields: ['name'] },
        { object: LEAD, fields: ['name'] },
      ],
      { name: 'Both', operation: 'read both', kind: 'records' },
    );
    expect(c).toHaveLength(130);
    expect(t.sent.map((s) => s.variables?.p0 ?? s.variables?.first)).toEqual([60, 50, 50, 50]);
  });

  it('sends nothing for no reads', async () => {
    const t = new FakeTransport(answer());
    expect(await readTogether(t, [], { name: 'None', operation: 'read', kind: 'records' })).toEqual([]);
    expect(t.sent).toEqual([]);
  });
});

describe('a read never ends short in silence', () => {
  it('stops loudly when Twenty says there is more but gives no new cursor', async () => {
    const t = new FakeTransport(() => ({
      companies: { edges: [{ node: { id: 'c-000' } }], pageInfo: { hasNextPage: true, endCursor: 'same' } },
    }));
    await expect(readAll(t, { object: COMPANY, fields: [], after: 'same' })).rejects.toThrow(
      'Twenty says there are more companies but gives no new cursor to read them from: the read stopped short',
    );
    expect(t.sent).toHaveLength(1);
  });
});
