// A prepared template turned into functions: one Handlebars environment per
// template (its helpers and instrumented partials), HTML-escaping on, and a render
// that returns the letter together with every value it was missing.
import Handlebars from 'handlebars';
import type { Catalogue } from './catalogue.ts';
import { defaultRuntime, handlebarsHelpers, HELPERS, REQUIRE_HELPER, type MissingValue, type RenderData } from './helpers/registry.ts';
import type { PreparedTemplate } from './prepare.ts';

/** The built-in variables of one run (see rootType in var-types.ts). */
export interface RunVariables {
  /** YYYY-MM-DD */
  today: string;
  campaign?: string;
  unsubscribe?: { url?: string; mailto?: string };
  /** The template's lists, read once for the run. */
  lists?: Record<string, unknown[]>;
}

export interface RenderedLetter {
  /** The whole page: the body inside its layout. */
  html: string;
  subject?: string;
  missing: MissingValue[];
}

export interface CompiledTemplate {
  prepared: PreparedTemplate;
  render(
    record: Record<string, unknown>,
    vars: RunVariables,
    recipient?: { name?: string; email?: string },
    options?: { markMissing?: boolean },
  ): RenderedLetter;
}

type Delegate = Handlebars.TemplateDelegate;

export function compileTemplate(prepared: PreparedTemplate, catalogue: Catalogue): CompiledTemplate {
  const env = Handlebars.create();
  const runtime = defaultRuntime((key) => {
    const [object = '', field = ''] = key.split('.');
    return catalogue.objects.get(object)?.fields.get(field)?.options;
  }, catalogue.defaultLocale);
  const helpers = handlebarsHelpers(runtime);
  for (const [name, fn] of Object.entries(helpers)) env.registerHelper(name, fn as Handlebars.HelperDelegate);
  const knownHelpers: Record<string, boolean> = { [REQUIRE_HELPER]: true };
  for (const h of HELPERS) knownHelpers[h.name] = true;
  const options = { knownHelpers, knownHelpersOnly: false, strict: false, noEscape: false, preventIndent: true } as const;
  const compile = (ast: hbs.AST.Program): Delegate => env.compile(ast, options);
  for (const [name, ast] of prepared.partials) env.registerPartial(name, compile(ast));

  const body = compile(prepared.body);
  const subject = prepared.subject ? compile(prepared.subject) : undefined;
  const layout = prepared.layout ? compile(prepared.layout.ast) : undefined;
  const { meta, object } = prepared;
  const recordName = object.nameSingular;
  const template = { id: meta.id, description: meta.description ?? '' };
  const lang = meta.locale;
  const settings = catalogue.settings;
  const bank = settings?.bank ?? {};
  const email = settings ? { from: settings.email.from, replyTo: settings.email.replyTo } : {};
  // The footer's unsubscribe address: the sender's (per run) wins, else the pack's settings.
  const unsubscribeDefault = settings ? { mailto: settings.email.unsubscribe.mailto } : {};
  const name = meta.id.replace(/^[^/]+\//, '');

  return {
    prepared,
    render(record, vars, recipient = {}, options = {}) {
      const data: RenderData = { locale: meta.locale, missing: [], ...(options.markMissing ? { markMissing: true } : {}) };
      const context: Record<string, unknown> = {
        ...vars.lists,
        [recordName]: record,
        today: vars.today,
        campaign: vars.campaign ?? null,
        unsubscribe: { ...unsubscribeDefault, ...vars.unsubscribe },
        recipient,
        template,
        bank,
        email,
        confidential: meta.confidential,
      };
      const bodyHtml = body(context, { data });
      // Handlebars escaped the subject as HTML; it is plain text from here on, and the
      // layout escapes it once more where it prints it (<title>, the heading).
      const subjectText = subject ? decodeEntities(subject(context, { data }).trim()) : undefined;
      const page = {
        body: new Handlebars.SafeString(bodyHtml),
        title: subjectText ?? name,
        subject: subjectText ?? '',
        paper: meta.paper,
        lang,
      };
      const html = layout ? layout({ ...context, ...page }, { data }) : bodyHtml;
      return { html, ...(subjectText !== undefined ? { subject: subjectText } : {}), missing: dedupeMissing(data.missing) };
    },
  };
}

/** A subject is plain text: undo the HTML-escaping Handlebars applied. */
function decodeEntities(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|#x27|#x60|#x3D);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#x60': '`', '#x3D': '=' })[e] ?? _,
  );
}

function dedupeMissing(list: MissingValue[]): MissingValue[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const key = `${m.variable}@${m.file}:${m.line}:${m.col}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
