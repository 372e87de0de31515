// Amounts in Chinese capital numerals (中文大写金额), as cheques and bank letters
// write them. The rules are those of the People's Bank of China, 《正确填写票据和
// 结算凭证的基本规定》: 拾 always takes its digit (壹拾); one 零 stands for any run of
// zeros inside the number; an amount that ends at 元 ends in 整; after 角 no 整 is
// written (its example: ¥1,409.50 → 壹仟肆佰零玖元伍角); with 角 zero and 分 not,
// 零 is written between 元 and 分 (¥1,000.05 → 壹仟元零伍分).

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const SMALL_UNITS = ['', '拾', '佰', '仟'] as const;
/** Units of the 4-digit groups: 万 for 10^4, 亿 for 10^8, 万 again for 10^12 (万亿). */
const GROUP_UNITS = ['', '万', '亿', '万'] as const;

/** Largest whole part written: 9999万亿 (just under 10^16). */
export const MAX_CAPITAL_YUAN = 10n ** 16n - 1n;

/** The whole-yuan part in capitals, without 元; "" for 0. */
function integerInCapitals(yuan: bigint): string {
  const digits = yuan.toString();
  let out = '';
  let zeroPending = false;
  let groupHasDigit = false;
  let yiGroupsNonZero = false; // any digit at 10^8 or above: 亿 must follow even if its own group is zero
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    const power = digits.length - 1 - i;
    if (d === 0) {
      if (out !== '') zeroPending = true;
    } else {
      if (zeroPending) out += '零';
      zeroPending = false;
      out += DIGITS[d]! + SMALL_UNITS[power % 4]!;
      groupHasDigit = true;
      if (power >= 8) yiGroupsNonZero = true;
    }
    if (power % 4 === 0 && power > 0) {
      const group = power / 4;
      if (group === 2) {
        if (yiGroupsNonZero) out += '亿';
      } else if (groupHasDigit) out += GROUP_UNITS[group]!;
      groupHasDigit = false;
    }
  }
  return out;
}

/**
 * An amount in fen (1/100 yuan) in capitals: 123456789n → 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分.
 * Zero is 零元整; a negative amount starts with 负.
 */
export function fenToCapitals(fen: bigint): string {
  if (fen < 0n) return `负${fenToCapitals(-fen)}`;
  const yuan = fen / 100n;
  if (yuan > MAX_CAPITAL_YUAN) throw new RangeError(`amount too large for capital numerals (over ${MAX_CAPITAL_YUAN} yuan)`);
  const jiao = Number((fen / 10n) % 10n);
  const cents = Number(fen % 10n);
  if (fen === 0n) return '零元整';
  const whole = integerInCapitals(yuan);
  let out = whole === '' ? '' : `${whole}元`;
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]!}角`;
  else if (whole !== '') out += '零';
  if (cents > 0) out += `${DIGITS[cents]!}分`;
  return out;
}
