// Object labels: 1–63 characters, singular ≠ plural (trimmed, case-insensitively), in the
// pack's default locale and in each translation, since deploy sends those as overrides.
//   packages/twenty-server/src/engine/metadata-modules/flat-object-metadata/validators/utils/
//     validate-flat-object-metadata-label.util.ts @3962906
// Field labels have no such limit on the server (validate-flat-field-metadata-name.util.ts
// checks names only), so they are left alone.
import type { ObjectDef } from '../model.ts';
import type { PendingProblem } from '../problems.ts';
import { problemAt, type RuleFamily } from './context.ts';
import { IDENTIFIER_MAX_LENGTH } from './metadata-names.ts';

const LABEL_KEYS = ['labelSingular', 'labelPlural'] as const;

function checkLabels(
  object: ObjectDef,
  labels: Partial<Record<(typeof LABEL_KEYS)[number], string>>,
  at: (string | number)[],
  locale: string | undefined,
): PendingProblem[] {
  const out: PendingProblem[] = [];
  const where = locale ? ` (${locale})` : '';
  for (const key of LABEL_KEYS) {
    const label = labels[key];
    if (label === undefined) continue;
    if (label.trim().length === 0) {
      out.push(problemAt(object.source, [...at, key], 'label-length', `${key}${where} is blank`, { hint: 'write the label' }));
    } else if (label.length > IDENTIFIER_MAX_LENGTH) {
      out.push(
        problemAt(
          object.source,
          [...at, key],
          'label-length',
          `${key}${where} is ${label.length} characters long; Twenty allows at most ${IDENTIFIER_MAX_LENGTH}`,
          {
            hint: 'shorten it; put the detail in the description',
          },
        ),
      );
    }
  }
  const { labelSingular, labelPlural } = labels;
  if (labelSingular !== undefined && labelPlural !== undefined && labelSingular.trim().toLowerCase() === labelPlural.trim().toLowerCase()) {
    out.push(
      problemAt(
        object.source,
        [...at, 'labelPlural'],
        'label-plural-same',
        `labelPlural${where} "${labelPlural}" is the same as labelSingular; Twenty needs two different labels`,
        {
          hint: `give the plural its own wording${locale ? ' in this locale' : ''}`,
        },
      ),
    );
  }
  return out;
}

function objectLabels(object: ObjectDef): PendingProblem[] {
  const out = checkLabels(object, object, [], undefined);
  for (const [locale, texts] of Object.entries(object.translations ?? {})) {
    out.push(...checkLabels(object, texts, ['translations', locale], locale));
  }
  return out;
}

export const labelsFamily: RuleFamily = {
  name: 'labels',
  check: (ctx) => ctx.pack.objects.flatMap(objectLabels),
};
