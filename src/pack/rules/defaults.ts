// Default values as the SDK and server take them. String literals are wrapped in single
// quotes ("'NEW'"); a bare string is a computed default, `uuid` (UUID) or `now` (DATE,
// DATE_TIME). A SELECT default names one option; a MULTI_SELECT default is a non-empty list
// of distinct quoted option values; composite defaults quote their string leaves. A field
// with isNullable: false needs a default (relations excepted: they have no default).
//   twenty-sdk 2.43.0 define/fields/get-field-default-value-warnings.ts (quoting, composite leaves)
//   twenty-sdk 2.43.0 dist/define/index.d.ts L1128-1135 (non-nullable regular field ⇒ defaultValue)
//   packages/twenty-server/src/engine/metadata-modules/flat-field-metadata/validators/utils/
//     validate-enum-flat-field-metadata.util.ts @a2a8455 (validateSelectDefaultValue,
//     validateMultiSelectDefaultValue)
// Value types per field type (number for NUMBER, boolean for BOOLEAN, composite keys) are
// checked by the schema.
import { closest } from '../did-you-mean.ts';
import type { FieldDef, FieldType } from '../model.ts';
import type { PendingProblem } from '../problems.ts';
import { fieldLabel, isRecord, packFields, problemAt, type RuleFamily } from './context.ts';
import { COMPOSITE_SUB_FIELDS } from './field-names.ts';

const isQuoted = (s: string): boolean => s.length >= 2 && s.startsWith("'") && s.endsWith("'");
const unquote = (s: string): string => (isQuoted(s) ? s.slice(1, -1) : s);
const quote = (s: string): string => `'${s}'`;

/** Computed defaults and the types they belong to (fieldMetadataDefaultValueFunctionName). */
const FUNCTIONS: Readonly<Record<string, readonly FieldType[]>> = { uuid: ['UUID'], now: ['DATE', 'DATE_TIME'] };

function quotingProblem(def: FieldDef, path: (string | number)[], value: string): PendingProblem | undefined {
  if (isQuoted(value)) return undefined;
  if (FUNCTIONS[value]?.includes(def.type)) return undefined;
  const computed = FUNCTIONS[value] !== undefined;
  return problemAt(
    def.source,
    path,
    'default-quoted',
    computed
      ? `defaultValue "${value}" is a computed default of ${FUNCTIONS[value]!.join('/')} fields, not of a ${def.type} field`
      : `defaultValue "${value}" is not quoted; Twenty reads a bare string as a computed default (uuid, now)`,
    { hint: `wrap the text in single quotes: "${quote(value)}"` },
  );
}

function optionProblem(def: FieldDef, label: string, path: (string | number)[], value: string): PendingProblem | undefined {
  const values = (def.options ?? []).map((o) => o.value);
  const inner = unquote(value);
  if (values.includes(inner)) return quotingProblem(def, path, value);
  const near = closest(inner, values);
  return problemAt(def.source, path, 'default-option', `defaultValue ${JSON.stringify(value)} is not one of the options of ${label}`, {
    hint:
      near !== undefined
        ? `did you mean "${quote(near)}"?`
        : `options: ${values.join(', ')}; write one quoted, e.g. "${quote(values[0] ?? 'VALUE')}"`,
  });
}

function defaultProblems(def: FieldDef, label: string): PendingProblem[] {
  const value = def.defaultValue;
  if (value === undefined || value === null) return [];
  const out: PendingProblem[] = [];
  const push = (p: PendingProblem | undefined): void => {
    if (p) out.push(p);
  };
  switch (def.type) {
    case 'SELECT':
      if (typeof value === 'string') push(optionProblem(def, label, ['defaultValue'], value));
      break;
    case 'MULTI_SELECT': {
      if (!Array.isArray(value)) break;
      if (value.length === 0) {
        out.push(
          problemAt(def.source, ['defaultValue'], 'default-option', `defaultValue of ${label} is an empty list`, {
            hint: 'list at least one quoted option value, or remove defaultValue',
          }),
        );
      }
      const seen = new Set<string>();
      value.forEach((item, i) => {
        if (typeof item !== 'string') return;
        if (seen.has(unquote(item))) {
          out.push(
            problemAt(def.source, ['defaultValue', i], 'default-option', `defaultValue lists ${JSON.stringify(item)} twice`, {
              hint: 'keep one',
            }),
          );
        }
        seen.add(unquote(item));
        push(optionProblem(def, label, ['defaultValue', i], item));
      });
      break;
    }
    case 'ARRAY':
      if (Array.isArray(value))
        value.forEach((item, i) => typeof item === 'string' && push(quotingProblem(def, ['defaultValue', i], item)));
      break;
    case 'TEXT':
    case 'RATING':
    case 'UUID':
    case 'DATE':
    case 'DATE_TIME':
      if (typeof value === 'string') push(quotingProblem(def, ['defaultValue'], value));
      break;
    default:
      if (COMPOSITE_SUB_FIELDS[def.type] && isRecord(value)) {
        for (const [key, leaf] of Object.entries(value))
          if (typeof leaf === 'string') push(quotingProblem(def, ['defaultValue', key], leaf));
      }
  }
  return out;
}

/** A default to offer for a non-nullable field, as YAML. */
function suggestedDefault(def: FieldDef): string | undefined {
  switch (def.type) {
    case 'SELECT':
      return def.options?.[0] ? `"${quote(def.options[0].value)}"` : undefined;
    case 'MULTI_SELECT':
      return def.options?.[0] ? `["${quote(def.options[0].value)}"]` : undefined;
    case 'TEXT':
      return `"''"`;
    case 'BOOLEAN':
      return 'false';
    case 'NUMBER':
    case 'NUMERIC':
      return '0';
    case 'DATE':
    case 'DATE_TIME':
      return 'now';
    case 'UUID':
      return 'uuid';
    default:
      return undefined;
  }
}

function requiredDefault(def: FieldDef, label: string): PendingProblem[] {
  if (def.isNullable !== false || (def.defaultValue !== undefined && def.defaultValue !== null)) return [];
  if (def.type === 'RELATION' || def.type === 'MORPH_RELATION') return [];
  const suggestion = suggestedDefault(def);
  return [
    problemAt(
      def.source,
      ['isNullable'],
      'default-required',
      `${label} has isNullable: false but no defaultValue; Twenty needs a default for a field that may not be empty`,
      {
        hint: suggestion
          ? `add defaultValue: ${suggestion}, or remove isNullable: false`
          : 'add a defaultValue, or remove isNullable: false',
      },
    ),
  ];
}

export const defaultsFamily: RuleFamily = {
  name: 'defaults',
  check: (ctx) =>
    packFields(ctx).flatMap(({ def, target }) => {
      const label = fieldLabel(def, target);
      return [...defaultProblems(def, label), ...requiredDefault(def, label)];
    }),
};
