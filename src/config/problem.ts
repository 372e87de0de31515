// A connection or profile problem: where it is (a config file, or the command line) and how to fix it.
export interface ConfigProblem {
  message: string;
  hint?: string;
  /** The config file, when the problem is in one. */
  file?: string;
  line?: number;
  col?: number;
  /** The profile it concerns, if any. */
  profile?: string;
  severity?: 'error' | 'warning';
}

export function formatConfigProblem(p: ConfigProblem): string {
  const where = p.file ? `${p.file}${p.line !== undefined ? `:${p.line}:${p.col ?? 1}` : ''}  ` : '';
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}${tag}${p.message}${p.hint ? `  (${p.hint})` : ''}`;
}
