// Field values a step writes (`set:`), turned into what Twenty's record API takes, and
// the keys and literals of a FIND_RECORDS `where:` (compiled in record-filters.ts) for
// the checks: relations by their join
// column (`companyId`, object-record-schema.ts @254a8c5 accepts it beside
// `{company: {id}}`), an EMAILS address as `{primaryEmail}`, rich text as the
// `{blocknote, markdown}` object Twenty requires (validate-record-crud-object-record-
// rich-text.util.ts @0502278).
import { type CatalogueObject, fieldOf } from './catalogue.ts';

export interface WrittenField {
  /** The key as written in the YAML. */
  key: string;
  /** The key Twenty stores (a join column for a relation). */
  column: string;
  value: unknown;
}

/** `set:` → objectRecord; unknown keys are kept as they are (validation reports them). */
export function recordValues(
  set: Record<string, unknown>,
  object: CatalogueObject | undefined,
  rewrite: (v: unknown) => unknown,
): WrittenField[] {
  return Object.entries(set).map(([key, raw]) => {
    const value = rewrite(raw);
    const found = object ? fieldOf(object, key) : undefined;
    if (!found || found.viaJoinColumn) return { key, column: key, value };
    const { field } = found;
    if ((field.type === 'RELATION' || field.type === 'MORPH_RELATION') && field.relation?.joinColumn) {
      const id = value !== null && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value;
      return { key, column: field.relation.joinColumn, value: id };
    }
    if (typeof value === 'string' && field.type === 'EMAILS')
      return { key, column: key, value: { primaryEmail: value, additionalEmails: null } };
    if (typeof value === 'string' && field.type === 'RICH_TEXT') return { key, column: key, value: { blocknote: null, markdown: value } };
    if (typeof value === 'string' && field.type === 'LINKS')
      return { key, column: key, value: { primaryLinkUrl: value, primaryLinkLabel: '', secondaryLinks: null } };
    return { key, column: key, value };
  });
}

/** Literal values a `where` compares a field with, for option checks: [field key, value, path below the key]. */
export function whereLiterals(where: Record<string, unknown>): Array<{ key: string; value: unknown; path: Array<string | number> }> {
  const out: Array<{ key: string; value: unknown; path: Array<string | number> }> = [];
  const visit = (w: Record<string, unknown>, prefix: Array<string | number>): void => {
    for (const [key, v] of Object.entries(w)) {
      if ((key === 'and' || key === 'or') && Array.isArray(v))
        v.forEach((x, i) => visit(x as Record<string, unknown>, [...prefix, key, i]));
      else if (key === 'not' && v && typeof v === 'object') visit(v as Record<string, unknown>, [...prefix, key]);
      else if (Array.isArray(v)) v.forEach((x, i) => out.push({ key, value: x, path: [...prefix, key, i] }));
      else if (v !== null && typeof v === 'object') {
        for (const [op, x] of Object.entries(v)) {
          if (Array.isArray(x)) x.forEach((y, i) => out.push({ key, value: y, path: [...prefix, key, op, i] }));
          else if (op === 'eq' || op === 'neq') out.push({ key, value: x, path: [...prefix, key, op] });
        }
      } else out.push({ key, value: v, path: [...prefix, key] });
    }
  };
  visit(where, []);
  return out;
}

/** Keys a `where` filters on (top level and inside and / or / not), with their path. */
export function whereKeys(where: Record<string, unknown>): Array<{ key: string; path: Array<string | number> }> {
  const out: Array<{ key: string; path: Array<string | number> }> = [];
  const visit = (w: Record<string, unknown>, prefix: Array<string | number>): void => {
    for (const [key, v] of Object.entries(w)) {
      if ((key === 'and' || key === 'or') && Array.isArray(v))
        v.forEach((x, i) => visit(x as Record<string, unknown>, [...prefix, key, i]));
      else if (key === 'not' && v && typeof v === 'object') visit(v as Record<string, unknown>, [...prefix, key]);
      else out.push({ key, path: [...prefix, key] });
    }
  };
  visit(where, []);
  return out;
}
