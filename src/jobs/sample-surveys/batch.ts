// Naming a survey batch from the policy's batchFormat ("{quarter}-S{n}" → "2026Q4-S1").
// Without a name on the command line the job continues the quarter's latest batch (so a
// second run tops it up and creates nothing new), or starts S1; `--new-batch` starts the
// next number.

export function batchName(format: string, quarter: string, n: number): string {
  return format.replaceAll('{quarter}', quarter).replaceAll('{n}', String(n));
}

export function chooseBatch(format: string, quarter: string, existing: Iterable<string>, startNew: boolean): string {
  let highest = 0;
  const known = new Set(existing);
  for (let n = 1; n <= known.size + 1; n++) if (known.has(batchName(format, quarter, n))) highest = n;
  return batchName(format, quarter, startNew ? highest + 1 : Math.max(1, highest));
}
