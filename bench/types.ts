// One row of `npm run bench`: a figure and, where it has one, the baseline measured in the same run.
export interface BenchRow {
  /** Which benchmark, e.g. "validate: whole pack x100". */
  name: string;
  value: number;
  unit: string;
  /** The figure to compare with (bare YAML parse, minimum request count, …), same unit. */
  baseline?: number;
  baselineName?: string;
  /** value / baseline, where that ratio is what the target is stated in. */
  ratio?: number;
  /** The target, in words, e.g. "ratio <= 3". */
  target?: string;
  ok?: boolean;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchRow[]>;
}
