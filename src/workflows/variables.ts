// Variables in step settings: `{{…}}` as Twenty writes them
// (`{{trigger.properties.after.name}}`, `{{<stepUuid>.first.id}}`), or the
// friendlier forms the pack's YAML may use, rewritten here into Twenty's:
//   {{record.x}}        the trigger's record   → {{trigger.properties.after.x}} (DATABASE_EVENT;
//                                                 `before` for deleted), {{trigger.record.x}} (MANUAL),
//                                                 {{trigger.x}} (WEBHOOK)
//   {{before.x}}        the record before an update → {{trigger.properties.before.x}}
//   {{steps.k.x}}       output of the step keyed k → {{<uuid of k>.x}}
//   {{item.x}}          the current item of the innermost loop → {{<iterator uuid>.currentItem.x}}
// Sources: DATABASE_EVENT payload paths from test/integration/graphql/suites/workflow/
// database-event-trigger-filter.integration-spec.ts (twentyhq/twenty @fb669ee); MANUAL from the
// describe() of packages/twenty-shared/src/workflow/schemas/manual-trigger-schema.ts @41d2425;
// the `{{stepId.path}}` grammar from validate-workflow-variable-references.util.ts @41d2425.

/** Twenty's CAPTURE_ALL_VARIABLE_TAG_INNER_REGEX: the inside of every `{{ … }}`. */
const VARIABLE = /\{\{\s*([^{}]+?)\s*\}\}/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type VariableRoot =
  | { kind: 'record'; when: 'after' | 'before'; path: string[] }
  | { kind: 'step'; key: string; path: string[] }
  | { kind: 'item'; path: string[] }
  | { kind: 'trigger'; path: string[] }
  | { kind: 'stepUuid'; id: string; path: string[] }
  | { kind: 'invalid'; reason: string };

export interface VariableUse {
  /** As written, without the braces. */
  text: string;
  root: VariableRoot;
}

/** Split `a.b[0].c` into segments (`a`, `b`, `0`, `c`), as parseVariablePath does. */
export function pathSegments(text: string): string[] {
  return text
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function parseVariable(text: string): VariableRoot {
  const [head, ...rest] = pathSegments(text);
  if (head === undefined) return { kind: 'invalid', reason: 'it is empty' };
  switch (head) {
    case 'record':
      return { kind: 'record', when: 'after', path: rest };
    case 'before':
      return { kind: 'record', when: 'before', path: rest };
    case 'item':
      return { kind: 'item', path: rest };
    case 'trigger':
      return { kind: 'trigger', path: rest };
    case 'steps': {
      const [key, ...path] = rest;
      return key ? { kind: 'step', key, path } : { kind: 'invalid', reason: '`steps.` must be followed by a step id' };
    }
    default:
      if (UUID.test(head)) return { kind: 'stepUuid', id: head.toLowerCase(), path: rest };
      return { kind: 'invalid', reason: `"${head}" is not a step or the record` };
  }
}

/** Every variable in a value: strings, and the strings nested in objects and arrays. */
export function variablesIn(value: unknown): VariableUse[] {
  const out: VariableUse[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(VARIABLE)) out.push({ text: m[1]!, root: parseVariable(m[1]!) });
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  return out;
}

export interface RewriteContext {
  triggerType: 'DATABASE_EVENT' | 'CRON' | 'MANUAL' | 'WEBHOOK';
  /** The trigger's record event; `deleted` reads the record from `before`. */
  event?: string;
  stepUuid(key: string): string | undefined;
  /** The uuid of the innermost iterator around the step being compiled. */
  iteratorUuid?: string;
}

/** Twenty's text for one variable (without braces); unknown forms are left as written. */
export function twentyVariable(root: VariableRoot, original: string, ctx: RewriteContext): string {
  const tail = (path: string[]): string => (path.length > 0 ? `.${path.join('.')}` : '');
  switch (root.kind) {
    case 'record':
      if (ctx.triggerType === 'MANUAL') return `trigger.record${tail(root.path)}`;
      if (ctx.triggerType === 'WEBHOOK') return `trigger${tail(root.path)}`;
      return `trigger.properties.${root.when === 'before' || ctx.event === 'deleted' ? 'before' : 'after'}${tail(root.path)}`;
    case 'step': {
      const uuid = ctx.stepUuid(root.key);
      return uuid ? `${uuid}${tail(root.path)}` : original;
    }
    case 'item':
      return ctx.iteratorUuid ? `${ctx.iteratorUuid}.currentItem${tail(root.path)}` : original;
    default:
      return original;
  }
}

/** Rewrite every friendly variable in a value into Twenty's form, keeping the rest as is. */
export function rewriteVariables<T>(value: T, ctx: RewriteContext): T {
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(VARIABLE, (_m, inner: string) => `{{${twentyVariable(parseVariable(inner), inner, ctx)}}}`);
    if (Array.isArray(v)) return v.map(visit);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, visit(x)]));
    return v;
  };
  return visit(value) as T;
}
