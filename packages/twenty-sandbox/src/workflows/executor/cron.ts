// Five-field cron patterns (minute hour day-of-month month day-of-week, UTC) as
// Twenty's CRON triggers use them (workflow-trigger/utils/compute-cron-pattern-
// from-schedule.ts turns DAYS / HOURS / MINUTES into one; CUSTOM is the pattern).
// Lists, ranges, steps and `*`; day-of-month and day-of-week OR-ed when both are
// restricted, as cron does.
const RANGES: Array<[number, number]> = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

function parseField(text: string, [min, max]: [number, number]): Set<number> | 'any' {
  if (text === '*') return 'any';
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let lo = min;
    let hi = max;
    if (range !== '*' && range !== undefined) {
      const [a, b] = range.split('-');
      lo = Number(a);
      hi = b === undefined ? (stepText === undefined ? lo : max) : Number(b);
    }
    if (![lo, hi, step].every(Number.isInteger) || lo < min || hi > max || step < 1) throw new Error(`cron field "${text}" is not valid`);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

export interface CronSchedule {
  matches(at: Date): boolean;
}

export function parseCron(pattern: string): CronSchedule {
  const fields = pattern.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`cron pattern "${pattern}" needs 5 fields (minute hour day month weekday)`);
  const [minute, hour, dom, month, dow] = fields.map((f, i) => parseField(f, RANGES[i]!));
  const has = (set: Set<number> | 'any' | undefined, v: number): boolean => set === 'any' || (set !== undefined && set.has(v));
  return {
    matches(at: Date): boolean {
      if (!has(minute, at.getUTCMinutes()) || !has(hour, at.getUTCHours()) || !has(month, at.getUTCMonth() + 1)) return false;
      const weekday = at.getUTCDay();
      const domOk = has(dom, at.getUTCDate());
      const dowOk = has(dow, weekday) || (weekday === 0 && has(dow, 7));
      if (dom !== 'any' && dow !== 'any') return domOk || dowOk;
      return domOk && dowOk;
    },
  };
}

/** Every minute in (from, to] the pattern matches, oldest first (at most `limit`). */
export function firings(schedule: CronSchedule, from: Date, to: Date, limit = 10_000): Date[] {
  const out: Date[] = [];
  const minute = 60_000;
  let t = Math.floor(from.getTime() / minute) * minute + minute;
  for (; t <= to.getTime() && out.length < limit; t += minute) if (schedule.matches(new Date(t))) out.push(new Date(t));
  return out;
}
