// How a batch reports its progress: one tick per recipient. The CLI draws a bar
// (src/cli/progress-bar.ts); the demo and the tests pass none.
export interface Progress {
  tick(label?: string): void;
  /** Total known later (after the first page of recipients). */
  setTotal(total: number | undefined): void;
  done(): void;
}
