// The demo's steps: each runs once, prints one line when it ends (✓ done, ✗ failed,
// – skipped), and never throws: a failure is kept as a value with the step's name, and
// the steps that need it are skipped while the others go on.
import { isTwentyError } from '../twenty/index.ts';

export type StepStatus = 'ok' | 'failed' | 'skipped';

export interface StepResult {
  name: string;
  status: StepStatus;
  /** What the step did, in a few words (or why it failed / was skipped). */
  detail: string;
  /** Absent for a step that only reports on an earlier one's work. */
  ms?: number;
}

/** What a step's body returns: the line to print and, when something went wrong inside, failed. */
export interface StepOutcome<T> {
  value: T;
  detail: string;
  failed?: boolean;
}

export class Steps {
  readonly results: StepResult[] = [];

  constructor(private readonly print: (line: string) => void) {}

  /**
   * Runs `body` unless a step it needs failed or was skipped. Resolves to the value, or
   * undefined when the step failed (an exception) or was skipped.
   */
  async run<T>(
    name: string,
    needs: ReadonlyArray<string>,
    body: () => Promise<StepOutcome<T>>,
    options: { timed?: boolean } = {},
  ): Promise<T | undefined> {
    const missing = needs.filter((n) => this.status(n) !== 'ok');
    if (missing.length > 0) {
      this.finish({ name, status: 'skipped', detail: `needs ${missing.join(', ')}` });
      return undefined;
    }
    const started = Date.now();
    const ms = (): { ms?: number } => (options.timed === false ? {} : { ms: Date.now() - started });
    try {
      const out = await body();
      this.finish({ name, status: out.failed ? 'failed' : 'ok', detail: out.detail, ...ms() });
      return out.value;
    } catch (e) {
      this.finish({ name, status: 'failed', detail: errorText(e), ...ms() });
      return undefined;
    }
  }

  /** Lists steps that cannot run at all, each as skipped with the reason. */
  skip(names: readonly string[], detail: string): void {
    for (const name of names) this.finish({ name, status: 'skipped', detail });
  }

  /** A step's status; a step that never ran counts as skipped. */
  status(name: string): StepStatus {
    return this.results.find((r) => r.name === name)?.status ?? 'skipped';
  }

  get failed(): StepResult[] {
    return this.results.filter((r) => r.status === 'failed');
  }

  private finish(r: StepResult): void {
    this.results.push(r);
    const mark = r.status === 'ok' ? '✓' : r.status === 'failed' ? '✗' : '–';
    const time = r.ms === undefined ? '' : r.ms < 1000 ? ` (${r.ms} ms)` : ` (${(r.ms / 1000).toFixed(1)} s)`;
    this.print(`  ${mark} ${r.name}: ${r.status === 'skipped' ? `skipped, ${r.detail}` : r.detail}${time}`);
  }
}

export function errorText(e: unknown): string {
  if (isTwentyError(e)) return e.describe();
  return e instanceof Error ? e.message : String(e);
}
