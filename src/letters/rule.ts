// The `template` rule family of `bankpack validate`: every letter and email
// template prepared against the pack's catalogue, its problems reported at the
// file, line and column of the variable, helper or partial (body) or of the
// front-matter key. A problem in a shared partial is reported once.
import Handlebars from 'handlebars';
import type { TemplateDef, PendingProblem } from '../pack/index.ts';
import { buildCatalogue, type LettersPack } from './catalogue.ts';
import { prepareTemplate } from './prepare.ts';
import { templateSet } from './template-set.ts';
import type { BodyProblem } from './walk.ts';

export const TEMPLATE_RULE = 'template';

export function checkTemplates(pack: LettersPack & { templates: readonly TemplateDef[] }): PendingProblem[] {
  if (pack.templates.length === 0) return [];
  const catalogue = buildCatalogue(pack);
  const set = templateSet(pack.templates);
  const found: BodyProblem[] = [];
  for (const def of set.documents.values()) found.push(...prepareTemplate(def, set, catalogue).problems);
  // Partials and layouts no document uses are still parsed, so a syntax error in them shows.
  for (const def of [...set.partials.values(), ...set.layouts.values()]) {
    try {
      Handlebars.parse(def.body);
    } catch (e) {
      const line = Number(/line (\d+)/.exec(String(e))?.[1] ?? 1);
      found.push({
        file: def.source.file,
        line: def.bodyLine + line - 1,
        col: 1,
        message: `Handlebars syntax: ${String(e).split('\n').pop() ?? ''}`,
        severity: 'error',
      });
    }
  }
  const seen = new Set<string>();
  const out: PendingProblem[] = [];
  for (const p of found) {
    const key = `${p.file}:${p.yamlPath?.join('.') ?? `${p.line}:${p.col}`}:${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      file: p.file,
      path: p.yamlPath ?? [],
      message: p.message,
      rule: TEMPLATE_RULE,
      severity: p.severity,
      ...(p.hint ? { hint: p.hint } : {}),
      ...(p.yamlPath ? { atKey: true } : { at: { line: p.line, col: p.col } }),
    });
  }
  return out;
}
