// The --where mini-language and the Twenty filter it becomes.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue, CatalogueObject } from '../../src/letters/catalogue.ts';
import { parseWhere } from '../../src/letters/where.ts';
import { loadPack, miniPack } from './pack-fixture.ts';

let catalogue: Catalogue;
let company: CatalogueObject;
beforeAll(async () => {
  // Twenty's company has no NUMBER field of its own (standard-objects.generated.json): the pack adds one.
  const employees =
    'objectUniversalIdentifier: standard:company\nuniversalIdentifier: 3c1e0f0a-5b7d-4e8a-9f21-6d0c2b4a7e15\nname: employees\ntype: NUMBER\nlabel: 员工数\n';
  catalogue = (await loadPack(await miniPack({ 'fields/company-employees.field.yaml': employees }))).catalogue;
  company = catalogue.objects.get('company')!;
});

const filter = (text: string): unknown => {
  const r = parseWhere(text, company, catalogue);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.filter;
};
const problems = (text: string): unknown => {
  const r = parseWhere(text, company, catalogue);
  return r.ok ? [] : r.problems;
};

describe('--where', () => {
  it('maps field=VALUE to eq and commas to and', () => {
    // Twenty's SelectFilter knows only `in` and `is`.
    expect(filter('clientTier=PLATINUM')).toEqual({ clientTier: { in: ['PLATINUM'] } });
    expect(filter('clientTier=PLATINUM, marketingOptOut=false')).toEqual({
      and: [{ clientTier: { in: ['PLATINUM'] } }, { marketingOptOut: { eq: false } }],
    });
    expect(filter('')).toBeUndefined();
  });

  it('takes several values with |, and option labels as well as values', () => {
    expect(filter('clientTier=PLATINUM|GOLD')).toEqual({ clientTier: { in: ['PLATINUM', 'GOLD'] } });
    expect(filter('clientTier=白金客户')).toEqual({ clientTier: { in: ['PLATINUM'] } });
  });

  it('keeps empty fields in != (Twenty compares like SQL, where neq drops nulls)', () => {
    expect(filter('clientTier!=STANDARD')).toEqual({ or: [{ not: { clientTier: { in: ['STANDARD'] } } }, { clientTier: { is: 'NULL' } }] });
    expect(filter('name!=Acme')).toEqual({ or: [{ name: { neq: 'Acme' } }, { name: { is: 'NULL' } }] });
  });

  it('reads empty values as "is empty" and "is not empty"', () => {
    expect(filter('relationshipManager=')).toEqual({ relationshipManagerId: { is: 'NULL' } });
    expect(filter('name!=')).toEqual({ name: { is: 'NOT_NULL' } });
  });

  it('compares numbers, currency in yuan, composite parts, relations by id, and text by ~', () => {
    expect(filter('employees>=100')).toEqual({ employees: { gte: 100 } });
    expect(filter('depositBalance>=10000000')).toEqual({ depositBalance: { amountMicros: { gte: 10_000_000_000_000 } } });
    expect(filter('address.addressCity=上海')).toEqual({ address: { addressCity: { eq: '上海' } } });
    const id = '6f1c1c9e-1111-4a4a-8b8b-0123456789ab';
    expect(filter(`relationshipManager=${id}`)).toEqual({ relationshipManagerId: { eq: id } });
    expect(filter('name~精密')).toEqual({ name: { ilike: '%精密%' } });
    expect(filter('name="A, B and C"')).toEqual({ name: { eq: 'A, B and C' } });
  });

  it('says what is wrong, at which column, with a did-you-mean', () => {
    expect(problems('tier=PLATINUM')).toEqual([{ col: 1, message: '`tier` is not a field of company' }]);
    expect(problems('clientTeir=PLATINUM')).toEqual([
      { col: 1, message: '`clientTeir` is not a field of company', hint: 'did you mean "clientTier"?' },
    ]);
    expect(problems('clientTier=PLATNUM')).toEqual([
      { col: 12, message: '`PLATNUM` is not an option of clientTier', hint: 'did you mean "PLATINUM"?' },
    ]);
    expect(problems('marketingOptOut=maybe')).toEqual([{ col: 17, message: '`maybe` is not true or false' }]);
    expect(problems('clientTier>GOLD')).toEqual([{ col: 1, message: '> compares numbers and dates; `clientTier` is SELECT' }]);
    expect(problems('relationshipManager=bob')).toEqual([{ col: 21, message: '`bob` is not a record id (a UUID)' }]);
    expect(problems('clientTier')).toMatchObject([{ col: 1, message: 'cannot read the condition "clientTier"' }]);
  });
});
