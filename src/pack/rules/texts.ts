// Every text deploy sends, translations included: a translation is what Twenty gets as the
// label when the pack is deployed in its locale (`deploy --locale en`), so it passes the
// same rules as the text it translates.
//  - Field labels: not blank, at most 63 characters ("Field label is too long"; the sandbox's
//    reading of Twenty's field label rule, unconfirmed at 2.43: the stricter reading).
//  - Whitespace: Twenty trims and collapses whitespace in a field's label and description
//    (create-field.input.ts @e4509cd, @Transform; ../shared/twenty/metadata-api.md §3), so a
//    line break, a tab, doubled or edge spaces deploy as another text and every later plan
//    shows the field changed. Object texts are held to the same rule (stricter reading).
// Object labels' length and singular ≠ plural live in ./labels.ts, option labels in ./options.ts.
import type { NodePath, SourceRef, Translations } from '../model.ts';
import type { PendingProblem } from '../problems.ts';
import { fieldLabel, packFields, problemAt, type RuleFamily } from './context.ts';
import { IDENTIFIER_MAX_LENGTH } from './metadata-names.ts';

/** What Twenty's @Transform does to the text: trim, and every run of whitespace to one space. */
export const collapseWhitespace = (text: string): string => text.trim().replace(/\s+/g, ' ');

function whitespace(source: SourceRef, path: NodePath, what: string, text: string): PendingProblem[] {
  if (text !== '' && text.trim() === '') {
    // Trimmed to nothing by Twenty: the text deploys as empty, and every later plan finds it changed.
    return [
      problemAt(
        source,
        path,
        'text-whitespace',
        `${what} is only whitespace; Twenty trims it to nothing, so every deploy would find it changed`,
        { hint: 'write the text, or remove the key' },
      ),
    ];
  }
  if (collapseWhitespace(text) === text) return [];
  const cause = /[\r\n\u2028\u2029]/.test(text)
    ? 'a line break'
    : /\t/.test(text)
      ? 'a tab'
      : text !== text.trim()
        ? 'spaces at its start or end'
        : 'two spaces in a row';
  return [
    problemAt(
      source,
      path,
      'text-whitespace',
      `${what} has ${cause}; Twenty trims and collapses whitespace, so every deploy would find it changed`,
      {
        hint: `write "${collapseWhitespace(text)}"`,
      },
    ),
  ];
}

/** The base text and each translation of `property`, with the path and words to report them by. */
function variants(
  base: string | undefined,
  translations: Translations | undefined,
  property: string,
): Array<{ text: string; path: NodePath; locale?: string }> {
  const out: Array<{ text: string; path: NodePath; locale?: string }> = [];
  if (typeof base === 'string') out.push({ text: base, path: [property] });
  for (const [locale, texts] of Object.entries(translations ?? {})) {
    const t = texts?.[property];
    if (typeof t === 'string') out.push({ text: t, path: ['translations', locale, property], locale });
  }
  return out;
}

function fieldTexts(
  def: { label: string; description?: string; translations?: Translations; source: SourceRef },
  name: string,
): PendingProblem[] {
  const out: PendingProblem[] = [];
  for (const v of variants(def.label, def.translations, 'label')) {
    const what = `label of ${name}${v.locale ? ` (${v.locale})` : ''}`;
    if (v.text.trim() === '') {
      out.push(problemAt(def.source, v.path, 'label-length', `${what} is blank`, { hint: 'write the label' }));
      continue;
    }
    if (v.text.length > IDENTIFIER_MAX_LENGTH) {
      out.push(
        problemAt(
          def.source,
          v.path,
          'label-length',
          `${what} is ${v.text.length} characters long; Twenty allows at most ${IDENTIFIER_MAX_LENGTH}`,
          { hint: 'shorten it; put the detail in the description' },
        ),
      );
    }
    out.push(...whitespace(def.source, v.path, what, v.text));
  }
  for (const v of variants(def.description, def.translations, 'description')) {
    out.push(...whitespace(def.source, v.path, `description of ${name}${v.locale ? ` (${v.locale})` : ''}`, v.text));
  }
  return out;
}

export const textsFamily: RuleFamily = {
  name: 'texts',
  check: (ctx) => {
    const out: PendingProblem[] = [];
    for (const o of ctx.pack.objects) {
      for (const property of ['labelSingular', 'labelPlural', 'description'] as const) {
        for (const v of variants(o[property], o.translations, property))
          out.push(...whitespace(o.source, v.path, `${property} of ${o.nameSingular}${v.locale ? ` (${v.locale})` : ''}`, v.text));
      }
    }
    for (const { def, target } of packFields(ctx)) out.push(...fieldTexts(def, fieldLabel(def, target)));
    return out;
  },
};
