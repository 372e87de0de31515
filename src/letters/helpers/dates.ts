// Dates as a Chinese letter writes them (2026年11月28日) or an English one (28 November 2026).
// A DATE ("2026-11-28") is taken as written; a DATE_TIME is shown in the bank's time zone.

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Reads "2026-11-28", an ISO date-time, or a Date; undefined when it is none of them. */
export function toCalendarDate(value: unknown, timeZone = DEFAULT_TIME_ZONE): CalendarDate | undefined {
  if (typeof value === 'string') {
    const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    if (plain) return { year: Number(plain[1]), month: Number(plain[2]), day: Number(plain[3]) };
  }
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return undefined;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

export function formatDate(date: CalendarDate, locale: string): string {
  if (locale.startsWith('en')) return `${date.day} ${MONTHS_EN[date.month - 1]!} ${date.year}`;
  return `${date.year}年${date.month}月${date.day}日`;
}
