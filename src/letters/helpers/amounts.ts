// Money as Twenty stores it (CURRENCY: amountMicros, currencyCode) turned into fen,
// exactly (bigint), then into `¥1,234,567.89` or capital numerals.

export interface CurrencyValue {
  amountMicros: number | string | null;
  currencyCode: string | null;
}

const MICROS_PER_FEN = 10_000n;

export function isCurrencyValue(value: unknown): value is CurrencyValue {
  return typeof value === 'object' && value !== null && 'amountMicros' in value;
}

/** Micros (a number or decimal string) → fen, rounded half away from zero. */
export function microsToFen(micros: number | string | bigint): bigint {
  const whole = toBigInt(micros);
  const sign = whole < 0n ? -1n : 1n;
  const abs = whole * sign;
  return sign * ((abs + MICROS_PER_FEN / 2n) / MICROS_PER_FEN);
}

/** Yuan (a number like 1234.5 or a decimal string) → fen, rounded half away from zero. */
export function yuanToFen(yuan: number | string): bigint {
  const text = typeof yuan === 'number' ? yuanNumberText(yuan) : yuan.trim();
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) throw new RangeError(`not an amount: "${text}"`);
  const decimals = (m[3] ?? '').padEnd(3, '0');
  let fen = BigInt(m[2]!) * 100n + BigInt(decimals.slice(0, 2));
  if (Number(decimals[2]) >= 5) fen += 1n;
  return m[1] === '-' ? -fen : fen;
}

function yuanNumberText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not an amount: ${n}`);
  // toFixed(3) avoids binary noise (10.5 → "10.500") and keeps the digit that decides rounding.
  return n.toFixed(3);
}

function toBigInt(micros: number | string | bigint): bigint {
  if (typeof micros === 'bigint') return micros;
  if (typeof micros === 'number') {
    if (!Number.isFinite(micros)) throw new RangeError(`not an amount: ${micros}`);
    return BigInt(Math.round(micros));
  }
  const m = /^\s*(-?\d+)(?:\.\d*)?\s*$/.exec(micros);
  if (!m) throw new RangeError(`not an amount: "${micros}"`);
  return BigInt(m[1]!);
}

/** 123456789n → "1,234,567.89"; negative keeps its sign in front. */
export function formatFen(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${sign}${whole}.${cents}`;
}

const SYMBOLS: Readonly<Record<string, string>> = { CNY: '¥', RMB: '¥', USD: 'US$', HKD: 'HK$', EUR: '€', GBP: '£', JPY: 'JP¥' };

/** "¥1,234,567.89", "-¥12.00", "US$5.00"; an unknown currency code is written before the number. */
export function formatMoney(fen: bigint, currencyCode = 'CNY'): string {
  const code = currencyCode === '' ? 'CNY' : currencyCode.toUpperCase();
  const symbol = SYMBOLS[code];
  const number = formatFen(fen < 0n ? -fen : fen);
  const sign = fen < 0n ? '-' : '';
  return symbol ? `${sign}${symbol}${number}` : `${sign}${code} ${number}`;
}
