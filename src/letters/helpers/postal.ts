// A Twenty ADDRESS value as a Chinese envelope writes it: the postcode on its own
// line, then province, city and street in that order (a municipality such as 上海市 is
// both state and city: written once). An address abroad, in an English letter, street first.

export interface AddressValue {
  addressStreet1?: string | null;
  addressStreet2?: string | null;
  addressCity?: string | null;
  addressState?: string | null;
  addressPostcode?: string | null;
  addressCountry?: string | null;
}

const CHINA = new Set(['', 'china', 'cn', 'chn', '中国', "people's republic of china", '中华人民共和国']);
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

function isChina(a: AddressValue): boolean {
  return CHINA.has(text(a.addressCountry).toLowerCase());
}

/** The postcode; a Chinese address needs six digits (邮政编码). Throws with the reason otherwise. */
export function postcodeOf(a: AddressValue): string {
  const code = text(a.addressPostcode);
  if (code === '') throw new RangeError('the address has no postcode');
  if (isChina(a) && !/^\d{6}$/.test(code)) throw new RangeError(`not a six-digit postcode: "${code}"`);
  return code;
}

/** 上海市闵行区虹梅南路1145号 (zh) or "1145 Hongmei South Road, Shanghai" (en). Throws when the street or city is missing. */
export function addressLineOf(a: AddressValue, locale: string): string {
  const street = [text(a.addressStreet1), text(a.addressStreet2)].filter((s) => s !== '');
  const city = text(a.addressCity);
  if (street.length === 0) throw new RangeError('the address has no street');
  if (city === '') throw new RangeError('the address has no city');
  const state = text(a.addressState);
  const region = state !== '' && state !== city ? [state, city] : [city];
  // A Chinese address keeps the Chinese order even in an English letter: the postman reads it.
  if (locale.startsWith('en') && !isChina(a)) return [...street, ...region.reverse()].join(', ');
  // Chinese: from the largest place to the door, without spaces; a street that already starts with the city is not repeated.
  const head = region.filter((r) => !street[0]!.startsWith(r)).join('');
  return `${head}${street.join('')}`;
}
