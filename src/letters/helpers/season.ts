// Whether a date falls in 岁末年初, the turn of the year, when a letter may greet with
// "值此岁末年初之际" or "as the year draws to a close": from 1 December to 31 January.
// Outside it a letter takes its neutral wording (docs/letters.md, "Seasonal wording").
import type { CalendarDate } from './dates.ts';

export const YEAR_END = { from: { month: 12, day: 1 }, to: { month: 1, day: 31 } } as const;

export function isYearEnd(d: CalendarDate): boolean {
  return d.month === YEAR_END.from.month || d.month === YEAR_END.to.month;
}
