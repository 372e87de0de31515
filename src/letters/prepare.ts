// Everything known about one letter or email template before any record is read:
// its front matter, its body, subject, layout and partials checked against the
// catalogue and instrumented for strict rendering, the selection that fetches what
// it reads, and its version (a hash of every file it is made of).
import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import { didYouMean, type TemplateDef } from '../pack/index.ts';
import { emailFieldOf, objectByRef, type Catalogue, type CatalogueObject } from './catalogue.ts';
import { readMeta, type TemplateMeta } from './front-matter.ts';
import { baseNames, pickLocalised, type TemplateSet } from './template-set.ts';
import { LAYOUT_MEMBERS, resolveParts, rootType, type VarType } from './var-types.ts';
import { parseWhere, type Filter } from './where.ts';
import { seasonalProblems } from './seasonal.ts';
import { walkTemplate, type BodyProblem, type PartialSource, type WalkState } from './walk.ts';

type Program = hbs.AST.Program;

export interface PreparedTemplate {
  def: TemplateDef;
  meta: TemplateMeta;
  object: CatalogueObject;
  body: Program;
  subject?: Program;
  layout?: { def: TemplateDef; ast: Program };
  partials: Map<string, Program>;
  /** Paths below the record that the template reads (for the query and the preview). */
  paths: string[][];
  /** Records read once per run and given to every letter under their name. */
  lists: PreparedList[];
  /** Emails: the path of the address below the record, e.g. ["emails", "primaryEmail"]. */
  toPath?: string[];
  /** The version sent with each email and logged: a hash of the template, its layout and partials. */
  version: string;
  problems: BodyProblem[];
}

export interface PreparedList {
  name: string;
  object: CatalogueObject;
  filter: Filter | undefined;
  limit: number;
  paths: string[][];
}

/** Selects of a list start with this marker and the list's name. */
const LIST_MARK = '$list:';

/** The opt-out flag a recipient may carry (DOMAIN: marketing consent). */
export const OPT_OUT_FIELD = 'marketingOptOut';

export function prepareTemplate(def: TemplateDef, set: TemplateSet, catalogue: Catalogue): PreparedTemplate | { problems: BodyProblem[] } {
  const read = readMeta(def, catalogue.defaultLocale);
  const problems: BodyProblem[] = read.problems.map((p) => ({
    file: p.file,
    line: 1,
    col: 1,
    message: p.message,
    severity: 'error',
    yamlPath: p.path.map(String),
    ...(p.hint ? { hint: p.hint } : {}),
  }));
  const meta = read.meta;
  if (!meta) return { problems };
  const frontMatter = (message: string, yamlPath: string[], hint?: string, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ file: def.source.file, line: 1, col: 1, message, severity, yamlPath, ...(hint ? { hint } : {}) });
  };
  const object = objectByRef(catalogue, meta.object);
  if (!object) {
    const hint = didYouMean(meta.object.replace(/^standard:/, ''), catalogue.objects.keys());
    frontMatter(
      `unknown object \`${meta.object}\``,
      ['object'],
      hint ?? `known objects: ${[...catalogue.objects.keys()].sort().join(', ')}`,
    );
    return { problems };
  }
  const recordName = object.nameSingular;
  const used = new Set<TemplateDef>();
  const state: WalkState = {
    catalogue,
    recordName,
    fallbacks: meta.fallbacks,
    usedFallbacks: new Set(),
    problems,
    selects: [],
    partials: new Map(),
    layout: false,
    amountsAllowed: meta.channel !== 'letter' || meta.confidential,
    partialNames: () => baseNames(set.partials),
    findPartial: (name): PartialSource | undefined => {
      const p = pickLocalised(set.partials, name, meta.locale);
      if (!p) return undefined;
      used.add(p);
      return { name, spot: { file: p.source.file, line: p.bodyLine, col: 1 }, parse: () => Handlebars.parse(p.body) };
    },
  };
  const listMembers: Record<string, VarType> = {};
  const lists: Array<Omit<PreparedList, 'paths'>> = [];
  for (const [name, spec] of Object.entries(meta.lists)) {
    const listObject = objectByRef(catalogue, spec.object);
    if (!listObject) {
      frontMatter(
        `unknown object \`${spec.object}\` in list ${name}`,
        ['lists', name, 'object'],
        didYouMean(spec.object, catalogue.objects.keys()),
      );
      continue;
    }
    const where = parseWhere(spec.where, listObject, catalogue);
    if (!where.ok) {
      for (const p of where.problems)
        frontMatter(`list ${name}: ${p.message} (at column ${p.col} of where)`, ['lists', name, 'where'], p.hint);
      continue;
    }
    listMembers[name] = { kind: 'list', of: { kind: 'record', object: listObject.nameSingular, select: [`${LIST_MARK}${name}`] } };
    lists.push({ name, object: listObject, filter: where.filter, limit: spec.limit });
  }
  const settingsKnown = catalogue.settings !== undefined;
  const root = rootType(recordName, object.nameSingular, listMembers, settingsKnown);
  const body = parseOrReport(def.body, { file: def.source.file, line: def.bodyLine, col: 1 }, problems);
  if (body) {
    // Letters are printed on one date and posted later: seasonal words only inside {{#if (yearEnd …)}}.
    // Before the walk, which rewrites the tree for strict rendering.
    if (meta.channel === 'letter') problems.push(...seasonalProblems(body, { file: def.source.file, line: def.bodyLine, col: 1 }));
    walkTemplate(body, root, { file: def.source.file, line: def.bodyLine, col: 1 }, state);
  }

  let subject: Program | undefined;
  if (meta.subject !== undefined) {
    const subjectProblems: BodyProblem[] = [];
    subject = parseOrReport(meta.subject, { file: def.source.file, line: 1, col: 1 }, subjectProblems);
    if (subject) walkTemplate(subject, root, { file: def.source.file, line: 1, col: 1 }, { ...state, problems: subjectProblems });
    for (const p of subjectProblems) problems.push({ ...p, yamlPath: ['subject'], message: `subject: ${p.message}` });
  }

  let layout: PreparedTemplate['layout'];
  if (meta.layout !== 'none') {
    const layoutDef = pickLocalised(set.layouts, meta.layout, meta.locale);
    if (!layoutDef && meta.layoutGiven) {
      const hint = didYouMean(meta.layout, baseNames(set.layouts));
      frontMatter(
        `unknown layout \`${meta.layout}\``,
        ['layout'],
        hint ?? `add templates/layouts/${meta.layout}.hbs, or write \`layout: none\``,
      );
    } else if (layoutDef) {
      const spot = { file: layoutDef.source.file, line: layoutDef.bodyLine, col: 1 };
      const ast = parseOrReport(layoutDef.body, spot, problems);
      if (ast) {
        walkTemplate(ast, rootType(recordName, object.nameSingular, { ...listMembers, ...LAYOUT_MEMBERS }, settingsKnown), spot, {
          ...state,
          layout: true,
        });
        layout = { def: layoutDef, ast };
        used.add(layoutDef);
      }
    }
  }

  const recordType: VarType = { kind: 'record', object: recordName, select: [] };
  (meta.fields ?? []).forEach((f, i) => {
    const parts = f.replace(new RegExp(`^${recordName}\\.`), '').split('.');
    const r = resolveParts(catalogue, recordType, parts);
    if (!r.ok) frontMatter(`fields: ${r.message}`, ['fields', String(i)], r.hint);
    else state.selects.push(parts);
  });
  for (const key of Object.keys(meta.fallbacks)) {
    if (!state.usedFallbacks.has(key))
      frontMatter(
        `fallback for \`${key}\`, which the template never prints`,
        ['fallbacks', key],
        'write the path as the body does, e.g. company.name',
        'warning',
      );
  }

  let toPath: string[] | undefined;
  if (meta.channel === 'email') {
    toPath = meta.to ? meta.to.replace(new RegExp(`^${recordName}\\.`), '').split('.') : defaultToPath(object);
    if (!toPath)
      frontMatter(`${recordName} has no EMAILS field to send to`, ['object'], 'add `to: <path of an address>` to the front matter');
    else {
      const r = resolveParts(catalogue, recordType, toPath);
      if (!r.ok) frontMatter(`to: ${r.message}`, ['to'], r.hint);
      else state.selects.push(toPath);
    }
  }
  if (object.fields.has(OPT_OUT_FIELD)) state.selects.push([OPT_OUT_FIELD]);

  const mainPaths = state.selects.filter((p) => !p[0]?.startsWith(LIST_MARK));
  const preparedLists = lists.map((l) => ({
    ...l,
    paths: dedupe(state.selects.filter((p) => p[0] === `${LIST_MARK}${l.name}`).map((p) => p.slice(1))),
  }));
  return {
    def,
    meta,
    object,
    lists: preparedLists,
    body: body ?? Handlebars.parse(''),
    ...(subject ? { subject } : {}),
    ...(layout ? { layout } : {}),
    partials: state.partials,
    paths: dedupe(mainPaths),
    ...(toPath ? { toPath } : {}),
    version: versionOf(def, [...used]),
    problems,
  };
}

function defaultToPath(object: CatalogueObject): string[] | undefined {
  const field = emailFieldOf(object);
  return field ? [field.name, 'primaryEmail'] : undefined;
}

function parseOrReport(text: string, spot: { file: string; line: number; col: number }, problems: BodyProblem[]): Program | undefined {
  try {
    return Handlebars.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /Parse error on line (\d+)/.exec(message);
    const line = m ? Number(m[1]) : 1;
    const detail = message.split('\n').slice(-1)[0] ?? message;
    problems.push({ file: spot.file, line: spot.line + line - 1, col: 1, message: `Handlebars syntax: ${detail}`, severity: 'error' });
    return undefined;
  }
}

function dedupe(paths: string[][]): string[][] {
  const seen = new Map<string, string[]>();
  for (const p of paths) seen.set(p.join('.'), p);
  return [...seen.values()].sort((a, b) => a.join('.').localeCompare(b.join('.')));
}

/** sha256 of the template's own text and every layout and partial it uses, 12 hex digits. */
export function versionOf(def: TemplateDef, parts: readonly TemplateDef[]): string {
  const hash = createHash('sha256');
  for (const t of [def, ...[...parts].sort((a, b) => a.id.localeCompare(b.id))]) {
    hash.update(`${t.id}\0${JSON.stringify(t.frontMatter)}\0${t.body}\0`);
  }
  return hash.digest('hex').slice(0, 12);
}
