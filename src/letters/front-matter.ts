// A template's front matter, read into a typed value. The JSON Schema
// (schemas/template.schema.json) already checked the shapes; this adds what depends
// on the folder (emails need a subject) and fills the defaults.
import type { TemplateDef, PendingProblem } from '../pack/index.ts';

export const PAPER_SIZES = ['A4', 'A5', 'B5', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface TemplateMeta {
  id: string;
  channel: TemplateDef['channel'];
  /** The object whose records the template is rendered for (nameSingular). */
  object: string;
  description?: string;
  /** The subject line (emails: required), itself a Handlebars string; a letter prints it as its heading. Also the HTML and PDF title. */
  subject?: string;
  /** Letters: may print amounts (balances, prices). Off by default: a posted letter shows no figures (docs/letters.md). */
  confidential: boolean;
  /** A layout name under templates/layouts/ (without locale or .hbs); "none" for no layout. */
  layout: string;
  /** False when `layout` is the default: then a pack without that layout renders the body alone. */
  layoutGiven: boolean;
  locale: string;
  paper: PaperSize;
  /** Fields the template declares it needs; merged with those its body uses. */
  fields?: string[];
  /** Values to use when a variable is empty, keyed by the path as written in the body. */
  fallbacks: Record<string, string>;
  /** Emails: the path of the recipient's address (default: the object's first EMAILS field). */
  to?: string;
  /** The contact log's topic (a value of contactLog.topic) for each letter or email sent. */
  topic?: string;
  /** Records read once per run and shown to every recipient (`bounties: { object: bounty, where: status=POSTED }`). */
  lists: Record<string, ListSpec>;
}

export interface ListSpec {
  object: string;
  where?: string;
  limit: number;
}

type Data = Record<string, unknown>;

export function readMeta(t: TemplateDef, defaultLocale: string): { meta?: TemplateMeta; problems: PendingProblem[] } {
  const fm = t.frontMatter as Data;
  const problems: PendingProblem[] = [];
  const at = (path: string[], message: string, hint?: string): void => {
    problems.push({ file: t.source.file, path, message, rule: 'template', ...(hint ? { hint } : {}) });
  };
  const str = (key: string): string | undefined => (typeof fm[key] === 'string' ? (fm[key] as string) : undefined);
  const object = str('object');
  if (fm.confidential !== undefined && t.channel !== 'letter')
    at(['confidential'], '`confidential` is for letters: emails, layouts and partials do not take it', 'remove it');
  if (t.channel === 'letter' || t.channel === 'email') {
    if (!object)
      at(
        [],
        `a ${t.channel} template names the object it is written for`,
        'add `object: company` (or person, or a custom object) to the front matter',
      );
    if (t.channel === 'email' && !str('subject'))
      at([], 'an email template needs a subject', 'add `subject: "…"` to the front matter (it may use {{variables}})');
  }
  const paper = str('paper') ?? 'A4';
  if (!(PAPER_SIZES as readonly string[]).includes(paper))
    at(['paper'], `unknown paper size "${paper}"`, `use one of ${PAPER_SIZES.join(', ')}`);
  const fallbacks: Record<string, string> = {};
  if (fm.fallbacks && typeof fm.fallbacks === 'object' && !Array.isArray(fm.fallbacks)) {
    for (const [k, v] of Object.entries(fm.fallbacks as Data)) fallbacks[k] = String(v);
  }
  const lists: Record<string, ListSpec> = {};
  if (fm.lists && typeof fm.lists === 'object' && !Array.isArray(fm.lists)) {
    for (const [name, raw] of Object.entries(fm.lists as Data)) {
      const spec = (raw ?? {}) as Data;
      if (typeof spec.object !== 'string') {
        at(['lists', name], `list \`${name}\` needs an object`, 'write `' + name + ': { object: bounty, where: "status=POSTED" }`');
        continue;
      }
      lists[name] = {
        object: spec.object,
        limit: typeof spec.limit === 'number' ? spec.limit : 50,
        ...(typeof spec.where === 'string' ? { where: spec.where } : {}),
      };
    }
  }
  const fields = Array.isArray(fm.fields) ? fm.fields.map(String) : undefined;
  const localeFromId = /\.([a-z]{2}(?:-[A-Z]{2})?)$/.exec(t.id)?.[1];
  const meta: TemplateMeta = {
    id: t.id,
    channel: t.channel,
    object: object ?? '',
    layout: str('layout') ?? (t.channel === 'email' ? 'email' : 'letter'),
    layoutGiven: str('layout') !== undefined,
    locale: str('locale') ?? localeFromId ?? defaultLocale,
    paper: paper as PaperSize,
    fallbacks,
    lists,
    confidential: fm.confidential === true,
    ...(str('topic') ? { topic: str('topic') } : {}),
    ...(str('description') ? { description: str('description') } : {}),
    ...(str('subject') ? { subject: str('subject') } : {}),
    ...(fields ? { fields } : {}),
    ...(str('to') ? { to: str('to') } : {}),
  };
  return { meta: problems.length === 0 ? meta : undefined, problems };
}
