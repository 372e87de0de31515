// Problems are values, never exceptions: every check returns them, the command prints them.
import type { NodePath } from './model.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Path of the file, relative to the pack root. */
  file: string;
  line: number;
  col: number;
  message: string;
  /** How to fix it, where a fix is known (a did-you-mean, the accepted values, …). */
  hint?: string;
  /** A short stable id of the rule that found it, e.g. `schema`, `name-reserved`. */
  rule: string;
  severity: Severity;
}

/** A problem that still needs its line and column, resolved from the file's YAML nodes. */
export interface PendingProblem {
  file: string;
  path: NodePath;
  message: string;
  hint?: string;
  rule: string;
  severity?: Severity;
  /** Point at the key rather than the value (e.g. an unknown or duplicate key). */
  atKey?: boolean;
  /** An exact position that is not a YAML node (a variable in a template's Handlebars body). */
  at?: { line: number; col: number };
}

/** Sort by file, line, column so that output reads top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.message.localeCompare(b.message),
  );
}

/** `objects/lead.object.yaml:12:5  message  (hint)` */
export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.col}`;
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}  ${tag}${p.message}${p.hint ? `  (${p.hint})` : ''}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
