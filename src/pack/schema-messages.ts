// One ajv error, already freed of the noise around it, said in plain words at the
// right node: the key for a key that should not be there, the value for a wrong value.
import { didYouMean } from './did-you-mean.ts';
import type { NodePath } from './model.ts';
import { actualWords, expectedWords, MISPLACED_KEY_HINTS, nearestKey, nodeLabel, showValue, withArticle } from './schema-words.ts';
import { uuidRefusal } from './uuid.ts';

type SchemaObject = { [key: string]: unknown };

/** An ajv error with its instance path split into keys and indexes. */
export interface SchemaError {
  keyword: string;
  path: NodePath;
  schemaPath: string;
  params: Record<string, unknown>;
  /** The schema holding the failed keyword (ajv `verbose`). */
  parentSchema: SchemaObject | undefined;
  /** The value at `path`. */
  data: unknown;
  /** The map that holds the value at `path`, when there is one (for a field's `type`). */
  parentData: unknown;
  /** Set on the errors of a `propertyNames` check: the key that failed it. */
  propertyName?: string;
  /** For an error under `if … then`: the key and value the condition tested, e.g. type: SELECT. */
  condition?: { key: string; value: unknown };
}

export interface Worded {
  path: NodePath;
  atKey: boolean;
  message: string;
  hint?: string;
}

/** The property names a schema allows, following `$ref`s and combinators. */
export type KeysOf = (schema: SchemaObject) => string[];

const LIST_LIMIT = 30;
const SHORT_LIST = 10;
const COMPARISON_WORDS: Readonly<Record<string, string>> = { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' };

export function wordError(e: SchemaError, keysOf: KeysOf): Worded {
  const at = (message: string, hint?: string, path: NodePath = e.path, atKey = false): Worded => ({
    path,
    atKey,
    message,
    ...(hint ? { hint } : {}),
  });
  const label = nodeLabel(e.path);
  const parent = e.parentSchema ?? {};
  if (e.propertyName !== undefined) return at(...keyNameWords(e.propertyName, parent), [...e.path, e.propertyName], true);
  switch (e.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(e.params.additionalProperty ?? e.params.unevaluatedProperty);
      const allowed = keysOf(parent);
      const value = e.data !== null && typeof e.data === 'object' ? (e.data as Record<string, unknown>)[key] : undefined;
      const hint =
        (/\s/.test(key) && value === null ? 'a comma inside { ... } ends the text before it: put that text in quotes' : undefined) ??
        didYouMean(key, allowed) ??
        (allowed.length > 0 && allowed.length <= 8 ? `allowed keys: ${allowed.join(', ')}` : undefined);
      return at(`unknown key "${key}"`, hint, [...e.path, key], true);
    }
    case 'required': {
      const key = String(e.params.missingProperty);
      return at(`missing required key "${key}"`, requiredHint(e, key));
    }
    case 'type':
      return at(`${label} must be ${expectedWords(e.params.type)}, not ${actualWords(e.data)}`, typeHint(e.params.type, e.data));
    case 'enum':
    case 'const': {
      const allowed = (e.keyword === 'enum' ? (e.params.allowedValues as unknown[]) : [e.params.allowedValue]).filter((v) => v !== null);
      const noun = typeof parent.title === 'string' ? parent.title : undefined;
      const message = noun
        ? `${showValue(e.data)} is not ${withArticle(noun)}`
        : allowed.length === 1
          ? `${label} must be ${showValue(allowed[0])}, not ${showValue(e.data)}`
          : `${showValue(e.data)} is not an allowed value of ${nodeLabel([nearestKey(e.path) ?? ''])}`;
      const names = allowed.map(String);
      // A short list is clearer than a guess ("A6" is not "A3"); a long one needs the guess.
      const guess = typeof e.data === 'string' && names.length > SHORT_LIST ? didYouMean(e.data, names) : undefined;
      const hint = guess ?? (allowed.length > 1 && allowed.length <= LIST_LIMIT ? `use one of: ${names.join(', ')}` : undefined);
      return at(message, hint);
    }
    case 'pattern':
    case 'format':
      return at(...patternWords(e, label));
    case 'minItems':
    case 'minLength': {
      const limit = Number(e.params.limit);
      const what = nearestKey(e.path) === 'options' ? 'at least one option' : 'at least one item';
      if (limit === 1) return at(`${label} must not be empty`, e.keyword === 'minItems' ? conditionHint(e, what) : undefined);
      return at(`${label} needs at least ${limit} ${e.keyword === 'minItems' ? 'items' : 'characters'}`);
    }
    case 'maxItems':
    case 'maxLength':
      return at(`${label} may have at most ${String(e.params.limit)} ${e.keyword === 'maxItems' ? 'items' : 'characters'}`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return at(
        `${label} must be ${COMPARISON_WORDS[String(e.params.comparison)] ?? String(e.params.comparison)} ${String(e.params.limit)}, not ${showValue(e.data)}`,
      );
    case 'uniqueItems': {
      const j = Number(e.params.j);
      const list = Array.isArray(e.data) ? (e.data as unknown[]) : [];
      return at(`${label} lists ${showValue(list[j])} twice`, 'remove the repeated item', [...e.path, j]);
    }
    case 'false schema': {
      const key = nearestKey(e.path) ?? '';
      const c = e.condition;
      const message = !c
        ? `"${key}" is not allowed here`
        : c.key === 'type'
          ? `"${key}" does not apply to ${withArticle(`${String(c.value)} field`)}`
          : `"${key}" does not apply when ${c.key} is ${String(c.value)}`;
      const typeHint = c?.key === 'type' && key === 'universalSettings' ? `${String(c.value)} fields take no universalSettings` : undefined;
      return at(message, MISPLACED_KEY_HINTS[key] ?? typeHint, e.path, true);
    }
    case 'propertyNames':
      return at(
        `"${String(e.params.propertyName)}" is not an allowed key here`,
        undefined,
        [...e.path, String(e.params.propertyName)],
        true,
      );
    default:
      return at(`${label}: ${e.keyword} check failed`);
  }
}

/** A key refused by `propertyNames`, said with what keys must be: "a locale code such as zh-CN or en". */
function keyNameWords(name: string, schema: SchemaObject): [string, string | undefined] {
  const noun = typeof schema.title === 'string' ? schema.title : undefined;
  const examples = Array.isArray(schema.examples) ? schema.examples.map(String).join(' or ') : '';
  return [
    noun ? `"${name}" is not ${withArticle(noun)}${examples ? ` such as ${examples}` : ''}` : `"${name}" is not an allowed key here`,
    undefined,
  ];
}

function patternWords(e: SchemaError, label: string): [string, string | undefined] {
  const parent = e.parentSchema ?? {};
  const noun = typeof parent.title === 'string' ? parent.title : undefined;
  const example = Array.isArray(parent.examples) ? parent.examples[0] : undefined;
  const value = typeof e.data === 'string' ? e.data : '';
  if (!noun) {
    const rule = e.keyword === 'pattern' ? `the pattern ${String(e.params.pattern)}` : `the format ${String(e.params.format)}`;
    return [`${label} does not match ${rule}: ${showValue(e.data)}`, undefined];
  }
  const refusal = noun === 'UUID' ? uuidRefusal(value) : undefined;
  if (refusal) return [`${label} is ${refusal}`, 'replace it with a fresh one: npx uuid v4'];
  const message = `${label} must be ${withArticle(noun)}${example === undefined ? '' : ` such as ${String(example)}`}, not ${showValue(e.data)}`;
  if (noun === 'UUID') return [message, 'generate one with: npx uuid v4 (or `bankpack new` writes files with fresh ones)'];
  if (noun === 'Tabler icon name') {
    const guess = /^icon/i.test(value) ? value.slice(4) : value;
    const pascal = guess.replace(/(?:^|[-_\s]+)([a-z0-9])/gi, (_m, c: string) => c.toUpperCase());
    return [message, /^[A-Za-z0-9]/.test(pascal) ? `did you mean "Icon${pascal}"?` : undefined];
  }
  return [message, undefined];
}

function requiredHint(e: SchemaError, key: string): string | undefined {
  const conditional = conditionHint(e, key === 'options' ? 'at least one option' : 'it');
  if (conditional) return conditional;
  const property = (e.parentSchema?.properties as Record<string, SchemaObject> | undefined)?.[key];
  if (key === 'universalIdentifier') return 'add a fresh UUID v4: npx uuid v4';
  const description = typeof property?.description === 'string' ? property.description : undefined;
  return description?.split(/(?<=\.)\s+(?=[A-Z])/)[0];
}

/** For a rule that holds only under a condition: "a RELATION field needs it", "needed when relationType is MANY_TO_ONE". */
function conditionHint(e: SchemaError, what: string): string | undefined {
  const c = e.condition;
  if (!c) return undefined;
  return c.key === 'type' ? `${withArticle(`${String(c.value)} field`)} needs ${what}` : `needed when ${c.key} is ${String(c.value)}`;
}

function typeHint(expected: unknown, value: unknown): string | undefined {
  const want = String(expected);
  if (typeof value === 'string') {
    if (/number|integer/.test(want) && value.trim() !== '' && !Number.isNaN(Number(value))) return `write ${value.trim()} without quotes`;
    if (want.includes('boolean') && /^(?:true|false)$/i.test(value.trim())) return `write ${value.trim().toLowerCase()} without quotes`;
  }
  if (want.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) return 'put the value in quotes';
  if (want.includes('array') && value !== null && typeof value === 'object') return 'write a list: one `- item` per line, or [a, b]';
  if (want === 'array' && (typeof value === 'string' || typeof value === 'number')) return `write a list: [${String(value)}]`;
  if (want.includes('object') && Array.isArray(value)) return 'write keys and values (key: value), not a list of `- items`';
  return undefined;
}
