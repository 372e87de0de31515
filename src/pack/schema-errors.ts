// From ajv's raw errors to one problem per real mistake: drop the echoes that
// conditionals and combinators add (`if`, `anyOf`, `oneOf`), keep a wrong type over
// everything else said about the same value, then word each error (schema-messages.ts).
import type { ErrorObject } from 'ajv';
import { closest } from './did-you-mean.ts';
import type { NodePath } from './model.ts';
import type { PendingProblem } from './problems.ts';
import { wordError, type SchemaError, type Worded } from './schema-messages.ts';
import type { JsonSchema } from './schema-registry.ts';

type SchemaObject = { [key: string]: unknown };

/** What the translation needs to know about the schemas: how to follow a `$ref`. */
export interface SchemaLookup {
  resolveRef(ref: string, base: string): JsonSchema | undefined;
  fileOf(schema: object): string | undefined;
}

export function translateSchemaErrors(errors: readonly ErrorObject[], root: unknown, file: string, lookup: SchemaLookup): PendingProblem[] {
  const raw = errors.map((e) => toSchemaError(e, root));
  attachConditions(raw);
  const all = collapseCombinators(raw);
  // A refused key name is said once, by the check inside `propertyNames` that knows what keys must be.
  const namedKeys = new Set(all.filter((e) => e.propertyName !== undefined).map((e) => pathKey([...e.path, e.propertyName!])));
  const relevant = all.filter(
    (e) => e.keyword !== 'if' && !(e.keyword === 'propertyNames' && namedKeys.has(pathKey([...e.path, String(e.params.propertyName)]))),
  );
  mergeMisspeltRequired(relevant);
  const wrongType = new Set(relevant.filter((e) => e.keyword === 'type').map((e) => pathKey(e.path)));
  const kept = relevant.filter((e) => e.keyword === 'type' || !wrongType.has(pathKey(e.path)));

  const keysOf = (schema: SchemaObject): string[] => [...propertyNames(schema, lookup.fileOf(schema) ?? '', lookup, new Set())];
  const seen = new Set<string>();
  const problems: PendingProblem[] = [];
  for (const e of kept) {
    const w: Worded = wordError(e, keysOf);
    const id = `${pathKey(w.path)}|${w.atKey}|${w.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push({
      file,
      path: w.path,
      message: w.message,
      rule: 'schema',
      severity: 'error',
      ...(w.atKey ? { atKey: true } : {}),
      ...(w.hint ? { hint: w.hint } : {}),
    });
  }
  return problems;
}

/**
 * `lable: x` where `label` is required is one mistake, not two: drop the missing-key
 * error and let the unknown key say `did you mean "label"?`.
 */
function mergeMisspeltRequired(errors: SchemaError[]): void {
  const unknown = errors.filter((e) => e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties');
  for (const u of unknown) {
    const key = String(u.params.additionalProperty ?? u.params.unevaluatedProperty);
    const missing = errors.filter((e) => e.keyword === 'required' && pathKey(e.path) === pathKey(u.path));
    const meant = closest(
      key,
      missing.map((m) => String(m.params.missingProperty)),
    );
    if (meant === undefined) continue;
    errors.splice(errors.indexOf(missing.find((m) => m.params.missingProperty === meant)!), 1);
  }
}

function toSchemaError(e: ErrorObject, root: unknown): SchemaError {
  const { path, parentData } = splitPointer(e.instancePath, root);
  const out: SchemaError = {
    keyword: e.keyword,
    path,
    schemaPath: e.schemaPath,
    params: e.params as Record<string, unknown>,
    parentSchema: e.parentSchema as SchemaObject | undefined,
    data: e.data,
    parentData,
  };
  if (e.propertyName !== undefined && e.keyword !== 'propertyNames') out.propertyName = e.propertyName;
  return out;
}

/**
 * ajv reports a failed `if … then` as the errors of the `then` followed by an `if` error
 * that carries the whole conditional. Give each of those errors the key and value the
 * `if` tested (type: SELECT), so its message can say why the rule applies.
 */
function attachConditions(errors: SchemaError[]): void {
  errors.forEach((e, i) => {
    if (e.keyword !== 'if') return;
    const condition = conditionTested(e.parentSchema?.if, e.data);
    if (!condition) return;
    for (let j = i - 1; j >= 0; j--) {
      const prior = errors[j]!;
      if (!startsWith(prior.path, e.path)) break;
      if (prior.keyword !== 'if' && prior.condition === undefined && prior.schemaPath.includes('/then/')) prior.condition = condition;
    }
  });
}

function conditionTested(ifSchema: unknown, map: unknown): SchemaError['condition'] {
  if (!ifSchema || typeof ifSchema !== 'object' || map === null || typeof map !== 'object' || Array.isArray(map)) return undefined;
  const props = (ifSchema as SchemaObject).properties;
  if (!props || typeof props !== 'object') return undefined;
  for (const [key, test] of Object.entries(props as Record<string, unknown>)) {
    if (test && typeof test === 'object' && ('const' in test || 'enum' in test)) {
      const value = (map as Record<string, unknown>)[key];
      if (value !== undefined) return { key, value };
    }
  }
  return undefined;
}

/** `/fields/2/type` → ['fields', 2, 'type'] (indexes where the data is a list), and the map holding it. */
function splitPointer(pointer: string, root: unknown): { path: NodePath; parentData: unknown } {
  const path: Array<string | number> = [];
  let node: unknown = root;
  let parentData: unknown;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    parentData = node;
    if (Array.isArray(node) && /^\d+$/.test(seg)) {
      path.push(Number(seg));
      node = node[Number(seg)];
    } else {
      path.push(seg);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return { path, parentData };
}

function pathKey(path: NodePath): string {
  return JSON.stringify(path);
}

function startsWith(path: NodePath, prefix: NodePath): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => seg === path[i]);
}

/**
 * ajv reports a failed `anyOf`/`oneOf` as the errors of every branch followed by the
 * combinator's own error. Keep only the branch the person meant: a branch that found
 * the value of another shape (a wrong type at the node, a wrong discriminator such as
 * `type: SEND_EMAIL` just below it) was not meant; among the others, the one with the
 * fewest complaints. When no branch was meant, say once what the value may be.
 */
export function collapseCombinators(errors: readonly SchemaError[]): SchemaError[] {
  const out: SchemaError[] = [];
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') {
      out.push(e);
      continue;
    }
    // Branch errors are the ones just before it, at or below its node.
    let start = out.length;
    while (start > 0 && startsWith(out[start - 1]!.path, e.path)) start--;
    const candidates = out.splice(start);
    if (candidates.length === 0) {
      out.push(e); // oneOf matched more than one branch: nothing else to say
      continue;
    }
    const branches = groupByBranch(e, candidates);
    const isMismatch = (b: SchemaError): boolean =>
      (b.keyword === 'type' && b.path.length === e.path.length) ||
      ((b.keyword === 'const' || b.keyword === 'enum') &&
        b.path.length === e.path.length + 1 &&
        typeof b.path[b.path.length - 1] === 'string');
    const meant = branches.filter((b) => !b.some(isMismatch));
    if (meant.length > 0) {
      out.push(...meant.reduce((best, b) => (b.length < best.length ? b : best)));
      continue;
    }
    const all = branches.flat();
    const values = all.filter((b) => (b.keyword === 'enum' || b.keyword === 'const') && b.path.length === e.path.length + 1);
    if (values.length > 0) {
      // Every branch is keyed by a discriminator the value matched none of: name the allowed ones.
      const allowed = values.flatMap((v) => (v.keyword === 'enum' ? (v.params.allowedValues as unknown[]) : [v.params.allowedValue]));
      const first = values[0]!;
      out.push({ ...first, keyword: 'enum', params: { allowedValues: [...new Set(allowed)] }, parentSchema: undefined });
    } else {
      const types = all.filter((b) => b.keyword === 'type');
      const allTypes = types.flatMap((t) =>
        Array.isArray(t.params.type) ? (t.params.type as unknown[]) : String(t.params.type).split(','),
      );
      out.push({ ...e, keyword: 'type', params: { type: [...new Set(allTypes)] } });
    }
  }
  return out;
}

/** Split the errors of a failed combinator by the branch they came from (inline or through a `$ref`). */
function groupByBranch(combinator: SchemaError, errors: readonly SchemaError[]): SchemaError[][] {
  const list = combinator.parentSchema?.[combinator.keyword];
  const branchSchemas = Array.isArray(list) ? (list as unknown[]) : [];
  const groups: SchemaError[][] = branchSchemas.map(() => []);
  for (const err of errors) {
    const i = branchSchemas.findIndex((b, n) => {
      if (err.schemaPath.startsWith(`${combinator.schemaPath}/${n}/`)) return true;
      const ref = b && typeof b === 'object' ? (b as SchemaObject).$ref : undefined;
      return typeof ref === 'string' && err.schemaPath.startsWith(`${ref}/`);
    });
    if (i >= 0) groups[i]!.push(err);
  }
  const found = groups.filter((g) => g.length > 0);
  return found.length > 0 ? found : [[...errors]];
}

/** Every property a schema names, through `$ref`, `allOf`, conditionals and combinators. */
function propertyNames(schema: JsonSchema, base: string, lookup: SchemaLookup, visiting: Set<object>): Set<string> {
  const names = new Set<string>();
  if (typeof schema !== 'object' || visiting.has(schema)) return names;
  visiting.add(schema);
  const props = schema.properties;
  if (props && typeof props === 'object') {
    for (const [k, v] of Object.entries(props)) if (v !== false) names.add(k);
  }
  if (typeof schema.$ref === 'string') {
    const [filePart] = schema.$ref.split('#');
    const target = lookup.resolveRef(schema.$ref, base);
    if (target !== undefined) for (const n of propertyNames(target, filePart || base, lookup, visiting)) names.add(n);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[key];
    if (Array.isArray(list)) for (const sub of list) for (const n of propertyNames(sub as JsonSchema, base, lookup, visiting)) names.add(n);
  }
  for (const key of ['then', 'else']) {
    const sub = schema[key];
    if (sub !== undefined) for (const n of propertyNames(sub as JsonSchema, base, lookup, visiting)) names.add(n);
  }
  return names;
}
