// The rules a posted letter and a sent email keep (docs/letters.md): amounts only with
// `confidential: true`, seasonal words only at the year's end, the title is the subject
// escaped once, file names safe in a shell and on Windows.
import { describe, expect, it } from 'vitest';
import { letterFileStem } from '../../src/letters/file-names.ts';
import { addressLineOf, postcodeOf } from '../../src/letters/helpers/postal.ts';
import { chooseTemplate } from '../../src/letters/setup.ts';
import { lettersOf, loadPack, miniPack, template } from './pack-fixture.ts';

const letter = (fm: string, body: string): Record<string, string> => ({
  'templates/letters/t.hbs': template(`object: company\n${fm}`, body),
});

describe('letters that go by post', () => {
  it('refuses an amount in a letter without `confidential: true`, and allows it with', async () => {
    const body = '<p>{{yuan company.depositBalance}}</p>';
    expect((await loadPack(await miniPack(letter('', body)))).templateProblems).toEqual([
      "templates/letters/t.hbs:4:6  {{yuan …}} prints an amount in a letter that goes by post; a client's figures are not printed by default  (remove the amount, or add `confidential: true` to the front matter (the letter is then marked 亲启, to be opened by the addressee only))",
    ]);
    expect((await loadPack(await miniPack(letter('confidential: true', body)))).templateProblems).toEqual([]);
  });

  it('finds seasonal wording outside {{#if (yearEnd today)}}, and renders each form on its date', async () => {
    const body = '<p>值此岁末年初之际</p>\n<p>{{#if (yearEnd today)}}新的一年里{{else}}今后{{/if}}，我行</p>';
    expect((await loadPack(await miniPack(letter('', body)))).templateProblems).toEqual([
      'templates/letters/t.hbs:4:6  "岁末" is seasonal wording, printed whatever the date  (put it inside {{#if (yearEnd today)}}…{{else}}<the neutral form>{{/if}} (1 December to 31 January))',
    ]);
    const letters = await lettersOf(await miniPack(letter('', '<p>{{#if (yearEnd today)}}新的一年里{{else}}今后{{/if}}</p>')));
    const chosen = chooseTemplate(letters, 'letters/t');
    if (!chosen.ok) throw new Error(chosen.problems.join('\n'));
    const on = (today: string): string => chosen.template.render({ id: 'c' }, { today }).html;
    expect(on('2026-12-01')).toContain('新的一年里');
    expect(on('2027-01-31')).toContain('新的一年里');
    expect(on('2026-11-30')).toContain('今后');
    expect(on('2026-06-15')).toContain('今后');
  });

  it('titles the page with its subject, escaped once', async () => {
    const letters = await lettersOf(await miniPack(letter('subject: "致{{company.name}}"', '<p>x</p>')));
    const chosen = chooseTemplate(letters, 'letters/t');
    if (!chosen.ok) throw new Error(chosen.problems.join('\n'));
    const out = chosen.template.render({ id: 'c', name: 'A&B <Co>' }, { today: '2026-12-05' });
    expect(out.subject).toBe('致A&B <Co>');
    expect(out.html).toContain('<title>致A&amp;B &lt;Co&gt;</title>');
  });

  it('reads an ADDRESS as the envelope writes it, and names what is missing', () => {
    const a = {
      addressStreet1: '闵行区虹梅南路1145号',
      addressCity: '上海市',
      addressState: '上海市',
      addressPostcode: '201100',
      addressCountry: 'China',
    };
    expect(addressLineOf(a, 'zh-CN')).toBe('上海市闵行区虹梅南路1145号');
    expect(addressLineOf({ ...a, addressCity: '深圳市', addressState: '广东省', addressStreet1: '福田区福华一路88号' }, 'zh-CN')).toBe(
      '广东省深圳市福田区福华一路88号',
    );
    expect(postcodeOf(a)).toBe('201100');
    expect(() => postcodeOf({ ...a, addressPostcode: '2011' })).toThrow('not a six-digit postcode');
    expect(() => addressLineOf({ ...a, addressStreet1: null }, 'zh-CN')).toThrow('no street');
  });
});

describe('letter file names', () => {
  it('keep Chinese names readable and drop every character a shell or Windows would read', () => {
    expect(letterFileStem(7, '上海精密仪器有限公司', '3f2a1b4c-0000-4000-8000-000000000001')).toBe('0007-上海精密仪器有限公司-3f2a1b4c');
    const stem = letterFileStem(1, `A&B <Co> {x} 'q' "d" | * ? $HOME; \`id\` / \\ : 华为（深圳）`, 'abc');
    expect(stem).toBe('0001-A-B-Co-x-q-d-HOME-id-华为（深圳）-abc');
    expect(stem).not.toMatch(/[<>{}'"&|*?$;`\\/: ]/);
  });
});
