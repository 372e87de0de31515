// One pass over a template's Handlebars syntax tree that both checks it and makes
// it strict. Checking: every variable is a field of its object (through relations,
// inside #each and #with, in partials), every helper and partial exists, CRM data
// is never printed unescaped. Instrumenting: each variable a letter prints, or
// hands to a helper that needs a value, is wrapped in {{__required …}}, which
// records it when empty (unless a fallback was stated) so the letter can be stopped
// with the recipient and variable named. Handlebars' own `strict` mode cannot do
// this: Twenty returns empty fields as null, which it lets through.
/// <reference types="handlebars" />
import { didYouMean } from '../pack/index.ts';
import type { Catalogue } from './catalogue.ts';
import { BUILTIN_BLOCK_HELPERS, HELPER_BY_NAME, HELPERS, REQUIRE_HELPER, type HelperSpec } from './helpers/registry.ts';
import { resolveParts, type Resolved, type VarType } from './var-types.ts';
import { isCrmData, isSimple, literal, pair, printable, segmentLoc } from './walk-support.ts';

type Program = hbs.AST.Program;
type Statement = hbs.AST.Statement;
type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression;
type SubExpression = hbs.AST.SubExpression;
type MustacheStatement = hbs.AST.MustacheStatement;
type BlockStatement = hbs.AST.BlockStatement;
type PartialStatement = hbs.AST.PartialStatement;
type Hash = hbs.AST.Hash;
type HashPair = hbs.AST.HashPair;
type SourceLocation = hbs.AST.SourceLocation;

export interface BodyProblem {
  file: string;
  line: number;
  col: number;
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
  /** Set for a problem in the front matter: the YAML path of the key (line and col are then unknown). */
  yamlPath?: string[];
}

/** Where a piece of Handlebars text sits in its file. */
export interface SourceSpot {
  file: string;
  /** File line of the text's first line. */
  line: number;
  /** File column of the text's first character (later lines start at column 1). */
  col: number;
}

export interface PartialSource {
  name: string;
  spot: SourceSpot;
  parse(): Program;
}

export interface WalkState {
  catalogue: Catalogue;
  recordName: string;
  fallbacks: Record<string, string>;
  usedFallbacks: Set<string>;
  problems: BodyProblem[];
  /** Paths below the recipient record that the template reads. */
  selects: string[][];
  findPartial(name: string): PartialSource | undefined;
  partialNames(): string[];
  /** Instrumented partials, registered on the template's Handlebars environment. */
  partials: Map<string, Program>;
  /** In a layout, `{{{body}}}` is the one unescaped output allowed. */
  layout: boolean;
  /** False in a letter without `confidential: true`: amount helpers are refused (a posted letter shows no figures). */
  amountsAllowed: boolean;
}

interface Frame {
  type: VarType;
  params: Map<string, VarType>;
  parent?: Frame;
  /** Inside #each: @index, @first… exist. */
  loop: boolean;
}

const LOOP_DATA = new Set(['index', 'key', 'first', 'last']);

export function walkTemplate(program: Program, root: VarType, spot: SourceSpot, state: WalkState): void {
  new Walker(state, spot, []).program(program, { type: root, params: new Map(), loop: false });
}

class Walker {
  constructor(
    private readonly s: WalkState,
    private readonly spot: SourceSpot,
    private readonly partialStack: string[],
  ) {}

  program(p: Program | undefined, frame: Frame): void {
    if (!p) return;
    for (const statement of p.body) this.statement(statement, frame);
  }

  private pos(loc: SourceLocation | undefined): { line: number; col: number } {
    const line = loc?.start.line ?? 1;
    const column = loc?.start.column ?? 0;
    return { line: this.spot.line + line - 1, col: (line === 1 ? this.spot.col : 1) + column };
  }

  private problem(loc: SourceLocation | undefined, message: string, hint?: string, severity: 'error' | 'warning' = 'error'): void {
    const via = this.partialStack.length > 0 ? ` (via ${this.partialStack.join(' → ')})` : '';
    this.s.problems.push({ file: this.spot.file, ...this.pos(loc), message: `${message}${via}`, ...(hint ? { hint } : {}), severity });
  }

  private at(loc: SourceLocation | undefined): string {
    const { line, col } = this.pos(loc);
    return `${this.spot.file}|${line}|${col}`;
  }

  private statement(st: Statement, frame: Frame): void {
    switch (st.type) {
      case 'MustacheStatement':
        return this.mustache(st as MustacheStatement, frame);
      case 'BlockStatement':
        return this.block(st as BlockStatement, frame);
      case 'PartialStatement':
        return this.partial(st as PartialStatement, frame);
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      default:
        this.problem(
          st.loc,
          `${st.type} is not supported in bankpack templates`,
          'use plain {{> partial}}, {{#if}}, {{#each}} and {{#with}}',
        );
    }
  }

  private mustache(m: MustacheStatement, frame: Frame): void {
    if (m.path.type !== 'PathExpression') return;
    const path = m.path as PathExpression;
    const hasArgs = m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0;
    const simple = isSimple(path);
    if (hasArgs || (simple && (HELPER_BY_NAME.has(path.original) || BUILTIN_BLOCK_HELPERS.has(path.original)))) {
      this.helperCall(m, frame);
      return;
    }
    if (this.s.layout && simple && path.original === 'body' && frame.parent === undefined) return; // {{{body}}} in a layout
    const r = this.resolve(path, frame);
    if (!r.ok) return;
    const what = printable(r.type, path.original);
    if (what) {
      this.problem(path.loc, what.message, what.hint);
      return;
    }
    if (r.type.kind === 'value' && r.type.field?.type === 'SELECT') {
      this.problem(
        path.loc,
        `\`${path.original}\` prints the stored value (e.g. ${r.type.field.options?.[0]?.value ?? 'VALUE'}), not its label`,
        `write {{label ${path.original}}}`,
        'warning',
      );
    }
    if (!m.escaped && isCrmData(r.type)) {
      this.problem(path.loc, `{{{${path.original}}}} prints CRM data without HTML-escaping`, `write {{${path.original}}}`);
      return;
    }
    this.select(r.type);
    const required = this.required(path);
    m.path = required.path;
    m.params = required.params;
    m.hash = required.hash;
  }

  private block(b: BlockStatement, frame: Frame): void {
    const name = b.path.original;
    if (name === 'if' || name === 'unless') {
      if (b.params.length !== 1) this.problem(b.loc, `#${name} takes one condition`);
      b.params = b.params.map((p) => this.expression(p, frame, { required: false }));
      this.program(b.program, frame);
      this.program(b.inverse, frame);
      return;
    }
    if (name === 'each' || name === 'with') {
      const param = b.params[0];
      if (b.params.length !== 1 || !param) {
        this.problem(b.loc, `#${name} takes one value`);
        return;
      }
      let inner: VarType = { kind: 'any' };
      if (param.type === 'PathExpression') {
        const r = this.resolve(param as PathExpression, frame);
        if (r.ok) {
          inner = r.type;
          if (name === 'each') {
            if (r.type.kind === 'list') inner = r.type.of;
            else if (r.type.kind !== 'any') {
              this.problem(param.loc, `#each needs a list; \`${(param as PathExpression).original}\` is not one`);
              inner = { kind: 'any' };
            }
          }
          this.selectId(inner);
        }
      } else b.params = [this.expression(param, frame, { required: false })];
      const params = new Map(frame.params);
      const names = b.program.blockParams ?? [];
      if (names[0]) params.set(names[0], inner);
      if (names[1]) params.set(names[1], { kind: 'value', what: 'the index' });
      this.program(b.program, { type: inner, params, parent: frame, loop: name === 'each' || frame.loop });
      this.program(b.inverse, frame);
      return;
    }
    const spec = HELPER_BY_NAME.get(name);
    if (spec) this.problem(b.path.loc, `${name} is not a block helper`, `write {{${name} …}} without #`);
    else this.unknownHelper(b.path);
  }

  private partial(p: PartialStatement, frame: Frame): void {
    if (p.name.type !== 'PathExpression') {
      this.problem(p.loc, 'dynamic partials are not supported', 'name the partial: {{> signature}}');
      return;
    }
    const name = (p.name as PathExpression).original;
    const source = this.s.findPartial(name);
    if (!source) {
      const hint = didYouMean(name, this.s.partialNames());
      this.problem(p.name.loc, `unknown partial \`${name}\``, hint ?? `add templates/partials/${name}.hbs`);
      return;
    }
    if (this.partialStack.includes(name)) {
      this.problem(p.loc, `partial \`${name}\` includes itself`);
      return;
    }
    let inner = frame;
    const context = p.params[0];
    if (context && context.type === 'PathExpression') {
      const r = this.resolve(context as PathExpression, frame);
      inner = { type: r.ok ? r.type : { kind: 'any' }, params: new Map(frame.params), parent: frame, loop: frame.loop };
      if (r.ok) this.selectId(r.type);
    }
    if (p.hash && p.hash.pairs.length > 0) {
      const params = new Map(inner.params);
      // {{> signature manager=company.relationshipManager}}: the partial sees `manager` with its type;
      // its own uses of it are checked and required there.
      for (const pair of p.hash.pairs) {
        let type: VarType = { kind: 'value', what: `the partial argument ${pair.key}` };
        if (pair.value.type === 'PathExpression') {
          const r = this.resolve(pair.value as PathExpression, frame);
          type = r.ok ? r.type : { kind: 'any' };
          if (r.ok) this.selectId(r.type);
        } else pair.value = this.expression(pair.value, frame, { required: false });
        params.set(pair.key, type);
      }
      inner = { ...inner, params };
    }
    const ast = source.parse();
    new Walker(this.s, source.spot, [...this.partialStack, name]).program(ast, inner);
    if (!this.s.partials.has(name)) this.s.partials.set(name, ast);
  }

  /** A helper call (mustache or sub-expression): check it, require its arguments, annotate it. */
  private helperCall(node: MustacheStatement | SubExpression, frame: Frame): void {
    const path = node.path as PathExpression;
    const name = path.original;
    if (!isSimple(path)) {
      this.problem(
        path.loc,
        `\`${name}\` is given arguments, but only a helper takes arguments`,
        `known helpers: ${HELPERS.map((h) => h.name).join(', ')}`,
      );
      return;
    }
    if (name === 'lookup' || name === 'log') return;
    if (BUILTIN_BLOCK_HELPERS.has(name)) {
      this.problem(path.loc, `${name} is a block helper`, `write {{#${name} …}}…{{/${name}}}`);
      return;
    }
    const spec = HELPER_BY_NAME.get(name);
    if (!spec) {
      this.unknownHelper(path);
      return;
    }
    if (node.params.length < spec.minParams || node.params.length > spec.maxParams) {
      const n = spec.minParams === spec.maxParams ? `${spec.minParams}` : `${spec.minParams} to ${spec.maxParams}`;
      this.problem(path.loc, `${name} takes ${n} argument${spec.maxParams === 1 ? '' : 's'}, got ${node.params.length}`, spec.description);
      return;
    }
    if (spec.amount && !this.s.amountsAllowed) {
      this.problem(
        path.loc,
        `{{${name} …}} prints an amount in a letter that goes by post; a client's figures are not printed by default`,
        'remove the amount, or add `confidential: true` to the front matter (the letter is then marked 亲启, to be opened by the addressee only)',
      );
    }
    const annotations: HashPair[] = [pair('__at', this.at(path.loc), path.loc)];
    node.params = node.params.map((p, i) => {
      if (i === 0 && spec.wantsSelectField) {
        const key = this.selectField(p, frame, spec);
        if (key) annotations.push(pair('field', key, path.loc));
      }
      return this.expression(p, frame, {
        required: !spec.tolerant,
        ...(i === 0 && spec.recordFields ? { recordFields: spec.recordFields } : {}),
      });
    });
    const hash: Hash = node.hash ?? { type: 'Hash', pairs: [], loc: path.loc };
    for (const h of hash.pairs) h.value = this.expression(h.value, frame, { required: !spec.tolerant });
    hash.pairs.push(...annotations);
    node.hash = hash;
  }

  private selectField(p: Expression, frame: Frame, spec: HelperSpec): string | undefined {
    if (p.type !== 'PathExpression') return undefined;
    const r = this.resolve(p as PathExpression, frame, false);
    if (!r.ok || r.type.kind === 'any') return undefined;
    if (r.type.kind === 'value' && (r.type.field?.type === 'SELECT' || r.type.field?.type === 'MULTI_SELECT')) return r.type.fieldKey;
    this.problem(p.loc, `${spec.name} needs a SELECT field; \`${(p as PathExpression).original}\` is not one`);
    return undefined;
  }

  private expression(e: Expression, frame: Frame, opts: { required: boolean; recordFields?: readonly string[] }): Expression {
    if (e.type === 'SubExpression') {
      this.helperCall(e as SubExpression, frame);
      return e;
    }
    if (e.type !== 'PathExpression') return e;
    const path = e as PathExpression;
    const r = this.resolve(path, frame);
    if (!r.ok) return e;
    if (r.type.kind === 'record' && opts.recordFields) {
      const object = this.s.catalogue.objects.get(r.type.object);
      for (const f of opts.recordFields) if (object?.fields.has(f) && r.type.select) this.s.selects.push([...r.type.select, f]);
      this.selectId(r.type);
    } else this.select(r.type);
    if (!opts.required) return e;
    const required = this.required(path);
    return { type: 'SubExpression', path: required.path, params: required.params, hash: required.hash, loc: path.loc } as SubExpression;
  }

  /** {{__required path "path" at=… [fallback=…]}} */
  private required(path: PathExpression): { path: PathExpression; params: Expression[]; hash: Hash } {
    const pairs = [pair('__at', this.at(path.loc), path.loc)];
    const key = this.fallbackKey(path.original);
    if (key !== undefined) {
      this.s.usedFallbacks.add(key);
      pairs.push(pair('fallback', this.s.fallbacks[key]!, path.loc));
    }
    return {
      path: { type: 'PathExpression', data: false, depth: 0, parts: [REQUIRE_HELPER], original: REQUIRE_HELPER, loc: path.loc },
      params: [path, literal(path.original, path.loc)],
      hash: { type: 'Hash', pairs, loc: path.loc },
    };
  }

  private fallbackKey(original: string): string | undefined {
    if (original in this.s.fallbacks) return original;
    const prefix = `${this.s.recordName}.`;
    if (original.startsWith(prefix) && original.slice(prefix.length) in this.s.fallbacks) return original.slice(prefix.length);
    return undefined;
  }

  private resolve(path: PathExpression, frame: Frame, report = true): Resolved {
    const fail = (r: Resolved, passed: readonly string[] = path.parts): Resolved => {
      if (!r.ok && report) this.problem(segmentLoc(path, passed, r.at), r.message, r.hint);
      return r;
    };
    if (path.data) {
      const [head, ...rest] = path.parts;
      if (head === 'root') {
        let root = frame;
        while (root.parent) root = root.parent;
        return fail(resolveParts(this.s.catalogue, root.type, rest), rest);
      }
      if (head && LOOP_DATA.has(head) && rest.length === 0) {
        return frame.loop
          ? { ok: true, type: { kind: 'value', what: `@${head}` } }
          : fail({ ok: false, at: 0, message: `@${head} exists only inside {{#each}}` });
      }
      return fail({
        ok: false,
        at: 0,
        message: `unknown data variable \`@${path.parts.join('.')}\``,
        hint: 'known: @root, @index, @key, @first, @last',
      });
    }
    let f: Frame | undefined = frame;
    for (let d = 0; d < path.depth && f; d++) f = f.parent;
    if (!f) return fail({ ok: false, at: 0, message: `\`${path.original}\` goes above the template's top level` });
    const [head, ...rest] = path.parts;
    if (head !== undefined && path.depth === 0 && f.params.has(head))
      return fail(resolveParts(this.s.catalogue, f.params.get(head)!, rest), rest);
    return fail(resolveParts(this.s.catalogue, f.type, path.parts));
  }

  private select(type: VarType): void {
    if (type.kind === 'record') this.selectId(type);
    else if (type.kind !== 'struct' && type.kind !== 'any' && type.select) this.s.selects.push(type.select);
  }

  private selectId(type: VarType): void {
    if ((type.kind === 'record' || type.kind === 'list') && type.select) this.s.selects.push([...type.select, 'id']);
  }

  private unknownHelper(path: PathExpression): void {
    const hint = didYouMean(path.original, [...HELPER_BY_NAME.keys(), ...BUILTIN_BLOCK_HELPERS]);
    this.problem(path.loc, `unknown helper \`${path.original}\``, hint ?? `known helpers: ${HELPERS.map((h) => h.name).join(', ')}`);
  }
}
