// The pack's templates by kind: letters and emails by id, partials and layouts by
// name, with a locale variant (`signature.en`) preferred for a template in that locale.
import type { TemplateDef } from '../pack/index.ts';

const LOCALE_SUFFIX = /\.([a-z]{2,3}(?:-[A-Z]{2})?)$/;

export interface TemplateSet {
  /** letters/greeting, emails/launch-invitation.en, … */
  documents: Map<string, TemplateDef>;
  partials: Map<string, TemplateDef>;
  layouts: Map<string, TemplateDef>;
}

export function templateSet(templates: readonly TemplateDef[]): TemplateSet {
  const set: TemplateSet = { documents: new Map(), partials: new Map(), layouts: new Map() };
  for (const t of templates) {
    const name = t.id.replace(/^[^/]+\//, '');
    if (t.channel === 'partial') set.partials.set(name, t);
    else if (t.channel === 'layout') set.layouts.set(name, t);
    else set.documents.set(t.id, t);
  }
  return set;
}

/** `name.<locale>` when it exists (or `name.<language>`), else `name`. */
export function pickLocalised(map: ReadonlyMap<string, TemplateDef>, name: string, locale: string): TemplateDef | undefined {
  return map.get(`${name}.${locale}`) ?? map.get(`${name}.${locale.split('-')[0]}`) ?? map.get(name);
}

/** Names without their locale suffix, for did-you-mean. */
export function baseNames(map: ReadonlyMap<string, TemplateDef>): string[] {
  return [...new Set([...map.keys()].map((k) => k.replace(LOCALE_SUFFIX, '')))];
}

/**
 * The document a user means by `--template`: an exact id (`letters/greeting`), or a
 * name (`greeting`, `greeting.en`) when only one folder has it, optionally in a locale.
 */
export function findDocument(set: TemplateSet, wanted: string, locale?: string): { template?: TemplateDef; candidates: string[] } {
  const ids = [...set.documents.keys()];
  const direct = set.documents.get(wanted) ?? (locale ? set.documents.get(`${wanted}.${locale}`) : undefined);
  if (direct) return { template: direct, candidates: ids };
  const matches = ids.filter((id) => {
    const name = id.replace(/^[^/]+\//, '');
    return name === wanted || (locale !== undefined && name === `${wanted}.${locale}`);
  });
  const preferred = locale ? matches.filter((id) => id.endsWith(`.${locale}`)) : matches.filter((id) => !LOCALE_SUFFIX.test(id));
  const pick = preferred.length === 1 ? preferred : matches;
  return pick.length === 1
    ? { template: set.documents.get(pick[0]!)!, candidates: ids }
    : { candidates: matches.length > 1 ? matches : ids };
}
