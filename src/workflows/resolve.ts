// What a variable points at: a field of the trigger's record, part of an earlier
// step's output, the current item of a loop. Used by validation (does it exist,
// does it run before?) and by the compiler (the field type a condition compares).
// Step outputs as Twenty's executors return them: record steps the record
// (create/update/delete-record.workflow-action.ts), FIND_RECORDS `{first, last,
// totalCount}` and, on newer servers, `all` (find-records.workflow-action.ts @0188b66),
// SEND_EMAIL `{success}`, ITERATOR `currentItem` / `currentItemIndex`, FORM the
// submitted values by field name; IF_ELSE, FILTER and DELAY have none.
import { COMPOSITE_SUB_FIELDS, didYouMean, type FieldType } from '../pack/index.ts';
import { type Catalogue, type CatalogueField, fieldOf, keyNames } from './catalogue.ts';
import type { StepSpec, TriggerSpec } from './format.ts';
import type { GraphStep, WorkflowGraph } from './graph.ts';
import { type VariableRoot, parseVariable } from './variables.ts';

export type Resolved =
  | { ok: true; type?: FieldType; subField?: string; field?: CatalogueField }
  | { ok: false; message: string; hint?: string; code: 'unknown-field' | 'unknown-step' | 'not-upstream' | 'invalid' };

export interface ResolveScope {
  trigger: TriggerSpec;
  graph: WorkflowGraph;
  catalogue: Catalogue;
}

const FIND_OUTPUTS = ['first', 'last', 'all', 'totalCount'];

/** Resolve one variable (its text inside the braces) as seen from `at` (the step using it; undefined = the trigger). */
export function resolveVariable(text: string, at: GraphStep | undefined, scope: ResolveScope): Resolved {
  return resolveRoot(parseVariable(text), at, scope);
}

function resolveRoot(root: VariableRoot, at: GraphStep | undefined, scope: ResolveScope): Resolved {
  const { trigger, graph } = scope;
  switch (root.kind) {
    case 'invalid':
      return {
        ok: false,
        code: 'invalid',
        message: `${root.reason}`,
        hint: 'write {{record.<field>}}, {{steps.<step id>.<output>}} or {{item.<field>}}',
      };
    case 'record': {
      if (trigger.type === 'CRON')
        return {
          ok: false,
          code: 'invalid',
          message: 'a scheduled (CRON) workflow has no trigger record',
          hint: 'find the records you need with a FIND_RECORDS step',
        };
      if (trigger.type === 'WEBHOOK') return { ok: true };
      const object = trigger.object;
      if (!object)
        return {
          ok: false,
          code: 'invalid',
          message: 'this MANUAL trigger names no object, so there is no record',
          hint: 'add `object:` to the trigger',
        };
      if (root.when === 'before' && !(trigger.type === 'DATABASE_EVENT' && ['updated', 'upserted', 'deleted'].includes(trigger.event))) {
        return { ok: false, code: 'invalid', message: '{{before.…}} exists only for records that were updated or deleted' };
      }
      return recordPath(object, root.path, scope, 'the trigger record', true);
    }
    case 'trigger': {
      if (trigger.type === 'DATABASE_EVENT' && root.path[0] === 'properties' && (root.path[1] === 'after' || root.path[1] === 'before')) {
        return recordPath(trigger.object, root.path.slice(2), scope, 'the trigger record', true);
      }
      return { ok: true };
    }
    case 'item': {
      if (!at?.iterator)
        return {
          ok: false,
          code: 'invalid',
          message: '{{item.…}} is only meaningful inside an ITERATOR loop',
          hint: 'move the step into the loop, or name a step: {{steps.<id>.…}}',
        };
      return stepOutput(graph.byKey.get(at.iterator)!, ['currentItem', ...root.path], scope);
    }
    case 'stepUuid':
    case 'step': {
      const target = root.kind === 'step' ? graph.byKey.get(root.key) : graph.steps.find((s) => s.uuid === root.id);
      const name = root.kind === 'step' ? root.key : root.id;
      if (!target) {
        const hint = didYouMean(name, graph.byKey.keys());
        return {
          ok: false,
          code: 'unknown-step',
          message: `no step "${name}" in this workflow`,
          ...(hint ? { hint } : { hint: `steps: ${[...graph.byKey.keys()].join(', ')}` }),
        };
      }
      if (at && target.key === at.key) return { ok: false, code: 'not-upstream', message: `step "${at.key}" cannot use its own output` };
      if (at && !at.upstream.includes(target.key)) {
        return {
          ok: false,
          code: 'not-upstream',
          message: `step "${target.key}" does not run before step "${at.key}"`,
          hint:
            at.upstream.length > 0
              ? `steps that run before it: ${at.upstream.join(', ')}`
              : 'only the trigger runs before it: use {{record.…}}',
        };
      }
      if (!at)
        return { ok: false, code: 'not-upstream', message: `the trigger runs before step "${target.key}" and cannot use its output` };
      return stepOutput(target, root.path, scope);
    }
  }
}

/** A path into a step's output. */
function stepOutput(step: GraphStep, path: string[], scope: ResolveScope): Resolved {
  const s: StepSpec = step.spec;
  const none = (): Resolved => ({ ok: false, code: 'invalid', message: `a ${s.type} step ("${step.key}") has no output to read` });
  switch (s.type) {
    case 'CREATE_RECORD':
    case 'UPDATE_RECORD':
    case 'DELETE_RECORD':
      return recordPath(s.object, path, scope, `the ${s.object} of step "${step.key}"`, false);
    case 'FIND_RECORDS': {
      const [head, ...rest] = path;
      if (head === undefined) return { ok: true };
      if (!FIND_OUTPUTS.includes(head)) {
        const hint = didYouMean(head, FIND_OUTPUTS);
        return {
          ok: false,
          code: 'unknown-field',
          message: `FIND_RECORDS gives ${FIND_OUTPUTS.join(', ')}, not "${head}"`,
          ...(hint ? { hint } : {}),
        };
      }
      if (head === 'totalCount')
        return rest.length === 0 ? { ok: true, type: 'NUMBER' } : { ok: false, code: 'invalid', message: 'totalCount is a number' };
      if (head === 'all')
        return rest.length === 0 || /^\d+$/.test(rest[0] ?? '')
          ? recordPath(s.object, rest.slice(1), scope, `a ${s.object}`, false)
          : { ok: false, code: 'invalid', message: '`all` is a list: loop over it with an ITERATOR, or use `first`' };
      return recordPath(s.object, rest, scope, `the first ${s.object} found by "${step.key}"`, false);
    }
    case 'SEND_EMAIL':
      return path.length === 0 || (path.length === 1 && path[0] === 'success')
        ? { ok: true, type: 'BOOLEAN' }
        : { ok: false, code: 'unknown-field', message: `SEND_EMAIL gives only "success"` };
    case 'HTTP_REQUEST':
      return { ok: true };
    case 'FORM': {
      const [head] = path;
      if (head === undefined) return { ok: true };
      const field = s.fields.find((f) => f.name === head);
      if (!field) {
        const hint = didYouMean(
          head,
          s.fields.map((f) => f.name),
        );
        return { ok: false, code: 'unknown-field', message: `the form "${step.key}" has no field "${head}"`, ...(hint ? { hint } : {}) };
      }
      return { ok: true, ...(field.type !== 'RECORD' ? { type: field.type } : {}) };
    }
    case 'ITERATOR': {
      const [head, ...rest] = path;
      if (head === 'currentItemIndex') return { ok: true, type: 'NUMBER' };
      if (head !== 'currentItem')
        return { ok: false, code: 'unknown-field', message: `an ITERATOR gives currentItem and currentItemIndex, not "${head ?? ''}"` };
      const items = itemsObject(s.items, scope);
      return items ? recordPath(items, rest, scope, `a ${items}`, false) : { ok: true };
    }
    default:
      return none();
  }
}

/** The object an ITERATOR's items are records of, when they come from a FIND_RECORDS `all`. */
export function itemsObject(items: string | unknown[], scope: ResolveScope): string | undefined {
  if (typeof items !== 'string') return undefined;
  const m = /^\{\{\s*steps\.([^.\s}]+)\.all\s*\}\}$/.exec(items.trim());
  const source = m ? scope.graph.byKey.get(m[1]!) : undefined;
  return source?.spec.type === 'FIND_RECORDS' ? source.spec.object : undefined;
}

/** A path into a record of `object`: a field, then a composite sub-field. */
function recordPath(object: string, path: string[], scope: ResolveScope, what: string, fromEvent: boolean): Resolved {
  const o = scope.catalogue.object(object);
  if (!o) return { ok: true }; // the trigger's / step's object is reported where it is named
  const [head, sub, ...rest] = path;
  if (head === undefined) return { ok: true, type: 'RELATION' };
  const found = fieldOf(o, head);
  if (!found) {
    const hint = didYouMean(head, keyNames(o));
    return { ok: false, code: 'unknown-field', message: `${object} has no field "${head}" (reading ${what})`, ...(hint ? { hint } : {}) };
  }
  const { field, viaJoinColumn } = found;
  if (viaJoinColumn) return sub === undefined ? { ok: true, type: 'UUID' } : { ok: false, code: 'invalid', message: `${head} is an id` };
  if (field.type === 'RELATION' || field.type === 'MORPH_RELATION') {
    if (sub === undefined && field.relation?.type === 'MANY_TO_ONE') return { ok: true, type: 'RELATION' };
    const join = field.relation?.joinColumn;
    return {
      ok: false,
      code: 'invalid',
      message: `${what} does not carry its ${field.relation?.type === 'ONE_TO_MANY' ? 'related records' : 'related record'} "${head}"${fromEvent ? ' (a record event holds only the record’s own columns)' : ''}`,
      hint: join
        ? `use {{…${join}}} and a FIND_RECORDS step on ${field.relation?.targetObject}`
        : `find them with a FIND_RECORDS step on ${field.relation?.targetObject ?? 'that object'}`,
    };
  }
  const subs = COMPOSITE_SUB_FIELDS[field.type];
  if (sub === undefined) return { ok: true, type: field.type, field };
  if (!subs) return { ok: false, code: 'invalid', message: `${object}.${head} is a ${field.type}, it has no "${sub}"` };
  if (!subs.includes(sub)) {
    const hint = didYouMean(sub, subs);
    return {
      ok: false,
      code: 'unknown-field',
      message: `${object}.${head} (${field.type}) has no "${sub}"`,
      hint: hint ?? `its parts: ${subs.join(', ')}`,
    };
  }
  return rest.length === 0 || ['additionalEmails', 'additionalPhones', 'secondaryLinks', 'context'].includes(sub)
    ? { ok: true, type: field.type, subField: sub }
    : { ok: false, code: 'invalid', message: `${object}.${head}.${sub} has no parts` };
}
