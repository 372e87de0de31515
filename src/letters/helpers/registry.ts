// The helpers a template may call, with what the static check must know of each:
// how many arguments, whether it accepts an empty value (a fallback), and which
// fields it reads when given a whole record. Every helper is pure: values in, text out.
import Handlebars, { type HelperOptions } from 'handlebars';
import { fenToCapitals } from './capital-numerals.ts';
import { formatFen, formatMoney, isCurrencyValue, microsToFen, yuanToFen } from './amounts.ts';
import { DEFAULT_TIME_ZONE, formatDate, toCalendarDate, type CalendarDate } from './dates.ts';
import { optionLabel, type OptionLabel } from './option-labels.ts';
import { addressLineOf, postcodeOf, type AddressValue } from './postal.ts';
import { isYearEnd } from './season.ts';
import { fullName, honorific, salutation, type PersonLike } from './salutation.ts';

/** A value a letter needed and did not have, or could not format. */
export interface MissingValue {
  /** The variable as written (`company.name`), or the helper call that failed. */
  variable: string;
  file: string;
  line: number;
  col: number;
  /** Why, when it is not simply empty ("not a date: …"). */
  reason?: string;
}

/** Per-render data (Handlebars `@data`): the letter's locale and where missing values are collected. */
export interface RenderData {
  locale: string;
  missing: MissingValue[];
  /** The preview: show a missing value as a marked placeholder where it would stand. */
  markMissing?: boolean;
}

function placeholder(data: RenderData, variable: string): unknown {
  if (!data.markMissing) return '';
  return new Handlebars.SafeString(
    `<mark style="background:#fde2e2;color:#a11;" title="missing value">⟨${Handlebars.escapeExpression(variable)}⟩</mark>`,
  );
}

export interface HelperRuntime {
  /** The options of a SELECT field, by `object.field`. */
  options(fieldKey: string): readonly OptionLabel[] | undefined;
  defaultLocale: string;
  timeZone: string;
}

export interface HelperSpec {
  name: string;
  minParams: number;
  maxParams: number;
  /** Accepts empty values (it is a fallback, or has a neutral form): its arguments are not required. */
  tolerant?: boolean;
  /** Fields it reads when its first argument is a whole record. */
  recordFields?: readonly string[];
  /** Prints an amount: refused in a letter without `confidential: true`. */
  amount?: boolean;
  /** Its first argument must be a SELECT field; it receives that field's key as `field`. */
  wantsSelectField?: boolean;
  /** One line for the docs and the preview page. */
  description: string;
  run(args: unknown[], hash: Record<string, unknown>, data: RenderData, rt: HelperRuntime): unknown;
}

/** Empty as a letter sees it: nothing, blank text, or a composite whose parts are all empty. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return false;
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('id' in value) return false; // a record
    if ('amountMicros' in value)
      return (value as { amountMicros: unknown }).amountMicros === null || (value as { amountMicros: unknown }).amountMicros === undefined;
    return Object.values(value).every((v) => isEmptyValue(v) || (Array.isArray(v) && v.length === 0));
  }
  return false;
}

function toFen(value: unknown): { fen: bigint; currency: string } {
  if (isCurrencyValue(value)) {
    if (value.amountMicros === null) throw new RangeError('the amount is empty');
    return { fen: microsToFen(value.amountMicros), currency: value.currencyCode ?? 'CNY' };
  }
  if (typeof value === 'number' || typeof value === 'string') return { fen: yuanToFen(value), currency: 'CNY' };
  throw new RangeError(`not an amount: ${JSON.stringify(value)}`);
}

const locale = (hash: Record<string, unknown>, data: RenderData): string => (typeof hash.locale === 'string' ? hash.locale : data.locale);

/** A date on the bank's calendar (or `tz=`), or the reason it is none. */
function calendarDate(v: unknown, hash: Record<string, unknown>, rt: HelperRuntime): CalendarDate {
  const d = toCalendarDate(v, typeof hash.tz === 'string' ? hash.tz : rt.timeZone);
  if (!d) throw new RangeError(`not a date: ${JSON.stringify(v)}`);
  return d;
}

export const HELPERS: readonly HelperSpec[] = [
  {
    name: 'yuan',
    amount: true,
    minParams: 1,
    maxParams: 1,
    description: 'an amount as ¥1,234,567.89 (a CURRENCY field, or a number of yuan)',
    run: ([v]) => {
      const { fen, currency } = toFen(v);
      return formatMoney(fen, currency);
    },
  },
  {
    name: 'amount',
    amount: true,
    minParams: 1,
    maxParams: 1,
    description: 'an amount without symbol: 1,234,567.89',
    run: ([v]) => formatFen(toFen(v).fen),
  },
  {
    name: 'capital',
    amount: true,
    minParams: 1,
    maxParams: 1,
    description: 'an amount in Chinese capital numerals: 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分',
    run: ([v]) => {
      const { fen, currency } = toFen(v);
      if (currency !== 'CNY' && currency !== 'RMB' && currency !== '')
        throw new RangeError(`capital numerals are for yuan, not ${currency}`);
      return fenToCapitals(fen);
    },
  },
  {
    name: 'date',
    minParams: 1,
    maxParams: 1,
    description: 'a date as 2026年11月28日 (zh) or 28 November 2026 (en)',
    run: ([v], hash, data, rt) => formatDate(calendarDate(v, hash, rt), locale(hash, data)),
  },
  {
    name: 'yearEnd',
    minParams: 1,
    maxParams: 1,
    description: 'true from 1 December to 31 January, for {{#if (yearEnd today)}}值此岁末年初之际{{/if}}',
    run: ([v], hash, _data, rt) => isYearEnd(calendarDate(v, hash, rt)),
  },
  {
    name: 'postcode',
    minParams: 1,
    maxParams: 1,
    description: "an ADDRESS's postcode, six digits for China: 201100",
    run: ([a]) => postcodeOf(a as AddressValue),
  },
  {
    name: 'addressLine',
    minParams: 1,
    maxParams: 1,
    description: 'an ADDRESS as one line: 上海市闵行区虹梅南路1145号 (en: street, city, province)',
    run: ([a], hash, data) => addressLineOf(a as AddressValue, locale(hash, data)),
  },
  {
    name: 'salutation',
    minParams: 1,
    maxParams: 1,
    tolerant: true,
    recordFields: ['name', 'gender'],
    description: '尊敬的张先生 / 尊敬的李女士, or 尊敬的客户 when the gender is unknown (Dear Mr Zhang / Dear Client)',
    run: ([p], hash, data) => salutation(p as PersonLike | null, locale(hash, data)),
  },
  {
    name: 'honorific',
    minParams: 1,
    maxParams: 1,
    tolerant: true,
    recordFields: ['name', 'gender'],
    description: '张先生 / 李女士, or 客户 when the gender is unknown (Mr Zhang / Client)',
    run: ([p], hash, data) => honorific(p as PersonLike | null, locale(hash, data)),
  },
  {
    name: 'fullName',
    minParams: 1,
    maxParams: 1,
    description: 'a FULL_NAME as 张三 (zh) or San Zhang (en)',
    run: ([n], hash, data) => {
      const text = fullName(n as PersonLike['name'], locale(hash, data));
      if (text === '') throw new RangeError('the name is empty');
      return text;
    },
  },
  {
    name: 'label',
    minParams: 1,
    maxParams: 1,
    wantsSelectField: true,
    description: "a SELECT value as its option's label in the letter's language",
    run: ([v], hash, data, rt) =>
      optionLabel(typeof hash.field === 'string' ? rt.options(hash.field) : undefined, String(v), locale(hash, data), rt.defaultLocale),
  },
  {
    name: 'tier',
    minParams: 1,
    maxParams: 1,
    wantsSelectField: true,
    description: 'a client tier (PLATINUM…) as its label: 白金 / Platinum',
    run: ([v], hash, data, rt) =>
      optionLabel(typeof hash.field === 'string' ? rt.options(hash.field) : undefined, String(v), locale(hash, data), rt.defaultLocale),
  },
  {
    name: 'or',
    minParams: 2,
    maxParams: 9,
    tolerant: true,
    description: 'the first argument that is not empty: {{or person.name.lastName "客户"}}',
    run: (args) => args.find((a) => !isEmptyValue(a)) ?? '',
  },
  {
    name: 'default',
    minParams: 2,
    maxParams: 2,
    tolerant: true,
    description: 'the value, or the fallback when it is empty: {{default company.name "尊敬的客户"}}',
    run: ([v, fallback]) => (isEmptyValue(v) ? fallback : v),
  },
  {
    name: 'eq',
    minParams: 2,
    maxParams: 2,
    tolerant: true,
    description: 'true when both are equal, for {{#if (eq company.clientTier "PLATINUM")}}',
    run: ([a, b]) => a === b,
  },
];

/** Handlebars' own helpers: blocks that take no required value. */
export const BUILTIN_BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);

export const HELPER_BY_NAME: ReadonlyMap<string, HelperSpec> = new Map(HELPERS.map((h) => [h.name, h]));

/** The internal helper that makes a variable required (see instrument.ts). */
export const REQUIRE_HELPER = '__required';

export function defaultRuntime(options: HelperRuntime['options'], defaultLocale: string): HelperRuntime {
  return { options, defaultLocale, timeZone: DEFAULT_TIME_ZONE };
}

type HandlebarsHelper = (...args: unknown[]) => unknown;

function splitOptions(args: unknown[]): { params: unknown[]; options: HelperOptions } {
  return { params: args.slice(0, -1), options: args[args.length - 1] as HelperOptions };
}

function where(hash: Record<string, unknown>): { file: string; line: number; col: number } {
  const [file = '', line = '0', col = '0'] = String(hash.__at ?? '').split('|');
  return { file, line: Number(line), col: Number(col) };
}

/** The functions to register on a Handlebars environment: each helper, guarded so a bad value is reported, not thrown. */
export function handlebarsHelpers(rt: HelperRuntime): Record<string, HandlebarsHelper> {
  const out: Record<string, HandlebarsHelper> = {};
  for (const spec of HELPERS) {
    out[spec.name] = (...args: unknown[]) => {
      const { params, options } = splitOptions(args);
      const data = options.data as RenderData;
      const hash = options.hash as Record<string, unknown>;
      // An empty argument was already reported by {{__required}}: say nothing more about it.
      if (!spec.tolerant && params.some((p) => isEmptyValue(p) || p instanceof Handlebars.SafeString))
        return params.find((p) => p instanceof Handlebars.SafeString) ?? '';
      try {
        return spec.run(params, hash, data, rt);
      } catch (e) {
        data.missing.push({ variable: `${spec.name}(…)`, ...where(hash), reason: e instanceof Error ? e.message : String(e) });
        return placeholder(data, `${spec.name}(…)`);
      }
    };
  }
  // {{__required value "company.name" at="file|line|col" fallback="…"}}: the strict check, per variable.
  out[REQUIRE_HELPER] = (...args: unknown[]) => {
    const { params, options } = splitOptions(args);
    const value = params[0];
    if (!isEmptyValue(value)) return value;
    const hash = options.hash as Record<string, unknown>;
    if ('fallback' in hash) return hash.fallback;
    const data = options.data as RenderData;
    data.missing.push({ variable: String(params[1]), ...where(hash) });
    return placeholder(data, String(params[1]));
  };
  return out;
}
