// Where a mutation can strike: every value of the files deploy sends (pack.yaml, objects,
// fields, views, reference seeds, workflows), classified by what it means. Templates,
// policies and demo seeds are left out: deploy does not send them, so a mutant of them
// would "deploy" whatever it holds and prove nothing.
import type { PackFile } from '../../src/pack/index.ts';
import type { NodePath } from '../../src/pack/model.ts';

export type SiteKind =
  | 'label' // labelSingular, labelPlural, label, a view's name
  | 'option-label'
  | 'description'
  | 'translation' // any text under translations (entity or option)
  | 'option-value'
  | 'filter-value'
  | 'reference' // a name or id that points at another entity
  | 'name' // nameSingular, namePlural, a field's name
  | 'id' // universalIdentifier, an option's id
  | 'number'
  | 'enum' // type, operand, colour, icon, direction…
  | 'text' // any other string (seed values, workflow texts)
  | 'key'; // a key of a mapping, for removal

export interface Site {
  file: string;
  path: NodePath;
  kind: SiteKind;
  value: unknown;
  /** The locale of a translation (deploy is run in it, so the text is sent as the label). */
  locale?: string;
}

const LABEL_KEYS = new Set(['label', 'labelSingular', 'labelPlural']);
const NAME_KEYS = new Set(['nameSingular', 'namePlural']);
const ENUM_KEYS = new Set([
  'type',
  'operand',
  'direction',
  'color',
  'icon',
  'relationType',
  'onDelete',
  'kanbanAggregateOperation',
  'dataType',
  'event',
  'defaultLocale',
]);

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Files deploy sends, and that the fuzzer therefore mutates. */
export function fuzzable(file: PackFile): boolean {
  if (file.kind === 'seed') return isMap(file.data) && file.data.demo !== true;
  return ['manifest', 'object', 'field', 'view', 'workflow'].includes(file.kind);
}

function classify(file: PackFile, path: NodePath, value: unknown): Omit<Site, 'file' | 'path' | 'value'> | undefined {
  const key = path[path.length - 1];
  const parent = path[path.length - 2];
  const t = path.indexOf('translations');
  if (t >= 0 && typeof value === 'string') {
    const locale = path[t + 1];
    return { kind: 'translation', ...(typeof locale === 'string' ? { locale } : {}) };
  }
  if (typeof value === 'number') return { kind: 'number' };
  if (typeof value !== 'string') return undefined;
  if (key === 'universalIdentifier' || (key === 'id' && path.includes('options'))) return { kind: 'id' };
  if (
    typeof key === 'string' &&
    (key.endsWith('UniversalIdentifier') || (file.kind === 'seed' && key === 'object') || (file.kind === 'workflow' && key === 'object'))
  )
    return { kind: 'reference' };
  if (path.includes('options') && key === 'value') return { kind: 'option-value' };
  if (path.includes('options') && key === 'label') return { kind: 'option-label' };
  if (path.includes('filters') && (key === 'value' || parent === 'value')) return { kind: 'filter-value' };
  if (typeof key === 'string' && LABEL_KEYS.has(key)) return { kind: 'label' };
  if (key === 'name' && file.kind === 'view' && path.length === 1) return { kind: 'label' };
  if (typeof key === 'string' && NAME_KEYS.has(key)) return { kind: 'name' };
  if (key === 'name' && (file.kind === 'field' ? path.length === 1 : path[0] === 'fields' && path.length === 3)) return { kind: 'name' };
  if (key === 'description') return { kind: 'description' };
  if (typeof key === 'string' && ENUM_KEYS.has(key)) return { kind: 'enum' };
  return { kind: 'text' };
}

/** Every site of one file, in document order. */
export function sitesOf(file: PackFile): Site[] {
  const out: Site[] = [];
  const walk = (value: unknown, path: NodePath): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
      return;
    }
    if (isMap(value)) {
      for (const [k, v] of Object.entries(value)) {
        out.push({ file: file.path, path: [...path, k], kind: 'key', value: v });
        walk(v, [...path, k]);
      }
      return;
    }
    const c = classify(file, path, value);
    if (c) out.push({ file: file.path, path, value, ...c });
  };
  walk(file.data, []);
  return out;
}
