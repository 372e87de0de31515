// Strict rendering: a value missing at render time stops the letter and is named;
// a stated fallback satisfies it; CRM data is always HTML-escaped.
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/letters/compile.ts';
import { prepareTemplate, type PreparedTemplate } from '../../src/letters/prepare.ts';
import { templateSet } from '../../src/letters/template-set.ts';
import { loadPack, miniPack, template } from './pack-fixture.ts';

async function compiled(files: Record<string, string>, id: string): Promise<ReturnType<typeof compileTemplate>> {
  const { pack, catalogue } = await loadPack(await miniPack(files));
  const set = templateSet(pack.templates);
  const prepared = prepareTemplate(set.documents.get(id)!, set, catalogue);
  if (!('paths' in prepared)) throw new Error(prepared.problems.map((p) => p.message).join('\n'));
  return compileTemplate(prepared as PreparedTemplate, catalogue);
}

const vars = { today: '2026-11-28' };
const acme = {
  id: 'c1',
  name: '上海精密仪器有限公司',
  clientTier: 'PLATINUM',
  depositBalance: { amountMicros: 1_234_567_890_000, currencyCode: 'CNY' },
  relationshipManager: { id: 'm1', name: '王芳' },
};

describe('rendering', () => {
  it('renders the greeting letter with amounts, capitals, tier label, date and the layout', async () => {
    const greeting = await compiled({}, 'letters/greeting');
    const out = greeting.render(acme, vars);
    expect(out.missing).toEqual([]);
    expect(out.html).toContain('尊敬的上海精密仪器有限公司：');
    expect(out.html).toContain('作为我行白金客户，贵公司存款余额为¥1,234,567.89（人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分）');
    expect(out.html).toContain('客户经理：王芳　2026年11月28日');
    expect(out.html).toMatch(/^<!DOCTYPE html>/);
    expect(out.html).toContain('@page { size: A4;');
    expect(out.html).toContain('<header>测试银行</header>');
  });

  it('names every missing variable with its place in the template, and uses stated fallbacks', async () => {
    const greeting = await compiled({}, 'letters/greeting');
    const out = greeting.render(
      { ...acme, name: '  ', depositBalance: { amountMicros: null, currencyCode: null }, relationshipManager: null },
      vars,
    );
    expect(out.missing.map((m) => `${m.variable} ${m.file}:${m.line}:${m.col}`)).toEqual([
      'company.name templates/letters/greeting.hbs:7:9',
      'company.depositBalance templates/letters/greeting.hbs:8:51',
      'company.depositBalance templates/letters/greeting.hbs:8:89',
    ]);
    // The signature's {{default manager.name "您的客户经理"}} is a fallback: not missing.
    expect(out.html).toContain('客户经理：您的客户经理');
  });

  it('takes a fallback from the front matter', async () => {
    const files = {
      'templates/letters/fb.hbs': template(
        'object: company\nfallbacks: { company.name: 尊敬的客户, clientTier: STANDARD }',
        '{{company.name}}/{{tier company.clientTier}}',
      ),
    };
    const t = await compiled(files, 'letters/fb');
    const out = t.render({ id: 'c', name: null, clientTier: null }, vars);
    expect(out.missing).toEqual([]);
    expect(out.html).toContain('尊敬的客户/普通客户');
  });

  it('HTML-escapes CRM data, in the body and in the subject', async () => {
    const greeting = await compiled({}, 'letters/greeting');
    const out = greeting.render({ ...acme, name: '<script>alert("x")</script>&Co' }, vars);
    expect(out.html).not.toContain('<script>');
    expect(out.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;Co');

    const welcome = await compiled({}, 'emails/welcome');
    const mail = welcome.render({ id: 'p', name: { firstName: '<b>三', lastName: '张' }, gender: 'MALE' }, vars);
    expect(mail.html).toContain('张&lt;b&gt;三');
    // The subject is plain text: shown as written, never as markup.
    expect(mail.subject).toBe('张先生，您好：来自测试银行的问候');
  });

  it('reports a value a helper cannot format as a missing value with the reason', async () => {
    const files = { 'templates/letters/d.hbs': template('object: company', '{{date company.createdAt}}') };
    const t = await compiled(files, 'letters/d');
    const out = t.render({ id: 'c', createdAt: 'not a date' }, vars);
    expect(out.missing).toEqual([
      { variable: 'date(…)', file: 'templates/letters/d.hbs', line: 4, col: 3, reason: 'not a date: "not a date"' },
    ]);
  });

  it('writes English letters in English', async () => {
    const files = {
      'templates/letters/en.hbs': template(
        'object: company\nlocale: en',
        '{{tier company.clientTier}} {{date today}} {{capital company.depositBalance}}',
      ),
    };
    const t = await compiled(files, 'letters/en');
    expect(t.render(acme, vars).html).toContain('Platinum 28 November 2026 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分');
  });
});
