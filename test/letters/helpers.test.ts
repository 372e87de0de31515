// The helpers a Chinese bank letter needs: amounts in yuan and in capital numerals,
// dates, salutations and option labels.
import { describe, expect, it } from 'vitest';
import { formatFen, formatMoney, microsToFen, yuanToFen } from '../../src/letters/helpers/amounts.ts';
import { fenToCapitals } from '../../src/letters/helpers/capital-numerals.ts';
import { formatDate, toCalendarDate } from '../../src/letters/helpers/dates.ts';
import { optionLabel } from '../../src/letters/helpers/option-labels.ts';
import { fullName, honorific, salutation } from '../../src/letters/helpers/salutation.ts';

const capitals = (yuan: string): string => fenToCapitals(yuanToFen(yuan));

describe('capital numerals (中文大写金额)', () => {
  it.each([
    ['0', '零元整'],
    ['0.05', '伍分'],
    ['0.50', '伍角'],
    ['0.55', '伍角伍分'],
    ['1', '壹元整'],
    ['10', '壹拾元整'],
    ['10.50', '壹拾元伍角'],
    ['11', '壹拾壹元整'],
    ['20', '贰拾元整'],
    ['100', '壹佰元整'],
    ['101', '壹佰零壹元整'],
    ['110', '壹佰壹拾元整'],
    ['1000.05', '壹仟元零伍分'],
    ['1001', '壹仟零壹元整'],
    ['1010', '壹仟零壹拾元整'],
    ['1409.50', '壹仟肆佰零玖元伍角'],
    ['6007.14', '陆仟零柒元壹角肆分'],
    ['10000', '壹万元整'],
    ['10100', '壹万零壹佰元整'],
    ['100000', '壹拾万元整'],
    ['100010', '壹拾万零壹拾元整'],
    // The PBoC rules' own example, in the second of the two forms they allow.
    ['107000.53', '壹拾万零柒仟元伍角叁分'],
    // 元位 zero before a non-zero 角: the rules allow leaving out 零 there.
    ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
    ['1000001', '壹佰万零壹元整'],
    ['1234567.89', '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分'],
    ['10000000', '壹仟万元整'],
    ['100000000', '壹亿元整'],
    ['100010000', '壹亿零壹万元整'],
    ['100000001', '壹亿零壹元整'],
    ['200001000', '贰亿零壹仟元整'],
    ['1000000000', '壹拾亿元整'],
    ['123456789012.34', '壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分'],
    ['1000000000000', '壹万亿元整'],
    ['1000000010000', '壹万亿零壹万元整'],
    ['1234500000000', '壹万贰仟叁佰肆拾伍亿元整'],
  ])('%s yuan → %s', (yuan, expected) => {
    expect(capitals(yuan)).toBe(expected);
  });

  it('writes a negative amount with 负', () => {
    expect(capitals('-10.5')).toBe('负壹拾元伍角');
  });

  it('refuses an amount beyond 万亿', () => {
    expect(() => fenToCapitals(10n ** 18n)).toThrow(/too large/);
  });
});

describe('amounts', () => {
  it('reads CURRENCY micros exactly and rounds half away from zero to the fen', () => {
    expect(microsToFen(1_234_567_890_000)).toBe(123_456_789n);
    expect(microsToFen('1234567894999')).toBe(123_456_789n);
    expect(microsToFen(1_234_567_895_000)).toBe(123_456_790n);
    expect(microsToFen(-5_000)).toBe(-1n);
    // Beyond 2^53 a number loses digits; the decimal string keeps them.
    expect(microsToFen('90071992547409930000')).toBe(9_007_199_254_740_993n);
  });

  it('reads yuan given as numbers without binary noise', () => {
    expect(yuanToFen(10.5)).toBe(1050n);
    expect(yuanToFen(0.1 + 0.2)).toBe(30n);
    expect(yuanToFen('1000.005')).toBe(100_001n);
  });

  it('formats yuan with thousands separators and the currency symbol', () => {
    expect(formatMoney(123_456_789n)).toBe('¥1,234,567.89');
    expect(formatMoney(0n)).toBe('¥0.00');
    expect(formatMoney(-120_000n)).toBe('-¥1,200.00');
    expect(formatMoney(500n, 'USD')).toBe('US$5.00');
    expect(formatMoney(500n, 'CHF')).toBe('CHF 5.00');
    expect(formatFen(100_000_000_000n)).toBe('1,000,000,000.00');
  });
});

describe('dates', () => {
  it('writes 2026年11月28日 in Chinese and 28 November 2026 in English', () => {
    const d = toCalendarDate('2026-11-28')!;
    expect(formatDate(d, 'zh-CN')).toBe('2026年11月28日');
    expect(formatDate(d, 'en')).toBe('28 November 2026');
  });

  it("shows a DATE_TIME on the bank's calendar day (Asia/Shanghai)", () => {
    // 20:30 UTC on the 28th is already the 29th in Shanghai.
    expect(formatDate(toCalendarDate('2026-11-28T20:30:00.000Z')!, 'zh-CN')).toBe('2026年11月29日');
    expect(formatDate(toCalendarDate('2026-11-28T20:30:00.000Z', 'UTC')!, 'zh-CN')).toBe('2026年11月28日');
  });

  it('rejects what is not a date', () => {
    expect(toCalendarDate('next week')).toBeUndefined();
    expect(toCalendarDate(null)).toBeUndefined();
  });
});

describe('salutations', () => {
  const zhang = { name: { firstName: '三', lastName: '张' }, gender: 'MALE' };
  const li = { name: { firstName: '娜', lastName: '李' }, gender: 'FEMALE' };
  const unknown = { name: { firstName: '明', lastName: '王' }, gender: 'UNKNOWN' };

  it('uses the surname and 先生 / 女士 from the gender', () => {
    expect(salutation(zhang, 'zh-CN')).toBe('尊敬的张先生');
    expect(salutation(li, 'zh-CN')).toBe('尊敬的李女士');
    expect(honorific(zhang, 'zh-CN')).toBe('张先生');
  });

  it('falls back to the neutral 尊敬的客户 when the gender or the surname is unknown', () => {
    expect(salutation(unknown, 'zh-CN')).toBe('尊敬的客户');
    expect(salutation({ name: { firstName: '', lastName: '' }, gender: 'MALE' }, 'zh-CN')).toBe('尊敬的客户');
    expect(salutation(null, 'zh-CN')).toBe('尊敬的客户');
  });

  it('speaks English for an English letter', () => {
    expect(salutation({ name: { firstName: 'San', lastName: 'Zhang' }, gender: 'MALE' }, 'en')).toBe('Dear Mr Zhang');
    expect(salutation(unknown, 'en')).toBe('Dear Client');
  });

  it('writes full names surname first in Chinese', () => {
    expect(fullName(zhang.name, 'zh-CN')).toBe('张三');
    expect(fullName({ firstName: 'San', lastName: 'Zhang' }, 'en')).toBe('San Zhang');
  });
});

describe('option labels', () => {
  const tiers = [
    { value: 'PLATINUM', label: '白金客户', translations: { en: 'Platinum' } },
    { value: 'GOLD', label: '黄金客户', translations: { en: 'Gold' } },
  ];
  it("shows a SELECT value's label in the letter's locale", () => {
    expect(optionLabel(tiers, 'PLATINUM', 'zh-CN', 'zh-CN')).toBe('白金客户');
    expect(optionLabel(tiers, 'GOLD', 'en', 'zh-CN')).toBe('Gold');
    expect(optionLabel(tiers, 'GOLD', 'en-GB', 'zh-CN')).toBe('Gold');
    expect(optionLabel(tiers, 'GOLD', 'fr', 'zh-CN')).toBe('黄金客户');
    expect(optionLabel(tiers, 'UNKNOWN_VALUE', 'zh-CN', 'zh-CN')).toBe('UNKNOWN_VALUE');
  });
});
