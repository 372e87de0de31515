// Names as Twenty accepts them, and names free where they are used: what `bankpack validate`
// prints for each, at the line and column of the offending name.
import { describe, expect, it } from 'vitest';
import { checkMetadataName } from '../../src/pack/rules/metadata-names.ts';
import { NAME_FIELD, objectYaml, UID, validateLines } from './rules-fixture.ts';

const client = (fields: string, over: Partial<Parameters<typeof objectYaml>[0]> = {}): Record<string, string> => ({
  'objects/client.object.yaml': objectYaml({
    uid: UID.client,
    singular: 'client',
    plural: 'clients',
    fields: NAME_FIELD + fields,
    ...over,
  }),
});
const textField = (uid: string, name: string): string =>
  `  - universalIdentifier: ${uid}\n    name: ${name}\n    type: TEXT\n    label: 文本\n`;

describe('the name checks Twenty runs', () => {
  it('follows lodash camelCase: lead2go is refused, lead2Go accepted', () => {
    expect(checkMetadataName('nameSingular', 'lead2go')?.message).toBe(
      'nameSingular "lead2go" is not camelCase as Twenty reads it (lodash camelCase gives "lead2Go")',
    );
    expect(checkMetadataName('nameSingular', 'lead2Go')).toBeUndefined();
    expect(checkMetadataName('field name', 'intelLEAD')?.rule).toBe('name-camel-case');
  });

  it('allows 63 characters and refuses 64', () => {
    expect(checkMetadataName('field name', `a${'b'.repeat(62)}`)).toBeUndefined();
    expect(checkMetadataName('field name', `a${'b'.repeat(63)}`)?.message).toBe(
      `field name "a${'b'.repeat(63)}" is 64 characters long; Twenty allows at most 63`,
    );
  });

  it('refuses names that do not start with a lowercase letter, offering a camelCase spelling', () => {
    expect(checkMetadataName('field name', 'Client_Tier')).toEqual({
      rule: 'name-format',
      message: 'field name "Client_Tier" must start with a lowercase letter and hold only letters and digits',
      hint: 'write "clientTier"',
    });
  });

  it('refuses reserved words and warns about the ones newer servers reserve', () => {
    expect(checkMetadataName('field name', 'addresses')?.rule).toBe('name-reserved');
    expect(checkMetadataName('field name', 'and')?.rule).toBe('name-reserved');
    expect(checkMetadataName('field name', 'connect')?.severity).toBe('warning');
  });
});

describe('object names', () => {
  it('reports a bad name at its value', async () => {
    expect(await validateLines(client('', { singular: 'lead2go', plural: 'lead2Gos' }))).toEqual([
      'objects/client.object.yaml:2:15  nameSingular "lead2go" is not camelCase as Twenty reads it (lodash camelCase gives "lead2Go")  (write "lead2Go": a letter after a digit starts a new word)',
    ]);
  });

  it('refuses a singular equal to the plural, ignoring case', async () => {
    expect(await validateLines(client('', { singular: 'staff', plural: 'staff' }))).toEqual([
      'objects/client.object.yaml:3:13  namePlural "staff" is the same as nameSingular; Twenty needs two different names  (use the plural form, e.g. "staffs")',
    ]);
  });

  it("refuses a standard object's singular or plural name, in either position", async () => {
    expect(await validateLines(client('', { singular: 'deal', plural: 'people' }))).toEqual([
      'objects/client.object.yaml:3:13  namePlural "people" is taken by Twenty\'s standard object person  (rename the object; to add fields to person, write fields/*.field.yaml with objectUniversalIdentifier: standard:person)',
    ]);
  });

  it("refuses another pack object's name crosswise (one's plural, the other's singular)", async () => {
    const lines = await validateLines({
      ...client(''),
      'objects/prospect.object.yaml': objectYaml({
        uid: UID.advisor,
        singular: 'clients',
        plural: 'prospects',
        labels: ['潜客', '潜客库'],
        fields: textField(UID.f1, 'name'),
      }),
    });
    expect(lines).toEqual([
      'objects/prospect.object.yaml:2:15  nameSingular "clients" is already a name of object client (objects/client.object.yaml)  (every object needs its own singular and plural names)',
    ]);
  });
});

describe('field names', () => {
  it('lets an object declare its own name field, which replaces the one Twenty adds', async () => {
    expect(await validateLines(client(''))).toEqual([]);
  });

  it('refuses a name Twenty adds to every object, and its composite columns', async () => {
    expect(await validateLines(client(textField(UID.f1, 'updatedAt') + textField(UID.f2, 'createdBySource')))).toEqual([
      'objects/client.object.yaml:12:11  field name "updatedAt" is already a field Twenty adds to every object  (Twenty creates it itself: pick another name)',
      'objects/client.object.yaml:16:11  field name "createdBySource" is a column of the ACTOR field createdBy on client  (pick another name)',
    ]);
  });

  it("refuses a field added to a standard object under one of that object's field names", async () => {
    const lines = await validateLines({
      'fields/company-address.field.yaml': `objectUniversalIdentifier: standard:company\nuniversalIdentifier: ${UID.f1}\nname: address\ntype: TEXT\nlabel: 地址\n`,
      'fields/company-tier.field.yaml': `objectUniversalIdentifier: standard:company\nuniversalIdentifier: ${UID.f2}\nname: tier\ntype: TEXT\nlabel: 等级\n`,
    });
    expect(lines).toEqual([
      'fields/company-address.field.yaml:3:7  field name "address" is already Twenty\'s standard field standard:company.address  (pick another name, or use the standard field as it is)',
      'fields/company-address.field.yaml:3:7  field name "address" is reserved by Twenty  (pick another name, e.g. "addressCustom" or a more specific word)',
    ]);
  });

  it('counts standalone fields on a pack object with its inline fields', async () => {
    const lines = await validateLines({
      ...client(textField(UID.f1, 'tier')),
      'fields/client-tier.field.yaml': `objectUniversalIdentifier: client\nuniversalIdentifier: ${UID.f2}\nname: tier\ntype: TEXT\nlabel: 等级\n`,
    });
    expect(lines).toEqual([
      'fields/client-tier.field.yaml:3:7  field name "tier" is already used by another field of client (objects/client.object.yaml)  (field names are unique per object: rename one of them)',
    ]);
  });

  it('refuses the leg Twenty adds on taskTarget for each custom object', async () => {
    const lines = await validateLines({
      ...client(''),
      'fields/task-target-client.field.yaml': `objectUniversalIdentifier: standard:taskTarget\nuniversalIdentifier: ${UID.f2}\nname: targetClient\ntype: TEXT\nlabel: 客户\n`,
    });
    expect(lines).toEqual([
      'fields/task-target-client.field.yaml:3:7  field name "targetClient" is the field Twenty adds for pack object client on standard:taskTarget  (pick another name)',
    ]);
  });
});
