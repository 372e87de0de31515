// Variable resolution as Twenty's executor does it: twenty-shared
// utils/variable-resolver.ts resolveInput @41d24255 walks strings, arrays and
// objects (keys too); a string that is one `{{…}}` becomes the value itself (its
// type kept), several are interpolated, objects as JSON. evalFromContext.ts
// @41d24255 evaluates one variable as Handlebars' `{{{json path}}}` then
// JSON.parse: a path that does not resolve gives undefined, and inside a longer
// text it is written "undefined" (the replace callback returns undefined).
const VARIABLE_PATTERN = /\{\{([^{}]+)\}\}/g;

const toJson = (value: unknown): unknown => {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
};

/** One `{{path}}` against the context: dotted keys and [n] indices, own properties only. */
export function evalFromContext(token: string, context: Record<string, unknown>): unknown {
  const inner = /^\{\{([^{}]*)\}\}$/.exec(token)?.[1]?.trim();
  if (!inner) return undefined;
  const segments = inner.replace(/\[(\d+)\]/g, '.$1').split('.');
  if (segments.some((s) => s === '')) return undefined;
  let value: unknown = context;
  for (const key of segments) {
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return toJson(value);
}

function resolveString(input: string, context: Record<string, unknown>): unknown {
  const tokens = input.match(VARIABLE_PATTERN);
  if (!tokens || tokens.length === 0) return input;
  if (tokens.length === 1 && tokens[0] === input) return evalFromContext(input, context);
  return input.replace(VARIABLE_PATTERN, (token) => {
    const value = evalFromContext(token, context);
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  });
}

export function resolveInput(input: unknown, context: Record<string, unknown>): unknown {
  if (input === null || input === undefined) return input;
  if (typeof input === 'string') return resolveString(input, context);
  if (Array.isArray(input)) return input.map((v) => resolveInput(v, context));
  if (typeof input === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input)) {
      const key = resolveInput(k, context);
      out[typeof key === 'string' ? key : String(key)] = resolveInput(v, context);
    }
    return out;
  }
  return input;
}

/** The `{{…}}` variables of a value that do not resolve in the context (for failure messages). */
export function unresolvedVariables(input: unknown, context: Record<string, unknown>): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') for (const m of v.match(VARIABLE_PATTERN) ?? []) if (evalFromContext(m, context) === undefined) out.push(m);
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(input);
  return out;
}
