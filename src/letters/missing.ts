// How a missing value is named, wherever a letter stops for one (the run's summary, the preview).
import type { MissingValue } from './helpers/registry.ts';

export function describeMissing(m: MissingValue): string {
  const where = m.file ? ` — ${m.file}:${m.line}:${m.col}` : '';
  return m.reason ? `${m.variable}: ${m.reason}${where}` : `${m.variable} is empty${where}`;
}
