// Small output helpers shared by the commands.
import type { Problem } from '../pack/index.ts';

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function summarizeProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return 'pack is valid';
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
