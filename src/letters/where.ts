// The --where mini-language: `clientTier=PLATINUM,marketingOptOut=false`, turned into
// Twenty's record filter. Conditions are joined by commas (AND); each is
// `field OP value` with OP one of = != > >= < <= ~ (contains); `a|b` after = or !=
// means any of them; an empty value means "is empty". Fields are checked against the
// catalogue, values against the field's type and options (with a did-you-mean).
import { didYouMean } from '../pack/index.ts';
import { COMPOSITE_SUBFIELDS, type Catalogue, type CatalogueField, type CatalogueObject } from './catalogue.ts';

export type Filter = Record<string, unknown>;

export interface WhereProblem {
  /** 1-based column in the --where text. */
  col: number;
  message: string;
  hint?: string;
}

export type WhereResult = { ok: true; filter: Filter | undefined } | { ok: false; problems: WhereProblem[] };

const isProblem = (x: Filter | WhereProblem): x is WhereProblem => typeof x.message === 'string' && typeof x.col === 'number';

type Op = '!=' | '>=' | '<=' | '=' | '>' | '<' | '~';

interface Condition {
  path: string;
  op: Op;
  value: string;
  col: number;
  valueCol: number;
}

/** Split on unescaped, unquoted commas; `\,` and "…" keep a comma inside a value. */
function splitConditions(text: string): Array<{ text: string; col: number }> {
  const out: Array<{ text: string; col: number }> = [];
  let current = '';
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push({ text: current, col: start + 1 });
      current = '';
      start = i + 1;
    } else current += c;
  }
  out.push({ text: current, col: start + 1 });
  return out.filter((c) => c.text.trim() !== '');
}

function parseCondition(part: { text: string; col: number }): Condition | WhereProblem {
  const m = /^\s*([A-Za-z_][\w.]*)\s*(!=|>=|<=|=|>|<|~)\s*(.*?)\s*$/.exec(part.text);
  if (!m)
    return {
      col: part.col,
      message: `cannot read the condition "${part.text.trim()}"`,
      hint: 'write field=VALUE, field!=VALUE, field>=NUMBER, field~TEXT; join conditions with commas',
    };
  const lead = part.text.length - part.text.trimStart().length;
  const valueOffset = part.text.indexOf(m[3]!, lead + m[1]!.length + m[2]!.length);
  return { path: m[1]!, op: m[2] as Op, value: m[3]!, col: part.col + lead, valueCol: part.col + Math.max(valueOffset, 0) };
}

export function parseWhere(text: string | undefined, object: CatalogueObject, catalogue: Catalogue): WhereResult {
  if (text === undefined || text.trim() === '') return { ok: true, filter: undefined };
  const problems: WhereProblem[] = [];
  const filters: Filter[] = [];
  for (const part of splitConditions(text)) {
    const c = parseCondition(part);
    if ('message' in c) {
      problems.push(c);
      continue;
    }
    const f = conditionFilter(c, object, catalogue);
    if (isProblem(f)) problems.push(f);
    else filters.push(f);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, filter: filters.length === 1 ? filters[0] : { and: filters } };
}

function conditionFilter(c: Condition, object: CatalogueObject, catalogue: Catalogue): Filter | WhereProblem {
  const [name = '', sub, ...more] = c.path.split('.');
  const field = object.fields.get(name);
  if (!field) {
    const hint = didYouMean(name, object.fields.keys());
    return { col: c.col, message: `\`${name}\` is not a field of ${object.nameSingular}`, ...(hint ? { hint } : {}) };
  }
  if (more.length > 0) return { col: c.col, message: `\`${c.path}\`: conditions reach one level into a field, not further` };
  if (field.type === 'RELATION') return relationFilter(c, field, sub, catalogue);
  const subs = COMPOSITE_SUBFIELDS[field.type];
  if (subs) {
    if (sub === undefined) {
      if (field.type === 'CURRENCY') return compare(c, field, (v) => ({ [name]: { amountMicros: v } }), 'yuan');
      return {
        col: c.col,
        message: `\`${name}\` is a ${field.type} with parts`,
        hint: `name one: ${subs.map((s) => `${name}.${s}`).join(', ')}`,
      };
    }
    if (!subs.includes(sub)) {
      const hint = didYouMean(sub, subs);
      return { col: c.col, message: `\`${sub}\` is not part of ${name} (${subs.join(', ')})`, ...(hint ? { hint } : {}) };
    }
    const kind = sub === 'amountMicros' || sub === 'addressLat' || sub === 'addressLng' ? 'number' : 'text';
    return compare(c, field, (v) => ({ [name]: { [sub]: v } }), kind);
  }
  if (sub !== undefined) return { col: c.col, message: `\`${name}\` is a ${field.type} field: it has no \`${sub}\`` };
  return compare(c, field, (v) => ({ [name]: v }), kindOf(field));
}

type ValueKind = 'text' | 'number' | 'boolean' | 'select' | 'multi' | 'date' | 'uuid' | 'yuan';

function kindOf(field: CatalogueField): ValueKind {
  switch (field.type) {
    case 'NUMBER':
    case 'NUMERIC':
    case 'POSITION':
      return 'number';
    case 'BOOLEAN':
      return 'boolean';
    case 'SELECT':
    case 'RATING':
      return 'select';
    case 'MULTI_SELECT':
      return 'multi';
    case 'DATE':
    case 'DATE_TIME':
      return 'date';
    case 'UUID':
      return 'uuid';
    default:
      return 'text';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function relationFilter(c: Condition, field: CatalogueField, sub: string | undefined, _catalogue: Catalogue): Filter | WhereProblem {
  const column = field.relation?.joinColumn;
  if (!column)
    return {
      col: c.col,
      message: `\`${field.name}\` is a list of ${field.relation?.target ?? 'records'}: it cannot be compared`,
      hint: 'filter on a field of this object instead',
    };
  if (sub !== undefined && sub !== 'id')
    return {
      col: c.col,
      message: `\`${c.path}\`: only the id of a related record can be compared here`,
      hint: `write ${field.name}=<id of the ${field.relation?.target}>`,
    };
  return compare(c, { ...field, type: 'UUID' }, (v) => ({ [column]: v }), 'uuid');
}

/** The comparison for one condition, with the value converted for its kind. */
function compare(c: Condition, field: CatalogueField, wrap: (cmp: Filter) => Filter, kind: ValueKind): Filter | WhereProblem {
  if (c.value === '') {
    if (c.op === '=') return wrap({ is: 'NULL' });
    if (c.op === '!=') return wrap({ is: 'NOT_NULL' });
    return { col: c.valueCol, message: `\`${c.path}${c.op}\` needs a value` };
  }
  const alternatives = c.op === '=' || c.op === '!=' ? c.value.split('|') : [c.value];
  const values: unknown[] = [];
  for (const raw of alternatives) {
    const v = convert(raw.trim(), kind, field);
    if (typeof v === 'object' && v !== null && 'message' in v) return { col: c.valueCol, ...(v as { message: string; hint?: string }) };
    values.push(v);
  }
  const one = values[0];
  if (kind === 'select') {
    // Twenty's SelectFilter has only `in` and `is` (graphql-types/input/select-filter.input-type.ts @41d2425).
    if (c.op === '=') return wrap({ in: values });
    if (c.op === '!=') return { or: [{ not: wrap({ in: values }) }, wrap({ is: 'NULL' })] };
  }
  if (kind === 'multi') {
    if (c.op === '=') return wrap({ containsAny: values });
    if (c.op === '!=') return { or: [{ not: wrap({ containsAny: values }) }, wrap({ is: 'NULL' })] };
  }
  switch (c.op) {
    case '=':
      return wrap(values.length === 1 ? { eq: one } : { in: values });
    case '!=':
      // Twenty compares like SQL: `neq` leaves out empty fields. "Not PLATINUM" should keep them.
      return { or: [wrap(values.length === 1 ? { neq: one } : { not: { in: values } }), wrap({ is: 'NULL' })] };
    case '~':
      if (kind !== 'text') return { col: c.col, message: `~ (contains) is for text; \`${c.path}\` is ${field.type}` };
      return wrap({ ilike: `%${String(one).replace(/[%_]/g, '\\$&')}%` });
    default: {
      if (kind !== 'number' && kind !== 'date' && kind !== 'yuan')
        return { col: c.col, message: `${c.op} compares numbers and dates; \`${c.path}\` is ${field.type}` };
      const op = { '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' }[c.op];
      return wrap({ [op]: one });
    }
  }
}

function convert(raw: string, kind: ValueKind, field: CatalogueField): unknown {
  const text = raw.replace(/^"(.*)"$/, '$1');
  switch (kind) {
    case 'number':
    case 'yuan': {
      const n = Number(text.replace(/,/g, ''));
      if (!Number.isFinite(n) || text === '') return { message: `\`${text}\` is not a number` };
      return kind === 'yuan' ? Math.round(n * 1_000_000) : n;
    }
    case 'boolean':
      if (/^(true|yes|是|1)$/i.test(text)) return true;
      if (/^(false|no|否|0)$/i.test(text)) return false;
      return { message: `\`${text}\` is not true or false` };
    case 'select':
    case 'multi': {
      const options = field.options ?? [];
      const byLabel = options.find((o) => o.label === text || Object.values(o.translations ?? {}).includes(text));
      if (options.some((o) => o.value === text)) return text;
      if (byLabel) return byLabel.value;
      const hint = didYouMean(
        text,
        options.map((o) => o.value),
      );
      return {
        message: `\`${text}\` is not an option of ${field.name}`,
        hint: hint ?? `use one of ${options.map((o) => o.value).join(', ')}`,
      };
    }
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text))
        return { message: `\`${text}\` is not a date`, hint: 'write YYYY-MM-DD' };
      return text;
    case 'uuid':
      if (!UUID.test(text)) return { message: `\`${text}\` is not a record id (a UUID)` };
      return text;
    default:
      return text;
  }
}
