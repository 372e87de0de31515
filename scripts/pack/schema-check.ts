// JSON Schema validation per file kind (ajv, draft 2020-12).
import type { PackFile } from './load-files.ts';
import type { PendingProblem } from './problems.ts';

export function checkFileSchema(_file: PackFile): PendingProblem[] {
  return [];
}
