// The static check of templates (the `template` rule family of validate): variables
// against the object's fields through relations, helpers, partials, escaping, with
// file:line:col and a did-you-mean.
import { describe, expect, it } from 'vitest';
import { loadPack, miniPack, template } from './pack-fixture.ts';

const letter = (body: string, extra = ''): Record<string, string> => ({
  'templates/letters/test.hbs': template(`object: company\n${extra}`, body),
});

async function problemsOf(files: Record<string, string>): Promise<string[]> {
  return (await loadPack(await miniPack(files))).templateProblems;
}

describe('template check', () => {
  it('accepts the mini pack as it is', async () => {
    const { problems, templateProblems } = await loadPack(await miniPack());
    expect(problems).toEqual([]);
    expect(templateProblems).toEqual([]);
  });

  it('names an unknown field with its line and column and a did-you-mean', async () => {
    // Line 4 is the first body line (after `---`, the front matter and `---`); column 17 is the misspelt part.
    expect(await problemsOf(letter('<p>尊敬的{{company.nmae}}：</p>'))).toEqual([
      'templates/letters/test.hbs:4:17  `nmae` is not a field of company  (did you mean "name"?)',
    ]);
  });

  it('follows relations: company.relationshipManager.name is known, a typo behind it is not', async () => {
    expect(await problemsOf(letter('{{company.relationshipManager.name}}\n  {{company.relationshipManager.emial.primaryEmail}}'))).toEqual([
      'templates/letters/test.hbs:5:33  `emial` is not a field of clientManager (company.relationshipManager)  (did you mean "email"?)',
    ]);
  });

  it('checks the parts of composite fields', async () => {
    expect(await problemsOf(letter('{{company.address.city}}'))).toEqual([
      'templates/letters/test.hbs:4:19  `city` is not part of company.address (a ADDRESS: addressStreet1, addressStreet2, addressCity, addressPostcode, addressState, addressCountry, addressLat, addressLng)',
    ]);
  });

  it('refuses to print a whole composite and says which helper prints it', async () => {
    expect(await problemsOf(letter('{{company.depositBalance}}'))).toEqual([
      'templates/letters/test.hbs:4:3  `company.depositBalance` is a CURRENCY value with several parts  (write {{yuan company.depositBalance}} or {{capital company.depositBalance}})',
    ]);
  });

  it('reports unknown helpers and wrong argument counts', async () => {
    expect(await problemsOf(letter('{{yaun company.depositBalance}} {{capital}}'))).toEqual([
      'templates/letters/test.hbs:4:3  unknown helper `yaun`  (did you mean "yuan"?)',
      'templates/letters/test.hbs:4:35  capital takes 1 argument, got 0  (an amount in Chinese capital numerals: 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分)',
    ]);
  });

  it('reports unknown partials with a did-you-mean', async () => {
    expect(await problemsOf(letter('{{> signatur manager=company.relationshipManager}}'))).toEqual([
      'templates/letters/test.hbs:4:5  unknown partial `signatur`  (did you mean "signature"?)',
    ]);
  });

  it('reports a problem inside a partial at the partial, with the template that used it', async () => {
    const files = {
      ...letter('{{> closing}}'),
      'templates/partials/closing.hbs': template('description: bad', '<p>{{company.relationshipManager.title}}</p>'),
    };
    expect(await problemsOf(files)).toEqual([
      'templates/partials/closing.hbs:4:34  `title` is not a field of clientManager (company.relationshipManager) (via closing)',
    ]);
  });

  it('refuses CRM data printed without HTML-escaping', async () => {
    expect(await problemsOf(letter('{{{company.name}}}'))).toEqual([
      'templates/letters/test.hbs:4:4  {{{company.name}}} prints CRM data without HTML-escaping  (write {{company.name}})',
    ]);
  });

  it('checks variables inside #each against the listed object, and @root outside it', async () => {
    const body = '{{#each company.people}}{{name.firstName}} {{jobTitel}} {{@root.company.name}} {{today}}{{/each}}';
    expect(await problemsOf(letter(body))).toEqual([
      'templates/letters/test.hbs:4:46  `jobTitel` is not a field of person  (did you mean "jobTitle"?)',
      'templates/letters/test.hbs:4:82  `today` is not a field of person',
    ]);
  });

  it('wants label/tier on SELECT fields and warns when a SELECT prints its raw value', async () => {
    expect(await problemsOf(letter('{{tier company.name}} {{company.clientTier}}'))).toEqual([
      'templates/letters/test.hbs:4:8  tier needs a SELECT field; `company.name` is not one',
      'templates/letters/test.hbs:4:25  warning: `company.clientTier` prints the stored value (e.g. PLATINUM), not its label  (write {{label company.clientTier}})',
    ]);
  });

  it('checks the subject of an email at its front-matter key', async () => {
    const files = { 'templates/emails/test.hbs': template('object: person\nsubject: "{{person.nmae.firstName}}"', 'hi') };
    expect(await problemsOf(files)).toEqual([
      'templates/emails/test.hbs:3:1  subject: `nmae` is not a field of person  (did you mean "name"?)',
    ]);
  });

  it('names a wrong object, layout, front-matter field and an unused fallback', async () => {
    expect(await problemsOf({ 'templates/letters/test.hbs': template('object: compnay', 'x') })).toEqual([
      'templates/letters/test.hbs:2:1  unknown object `compnay`  (did you mean "company"?)',
    ]);
    const extra = 'layout: lettre\nfields: [relationshipManager.nam]\nfallbacks: { company.address.addressCity: 上海 }';
    expect(await problemsOf(letter('{{company.name}}', extra))).toEqual([
      'templates/letters/test.hbs:3:1  unknown layout `lettre`  (did you mean "letter"?)',
      'templates/letters/test.hbs:4:9  fields: `nam` is not a field of clientManager (relationshipManager)  (did you mean "name"?)',
      'templates/letters/test.hbs:5:14  warning: fallback for `company.address.addressCity`, which the template never prints  (write the path as the body does, e.g. company.name)',
    ]);
  });

  it('wants a subject on emails and an address to send to', async () => {
    expect(await problemsOf({ 'templates/emails/test.hbs': template('object: company', 'x') })).toEqual([
      'templates/emails/test.hbs:2:1  an email template needs a subject  (add `subject: "…"` to the front matter (it may use {{variables}}))',
    ]);
    expect(await problemsOf({ 'templates/emails/test.hbs': template('object: company\nsubject: hi', 'x') })).toEqual([
      'templates/emails/test.hbs:2:1  company has no EMAILS field to send to  (add `to: <path of an address>` to the front matter)',
    ]);
  });

  it('reports Handlebars syntax errors at their line', async () => {
    const [first] = await problemsOf(letter('<p>ok</p>\n{{#if company.name}}unclosed'));
    expect(first).toMatch(/^templates\/letters\/test\.hbs:\d+:1 {2}Handlebars syntax: /);
  });
});
