// The small vocabulary schema problems are written in: how a value, a type and a
// place in a file are named to a person who edits YAML, not to a JSON Schema expert.
import type { NodePath } from './model.ts';

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a map (key: value)',
  array: 'a list',
  null: 'empty',
};

/** What a schema `type` (or list of types) asks for: "a number", "a string or a list". */
export function expectedWords(type: unknown): string {
  const types = (Array.isArray(type) ? type : String(type).split(',')).map(String);
  const shown = types.length > 1 ? types.filter((t) => t !== 'null') : types;
  return shown.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
}

/** What a YAML value is: "a string", "a list", "empty", "true". */
export function actualWords(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  if (typeof value === 'object') return 'a map (key: value)';
  return `a ${typeof value}`;
}

/** A value as it would be quoted in a message: `"TXT"`, `5`, `true`; long text cut short. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a map';
  return String(value);
}

/** "a field type", "an onDelete action", "a UUID v4". */
export function withArticle(noun: string): string {
  // "UUID" and "uni…" start with a "you" sound, which takes "a".
  return /^[aeiou]/i.test(noun) && !/^(?:UUID|uni|use)/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** How a problem names the node at `path`: `"position"`, `item 3 of "fields"`, `the file`. */
export function nodeLabel(path: NodePath): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the file';
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return parent === undefined ? `item ${last + 1}` : `item ${last + 1} of "${String(parent)}"`;
  }
  return `"${last}"`;
}

/** The nearest key name on `path` (skipping list indexes), for messages about a key. */
export function nearestKey(path: NodePath): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

/** Hints for keys that exist but do not belong where they were written. */
export const MISPLACED_KEY_HINTS: Readonly<Record<string, string>> = {
  options: 'only SELECT, MULTI_SELECT and RATING fields have options',
  relationTargetObjectMetadataUniversalIdentifier: 'only RELATION and MORPH_RELATION fields have a target',
  relationTargetFieldMetadataUniversalIdentifier: 'only RELATION and MORPH_RELATION fields have a target',
  morphId: 'only MORPH_RELATION fields have a morphId',
  objectUniversalIdentifier: 'a field listed in an object file belongs to that object: remove this key, or move the field to fields/',
};
