// Field-level rules: SELECT / MULTI_SELECT / RATING options and default values.
// Source: twentyhq/twenty packages/twenty-server/src/engine/metadata-modules/
// flat-field-metadata/validators/utils/validate-enum-flat-field-metadata.util.ts @a2a8455
// (messages copied), QUOTED_STRING_REGEX from twenty-shared/src/constants/QuotedStringRegex.ts,
// snake case from src/utils/is-snake-case-string.ts (newest regex), colours from
// validate-metadata-option-color.util.ts @10c7838 / twenty-sdk 2.43.0 TAG_COLORS.
import { IDENTIFIER_MAX_CHAR_LENGTH, IDENTIFIER_MIN_CHAR_LENGTH, type RuleError, ruleError } from './name-rules.ts';

export const QUOTED_STRING_REGEX = /^['"](.*)['"]$/;
const SNAKE_CASE = /^(?!.*__)[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const TAG_COLORS: ReadonlySet<string> = new Set([
  'red',
  'ruby',
  'crimson',
  'tomato',
  'orange',
  'amber',
  'yellow',
  'lime',
  'grass',
  'green',
  'jade',
  'mint',
  'turquoise',
  'cyan',
  'sky',
  'blue',
  'iris',
  'violet',
  'purple',
  'plum',
  'pink',
  'bronze',
  'gold',
  'brown',
  'gray',
]);

const E = 'INVALID_FIELD_INPUT';
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function optionErrors(option: Record<string, unknown>): RuleError[] {
  const errors: RuleError[] = [];
  const { id, value, label, color } = option;
  if (id === undefined || id === null) errors.push(ruleError(E, 'Option id is required'));
  if (typeof id !== 'string' || !UUID.test(id)) errors.push(ruleError(E, 'Option id is invalid', id));
  if (value === undefined || value === null) errors.push(ruleError(E, 'Option value is required'));
  else if (!nonEmpty(value)) errors.push(ruleError(E, 'Option value must be a string of at least one character', value));
  else {
    if (value.length > IDENTIFIER_MAX_CHAR_LENGTH) errors.push(ruleError(E, 'Option value exceeds 63 characters', value));
    if (value.length < IDENTIFIER_MIN_CHAR_LENGTH) errors.push(ruleError(E, `Option value "${value}" is beneath 1 character`, value));
    if (!SNAKE_CASE.test(value)) errors.push(ruleError(E, `Value must be in UPPER_CASE and follow snake_case "${value}"`, value));
  }
  if (label === undefined || label === null) errors.push(ruleError(E, 'Option label is required'));
  else if (!nonEmpty(label)) errors.push(ruleError(E, 'Option label must be a string of at least one character', label));
  else {
    if (label.length > IDENTIFIER_MAX_CHAR_LENGTH) errors.push(ruleError(E, 'Option label exceeds 63 characters', label));
    if (label.includes(',')) errors.push(ruleError(E, 'Label must not contain a comma', label));
    if (label === ' ') errors.push(ruleError(E, 'Label must not be empty', label));
  }
  // The colour check's message is not in the sources read; this one names the value.
  if (typeof color !== 'string' || !TAG_COLORS.has(color))
    errors.push(ruleError(E, `Option color "${String(color)}" is not a valid tag color`, color));
  return errors;
}

/** Checks options that already carry ids (the server adds `id: v4()` on create before validating). */
export function enumOptionsErrors(options: unknown): RuleError[] {
  if (!Array.isArray(options) || options.length === 0) {
    return [ruleError(E, 'Options are required for enum fields', options)];
  }
  const errors = options.flatMap((o) =>
    typeof o === 'object' && o !== null ? optionErrors(o as Record<string, unknown>) : [ruleError(E, 'Option value is required', o)],
  );
  for (const key of ['position', 'id', 'value'] as const) {
    const values = options.map((o) => (o as Record<string, unknown>)[key]);
    if (new Set(values).size !== values.length) errors.push(ruleError(E, `Duplicated option ${key}`, options));
  }
  return errors;
}

function selectDefaultErrors(defaultValue: unknown, values: readonly string[]): RuleError[] {
  if (typeof defaultValue !== 'string') {
    return [
      {
        code: E,
        message: `Default value for select must be a string got ${String(defaultValue)}`,
        userFriendlyMessage: 'Default value must be a string',
        value: defaultValue,
      },
    ];
  }
  const errors: RuleError[] = [];
  if (!QUOTED_STRING_REGEX.test(defaultValue)) errors.push(ruleError(E, 'Default value should be as quoted string', defaultValue));
  if (!values.includes(defaultValue.replace(QUOTED_STRING_REGEX, '$1'))) {
    errors.push(ruleError(E, `Default value "${defaultValue}" must be one of the option values`, defaultValue));
  }
  return errors;
}

export function enumDefaultValueErrors(type: string, defaultValue: unknown, options: ReadonlyArray<{ value: string }>): RuleError[] {
  if (defaultValue === null || defaultValue === undefined) return [];
  const values = options.map((o) => o.value);
  if (type !== 'MULTI_SELECT') return selectDefaultErrors(defaultValue, values);
  if (!Array.isArray(defaultValue)) {
    return [
      {
        code: E,
        message: `Default value for multi-select must be an array got ${String(defaultValue)}`,
        userFriendlyMessage: 'Multi-select field default value must be an array',
        value: defaultValue,
      },
    ];
  }
  const errors: RuleError[] = [];
  if (defaultValue.length === 0) errors.push(ruleError(E, 'If defined default value must contain at least one value', defaultValue));
  if (new Set(defaultValue).size !== defaultValue.length) errors.push(ruleError(E, 'Default values must be unique', defaultValue));
  for (const v of defaultValue) errors.push(...selectDefaultErrors(v, values));
  return errors;
}

/**
 * TEXT defaults are quoted strings; an unquoted string is reserved for
 * functions (twenty-sdk define/fields/get-field-default-value-warnings.ts).
 * The server-side message is unconfirmed: the sandbox refuses with the select one.
 */
export function textDefaultValueErrors(defaultValue: unknown): RuleError[] {
  if (defaultValue === null || defaultValue === undefined) return [];
  if (typeof defaultValue !== 'string' || !QUOTED_STRING_REGEX.test(defaultValue)) {
    return [ruleError(E, 'Default value should be as quoted string', defaultValue)];
  }
  return [];
}
