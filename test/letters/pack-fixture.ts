// Test helpers: the mini pack (test/letters/fixtures/mini-pack) copied to a temp
// folder with extra or changed files, validated, and its templates checked against
// the pack's linked model, as `bankpack validate` checks them.
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, cp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { formatProblem, type Pack } from '../../src/pack/index.ts';
import { validatePack } from '../../src/validate/index.ts';
import { resolveProblem } from '../../src/pack/load-files.ts';
import { buildCatalogue, type Catalogue } from '../../src/letters/catalogue.ts';
import { checkTemplates } from '../../src/letters/rule.ts';
import { packLetters, type PackLetters } from '../../src/letters/setup.ts';

export const MINI_PACK = join(import.meta.dirname, 'fixtures', 'mini-pack');

let root: string | undefined;
/** A fresh folder below one per test file, removed after the file's tests. */
export function tempDir(prefix: string): Promise<string> {
  root ??= mkdtempSync(join(tmpdir(), 'bankpack-letters-'));
  return mkdtemp(join(root, prefix));
}
// Each test file evaluates this module afresh, so this runs after each file that uses it.
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

export async function miniPack(files: Record<string, string> = {}): Promise<string> {
  const dir = await tempDir('pack-');
  await cp(MINI_PACK, dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

export interface LoadedPack {
  pack: Pack;
  catalogue: Catalogue;
  /** Problems of every layer, formatted as `bankpack validate` prints them. */
  problems: string[];
  /** The template rule's problems only, formatted. */
  templateProblems: string[];
}

export async function loadPack(dir: string): Promise<LoadedPack> {
  const { pack, files, problems } = await validatePack(dir);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const templateProblems = checkTemplates(pack).map((p) => formatProblem(resolveProblem(p, byPath)));
  return { pack, catalogue: buildCatalogue(pack), problems: problems.map(formatProblem), templateProblems };
}

/** A template file: front matter lines, then the body. */
export function template(frontMatter: string, body: string): string {
  return `---\n${frontMatter.trim()}\n---\n${body}`;
}

/** The letters of the pack in `dir`, from the one read validate makes (as the letters ops do). */
export async function lettersOf(dir: string): Promise<PackLetters> {
  return packLetters(await validatePack(dir));
}
