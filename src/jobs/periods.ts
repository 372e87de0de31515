// Periods: a quarter ("2025Q3", also written "2025-Q3") or a year ("2025"), with their
// bounds in UTC, and the labels the policies' templates give them ("{year}Q{quarter}").

export type Period =
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4; start: number; end: number }
  | { kind: 'year'; year: number; start: number; end: number };

export const DAY_MS = 86_400_000;

const QUARTER = /^(\d{4})-?Q([1-4])$/i;
const YEAR = /^(\d{4})$/;

/** Parses "2025Q3", "2025-Q3" or "2025"; undefined when it is neither. `end` is exclusive. */
export function parsePeriod(text: string): Period | undefined {
  const q = QUARTER.exec(text.trim());
  if (q) return quarterPeriod(Number(q[1]), Number(q[2]) as 1 | 2 | 3 | 4);
  const y = YEAR.exec(text.trim());
  if (y) {
    const year = Number(y[1]);
    return { kind: 'year', year, start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
  }
  return undefined;
}

function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): Period {
  return { kind: 'quarter', year, quarter, start: Date.UTC(year, (quarter - 1) * 3, 1), end: Date.UTC(year, quarter * 3, 1) };
}

/** The quarter that contains `at`. */
export function quarterAt(at: number): Period {
  const d = new Date(at);
  return quarterPeriod(d.getUTCFullYear(), (Math.floor(d.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4);
}

/** `{year}` and `{quarter}` filled in: "{year}Q{quarter}" → "2025Q3". */
export function periodLabel(period: Period, template: string): string {
  return template
    .replaceAll('{year}', String(period.year))
    .replaceAll('{quarter}', period.kind === 'quarter' ? String(period.quarter) : '');
}

/** The quarters of a year, for "the year's quarterly scores". */
export function quartersOf(year: number): Period[] {
  return ([1, 2, 3, 4] as const).map((q) => quarterPeriod(year, q));
}

/** YYYY-MM-DD of an instant (a DATE field's value). */
export const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10);
