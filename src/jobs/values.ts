// Reading typed values out of a record as Twenty sends it: every accessor tolerates
// null, a missing field and a wrong type (a half-filled CRM is normal), returning null.
// Pure, so the jobs' mapping from rows to their rules' inputs stays in the feature.

type Row = Record<string, unknown>;

export function text(row: Row, field: string): string | null {
  const v = row[field];
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

export function num(row: Row, field: string): number | null {
  const v = row[field];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

export function list(row: Row, field: string): string[] {
  const v = row[field];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function sub(row: Row, field: string): Record<string, unknown> {
  const v = row[field];
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A DATE_TIME / DATE value as epoch milliseconds. */
export function time(row: Row, field: string): number | null {
  const v = text(row, field);
  if (v === null) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

export interface Money {
  /** In currency units (amountMicros / 1e6). */
  amount: number;
  currencyCode: string | null;
}

/** A CURRENCY value; null when it has no amount. */
export function money(row: Row, field: string): Money | null {
  const m = sub(row, field);
  const micros = num(m, 'amountMicros');
  if (micros === null) return null;
  return { amount: micros / 1_000_000, currencyCode: text(m, 'currencyCode') };
}

export interface AddressValue {
  lat: number | null;
  lng: number | null;
  city: string | null;
  state: string | null;
}

export function address(row: Row, field: string): AddressValue {
  const a = sub(row, field);
  return { lat: num(a, 'addressLat'), lng: num(a, 'addressLng'), city: text(a, 'addressCity'), state: text(a, 'addressState') };
}

/** A FULL_NAME as "first last" (Chinese names: "last first" when only Han characters), or a TEXT name. */
export function displayName(row: Row, field = 'name'): string | null {
  const v = row[field];
  if (typeof v === 'string') return v.trim() || null;
  const n = sub(row, field);
  const first = text(n, 'firstName') ?? '';
  const last = text(n, 'lastName') ?? '';
  if (!first && !last) return null;
  const han = /^[\p{Script=Han}]*$/u;
  return han.test(first) && han.test(last) ? `${last}${first}` : `${first} ${last}`.trim();
}
