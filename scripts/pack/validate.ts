// The three layers of validation, in order: YAML syntax (load), JSON Schema per file
// kind, then cross-checks over the whole pack. Every problem is collected; the causes (files
// that did not load or failed their schema) come first, their knock-on problems folded (./fold.ts).
import { buildPack } from './build-model.ts';
import { loadFiles, resolveProblem, type PackFile } from './load-files.ts';
import type { Pack } from './model.ts';
import { causeFirst } from './fold.ts';
import type { Problem } from './problems.ts';
import { checkRules } from './rules/index.ts';
import { checkFileSchema } from './schema-check.ts';

export interface ValidationResult {
  pack: Pack;
  files: PackFile[];
  problems: Problem[];
}

export async function validatePack(root: string): Promise<ValidationResult> {
  const { files, problems } = await loadFiles(root);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const valid: PackFile[] = [];
  for (const file of files) {
    const found = checkFileSchema(file).map((p) => resolveProblem(p, byPath));
    problems.push(...found);
    if (!found.some((p) => p.severity === 'error')) valid.push(file);
  }
  const pack = buildPack(root, valid);
  const followOn = checkRules(pack).map((p) => resolveProblem(p, byPath));
  return { pack, files, problems: causeFirst(root, problems, followOn) };
}
