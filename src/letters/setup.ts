// What every letters op starts with: the validated pack's catalogue built, the chosen
// template found, checked and compiled. Problems come back as printable lines
// (file:line:col  message  (hint)), never as exceptions.
import { didYouMean, formatProblem, resolveProblem, type LinkedPack, type PackFile } from '../pack/index.ts';
import { buildCatalogue, type Catalogue } from './catalogue.ts';
import { compileTemplate, type CompiledTemplate } from './compile.ts';
import { prepareTemplate, type PreparedTemplate } from './prepare.ts';
import { findDocument, templateSet, type TemplateSet } from './template-set.ts';
import type { BodyProblem } from './walk.ts';

export interface PackLetters {
  catalogue: Catalogue;
  set: TemplateSet;
  /** Formats a template problem the way `bankpack validate` prints it. */
  format(p: BodyProblem): string;
}

/**
 * The letters of a pack: its templates and linked model, as validate read them (no second
 * read of the folder). `files` place a template's warnings at file:line:col.
 */
export function packLetters({ pack, files }: { pack: LinkedPack; files: readonly PackFile[] }): PackLetters {
  const byPath = new Map(files.map((f) => [f.path, f]));
  return {
    catalogue: buildCatalogue(pack),
    set: templateSet(pack.templates),
    format: (p) =>
      formatProblem(
        resolveProblem(
          {
            file: p.file,
            path: p.yamlPath ?? [],
            message: p.message,
            rule: 'template',
            severity: p.severity,
            ...(p.hint ? { hint: p.hint } : {}),
            ...(p.yamlPath ? { atKey: true } : { at: { line: p.line, col: p.col } }),
          },
          byPath,
        ),
      ),
  };
}

export type TemplateChoice = { ok: true; template: CompiledTemplate; warnings: string[] } | { ok: false; problems: string[] };

/** The template `--template` names, ready to render; its errors (and those of its partials) stop the command. */
export function chooseTemplate(letters: PackLetters, name: string, locale?: string): TemplateChoice {
  const found = findDocument(letters.set, name, locale);
  if (!found.template) {
    const hint =
      didYouMean(
        name,
        found.candidates.map((c) => c.replace(/^[^/]+\//, '')),
      ) ?? `templates: ${found.candidates.join(', ') || '(none in templates/letters or templates/emails)'}`;
    return { ok: false, problems: [`no template "${name}"${locale ? ` in locale ${locale}` : ''}  (${hint})`] };
  }
  const prepared = prepareTemplate(found.template, letters.set, letters.catalogue);
  const errors = prepared.problems.filter((p) => p.severity === 'error').map(letters.format);
  if (errors.length > 0 || !('paths' in prepared)) return { ok: false, problems: errors };
  const warnings = prepared.problems.filter((p) => p.severity === 'warning').map(letters.format);
  return { ok: true, template: compileTemplate(prepared as PreparedTemplate, letters.catalogue), warnings };
}

/** Today's date on the bank's calendar, YYYY-MM-DD. */
export function todayIn(timeZone = 'Asia/Shanghai', now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
