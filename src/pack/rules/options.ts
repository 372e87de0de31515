// SELECT / MULTI_SELECT options as Twenty's server accepts them: values in UPPER_SNAKE_CASE
// of 1–63 characters, labels of 1–63 characters without commas, no two options with the same
// value, position or id; the same label rules for every translation of a label; and RATING fields, whose options Twenty generates itself.
//   packages/twenty-server/src/engine/metadata-modules/flat-field-metadata/validators/utils/
//     validate-enum-flat-field-metadata.util.ts @a2a8455 (read again @0c2478ce: "Label must not
//     contain a comma", "Option label exceeds 63 characters", "Label must not be empty")
//   isSnakeCaseString: packages/twenty-server/src/utils/is-snake-case-string.ts (newest regex)
//   RATING: generateRatingOptions() on the server (../shared/twenty/metadata-api.md §3.2).
// Colours are checked by the schema (TAG_COLORS of twenty-sdk 2.43.0).
import type { FieldDef } from '../model.ts';
import type { PendingProblem } from '../problems.ts';
import { fieldLabel, packFields, problemAt, type RuleFamily } from './context.ts';
import { IDENTIFIER_MAX_LENGTH } from './metadata-names.ts';

const SNAKE_CASE = /^(?!.*__)[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** UPPER_SNAKE_CASE spelling of a value, for the hint. */
export function toUpperSnake(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase()
    .replace(/^(\d)/, 'N$1');
}

/**
 * An option label, or its translation in `locale`: a translation is the label Twenty gets
 * when the pack is deployed in that locale (`deploy --locale en`), so the same rules hold.
 */
function optionLabelProblems(def: FieldDef, i: number, text: string, locale: string | undefined): PendingProblem[] {
  const path = locale ? ['options', i, 'translations', locale] : ['options', i, 'label'];
  const what = locale ? `option label (${locale})` : 'option label';
  const out: PendingProblem[] = [];
  if (text.includes(',')) {
    out.push(
      problemAt(
        def.source,
        path,
        'option-label',
        `${what} "${text}" contains a comma, which Twenty refuses ("Label must not contain a comma")`,
        { hint: 'use another separator (、 / ; –)' },
      ),
    );
  }
  if (text.trim().length === 0) out.push(problemAt(def.source, path, 'option-label', `${what} is blank`, { hint: 'write the label' }));
  else if (text.length > IDENTIFIER_MAX_LENGTH) {
    out.push(
      problemAt(
        def.source,
        path,
        'option-label',
        `${what} is ${text.length} characters long; Twenty allows at most ${IDENTIFIER_MAX_LENGTH}`,
        { hint: 'shorten it' },
      ),
    );
  }
  return out;
}

function checkOptions(def: FieldDef, label: string): PendingProblem[] {
  const out: PendingProblem[] = [];
  const options = def.options ?? [];
  if (def.type === 'RATING') {
    if (options.length > 0) {
      out.push(
        problemAt(
          def.source,
          ['options'],
          'options-rating',
          `RATING field ${label} lists options; Twenty generates a rating's options itself`,
          {
            hint: 'remove options',
          },
        ),
      );
    }
    return out;
  }
  if (def.type !== 'SELECT' && def.type !== 'MULTI_SELECT') return out;
  const firstAt = {
    value: new Map<string | number, number>(),
    position: new Map<string | number, number>(),
    id: new Map<string | number, number>(),
  };
  options.forEach((option, i) => {
    const at = (key: string): (string | number)[] => ['options', i, key];
    const { value, label: text } = option;
    if (value.length > IDENTIFIER_MAX_LENGTH) {
      out.push(
        problemAt(
          def.source,
          at('value'),
          'option-value',
          `option value "${value}" is ${value.length} characters long; Twenty allows at most ${IDENTIFIER_MAX_LENGTH}`,
          { hint: 'shorten it' },
        ),
      );
    } else if (!SNAKE_CASE.test(value)) {
      const fixed = toUpperSnake(value);
      out.push(
        problemAt(
          def.source,
          at('value'),
          'option-value',
          `option value "${value}" must be UPPER_SNAKE_CASE (capital letters, digits, single underscores, starting with a letter)`,
          {
            hint: SNAKE_CASE.test(fixed) ? `write "${fixed}"` : 'e.g. IN_PROGRESS',
          },
        ),
      );
    }
    out.push(...optionLabelProblems(def, i, text, undefined));
    for (const [locale, translated] of Object.entries(option.translations ?? {})) {
      if (typeof translated === 'string') out.push(...optionLabelProblems(def, i, translated, locale));
    }
    const duplicate = (key: 'value' | 'position' | 'id', seen: Map<string | number, number>, v: string | number | undefined): void => {
      if (v === undefined) return;
      const first = seen.get(v);
      if (first === undefined) seen.set(v, i);
      else
        out.push(
          problemAt(
            def.source,
            at(key),
            'option-duplicate',
            `option ${key} ${JSON.stringify(v)} is also the ${key} of option ${first + 1}`,
            { hint: `every option of ${label} needs its own ${key}` },
          ),
        );
    };
    duplicate('value', firstAt.value, value);
    duplicate('position', firstAt.position, option.position);
    duplicate('id', firstAt.id, option.id?.toLowerCase());
  });
  return out;
}

export const optionsFamily: RuleFamily = {
  name: 'options',
  check: (ctx) => packFields(ctx).flatMap(({ def, target }) => checkOptions(def, fieldLabel(def, target))),
};
