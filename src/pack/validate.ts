// The three layers of validation, in order: YAML syntax (load), JSON Schema per file
// kind, then cross-checks over the whole pack. Every problem is collected; the causes (files
// that did not load or failed their schema) come first, their knock-on problems folded (./fold.ts).
// A pack without errors comes back as a ValidPack: linked once, and the only pack the
// commands that act on Twenty accept.
import { buildPack } from './build-model.ts';
import { linkPack, type LinkedPack } from './linked-pack.ts';
import { loadFiles, resolveProblem, type PackFile } from './load-files.ts';
import type { PackManifest, RoleDef } from './model.ts';
import { causeFirst } from './fold.ts';
import { hasErrors, type Problem } from './problems.ts';
import { checkRules, type RuleFamily } from './rules/index.ts';
import { checkFileSchema } from './schema-check.ts';

// A brand only this module can write: any other module that wants a ValidPack has to
// validate a pack (test/pack/valid-pack.test.ts holds the type-level check).
declare const VALID: unique symbol;

/** A pack that passed validation: linked, its manifest present, its roles listed. */
export type ValidPack = LinkedPack & {
  readonly [VALID]: true;
  readonly manifest: PackManifest;
  readonly roles: RoleDef[];
  /** What rule families decoded while validating, by family name (the jobs' policies: src/jobs). */
  readonly decoded: ReadonlyMap<string, unknown>;
};

export interface ValidationResult {
  /** The pack as far as it could be read, linked; use it for messages, never to act on Twenty. */
  pack: LinkedPack;
  /** Present when there are no errors (warnings allowed). */
  valid: ValidPack | undefined;
  files: PackFile[];
  problems: Problem[];
}

/**
 * Validate the pack in `root` against `families` (the pack's own, PACK_RULE_FAMILIES, and
 * the features' ones src/validate registers: call that one's validatePack).
 */
export async function validatePackWith(root: string, families: readonly RuleFamily[]): Promise<ValidationResult> {
  const { files, problems } = await loadFiles(root);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const schemaValid: PackFile[] = [];
  for (const file of files) {
    const found = checkFileSchema(file).map((p) => resolveProblem(p, byPath));
    problems.push(...found);
    if (!found.some((p) => p.severity === 'error')) schemaValid.push(file);
  }
  const pack = linkPack(buildPack(root, schemaValid));
  const rules = checkRules(pack, families);
  const followOn = rules.problems.map((p) => resolveProblem(p, byPath));
  const all = causeFirst(root, problems, followOn);
  return { pack, valid: certify(pack, all, rules.decoded), files, problems: all };
}

function certify(pack: LinkedPack, problems: readonly Problem[], decoded: ReadonlyMap<string, unknown>): ValidPack | undefined {
  if (hasErrors(problems) || pack.manifest === undefined) return undefined;
  return { ...pack, manifest: pack.manifest, roles: pack.roles ?? [], decoded } as ValidPack;
}
