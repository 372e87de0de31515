// A progress line for work that runs as many small requests under one plan step
// (the labels and translations queued by the creates), so that no phase of a
// deploy stays silent for more than a few seconds.

/** At most one line every `everyMs`, plus the last one. */
export const PROGRESS_EVERY_MS = 2000;

export function progressTicker(
  report: (line: string) => void,
  label: string,
  total: number,
  now: () => number = Date.now,
  everyMs: number = PROGRESS_EVERY_MS,
): () => void {
  let done = 0;
  let last = now();
  return () => {
    done++;
    const at = now();
    if (done === total || at - last >= everyMs) {
      last = at;
      report(`    … ${label}: ${done}/${total}`);
    }
  };
}
