// A letter's read stays within what Twenty's records API accepts: one one-to-many
// relation per path (`{{#each company.people}}` from a person is fine; a list
// inside a list is named as an error before any request).
import { expect, it } from 'vitest';
import { buildCatalogue } from '../../src/letters/catalogue.ts';
import { buildSelection } from '../../src/letters/record-shape.ts';
import { validatePack } from '../../src/validate/index.ts';
import { MINI_PACK } from '../deploy/sandbox-helpers.ts';

it('reads company.people from a person, and refuses a one-to-many inside another', async () => {
  const { pack } = await validatePack(MINI_PACK);
  const catalogue = buildCatalogue(pack);
  expect(buildSelection(catalogue, 'person', [['company', 'people', 'name']])).toEqual([
    'id',
    { company: ['id', { people: [{ edges: [{ node: ['id', { name: ['firstName', 'lastName'] }] }] }] }] },
  ]);
  expect(() => buildSelection(catalogue, 'company', [['people', 'company', 'people', 'name']])).toThrow(
    /company\.people\.company\.people\.name follows two: Twenty refuses "One-to-Many relation cannot be nested in another One-to-Many relation\."/,
  );
});
