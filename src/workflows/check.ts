// The workflow rule family of `bankpack validate`: what Twenty would refuse at
// activation (unknown objects and fields, variables that point nowhere or at a step
// that runs later, an iterator without a body, fewer than two branches: the issue
// codes of twenty-shared workflow/validation, @41d2425) and what it would accept but
// run wrongly (a SELECT value that is not an option, steps after an IF_ELSE that no
// branch reaches, a record update that re-triggers its own workflow, issue #11322).
import { didYouMean, type NodePath, type WorkflowDef, type PendingProblem, type Severity } from '../pack/index.ts';
import { type Catalogue, type CatalogueField, type CatalogueObject, fieldOf, keyNames } from './catalogue.ts';
import { readSpec } from './compile.ts';
import { comparisonLiterals, isComparison } from './conditions.ts';
import type { ComparisonSpec, ConditionSpec, StepSpec, WorkflowSpec } from './format.ts';
import { buildGraph, type GraphStep } from './graph.ts';
import { resolveVariable, type ResolveScope } from './resolve.ts';
import { whereKeys, whereLiterals } from './record-values.ts';
import { compileWhere } from './record-filters.ts';
import { variablesIn } from './variables.ts';

/** twenty-shared workflow/constants/ObjectsBlockedFromAutomation.ts @a36f72e */
const BLOCKED_OBJECTS = ['workflow', 'workflowVersion', 'workflowRun', 'workflowAutomatedTrigger'];
/** Columns the server sets itself; a workflow cannot write them. */
const SERVER_MANAGED = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', 'createdBy', 'updatedBy', 'searchVector']);

export function checkWorkflows(workflows: readonly WorkflowDef[], catalogue: Catalogue): PendingProblem[] {
  const problems: PendingProblem[] = [];
  const seen = new Map<string, string>();
  for (const def of workflows) {
    const uid = def.universalIdentifier.toLowerCase();
    const first = seen.get(uid);
    if (first)
      problems.push({
        file: def.source.file,
        path: ['universalIdentifier'],
        message: `this universalIdentifier is already used by ${first}`,
        hint: 'give each workflow its own: npx uuid v4',
        rule: 'workflow-identity',
      });
    else seen.set(uid, def.source.file);
    problems.push(...checkWorkflow(def, catalogue));
  }
  return problems;
}

export function checkWorkflow(def: WorkflowDef, catalogue: Catalogue): PendingProblem[] {
  const spec = readSpec(def);
  const graph = buildGraph(spec);
  const scope: ResolveScope = { trigger: spec.trigger, graph, catalogue };
  const problems: PendingProblem[] = [];
  const add = (path: NodePath, message: string, hint?: string, rule = 'workflow', severity: Severity = 'error', atKey = false): void => {
    problems.push({
      file: def.source.file,
      path,
      message,
      rule,
      ...(hint ? { hint } : {}),
      ...(severity === 'warning' ? { severity } : {}),
      ...(atKey ? { atKey } : {}),
    });
  };

  const objectAt = (name: string, path: NodePath): CatalogueObject | undefined => {
    if (BLOCKED_OBJECTS.includes(name)) {
      add(
        path,
        `workflows cannot read or write ${name} records`,
        'Twenty blocks its own workflow objects from automation',
        'workflow-object',
      );
      return undefined;
    }
    const o = catalogue.object(name);
    if (!o)
      add(
        path,
        `unknown object "${name}"`,
        didYouMean(name, catalogue.objects.keys()) ?? 'name a pack object (objects/) or a Twenty standard object by its nameSingular',
        'workflow-object',
      );
    return o;
  };

  const checkVariables = (value: unknown, path: NodePath, at: GraphStep | undefined): void => {
    for (const { path: p, text } of stringsIn(value, path)) {
      for (const use of variablesIn(text)) {
        const r = resolveVariable(use.text, at, scope);
        if (!r.ok)
          add(p, `{{${use.text}}}: ${r.message}`, r.hint, r.code === 'not-upstream' ? 'workflow-variable-order' : 'workflow-variable');
      }
    }
  };

  const checkOption = (field: CatalogueField, value: unknown, path: NodePath, what: string): void => {
    if (!field.options || typeof value !== 'string' || value.includes('{{')) return;
    if (!field.options.includes(value)) {
      add(
        path,
        `"${value}" is not an option of ${what}`,
        didYouMean(value, field.options) ?? `options: ${field.options.join(', ')}`,
        'workflow-option',
      );
    }
  };

  const checkCondition = (condition: ConditionSpec, path: NodePath, at: GraphStep | undefined): void => {
    const key = condition.any ? 'any' : 'all';
    (condition.any ?? condition.all ?? []).forEach((node, i) => {
      const p = [...path, key, i];
      if (!isComparison(node)) return checkCondition(node, p, at);
      checkVariables(node.value, [...p, 'value'], at);
      for (const k of ['is', 'isNot', 'in', 'notIn', 'contains', 'doesNotContain', 'atLeast', 'atMost', 'before', 'after'] as const) {
        if ((node as ComparisonSpec)[k] !== undefined) checkVariables((node as ComparisonSpec)[k], [...p, k], at);
      }
      const field = comparedField(node.value, at);
      if (field)
        for (const lit of comparisonLiterals(node)) checkOption(field, lit.value, [...p, ...lit.path], `the compared field ${field.name}`);
    });
  };

  // The field a condition's variable compares, when it is a SELECT / MULTI_SELECT with options.
  const comparedField = (value: string, at: GraphStep | undefined): CatalogueField | undefined => {
    const m = /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(value.trim());
    const r = m ? resolveVariable(m[1]!, at, scope) : undefined;
    return r?.ok && r.field?.options ? r.field : undefined;
  };

  checkTrigger(spec, add, objectAt, (w, p) => checkCondition(w, p, undefined));
  // NO_STEPS: Twenty will not activate a version without steps.
  if (spec.steps.length === 0)
    add(['steps'], 'a workflow needs at least one step', 'Twenty refuses to activate a workflow without steps', 'workflow-step');

  // Step ids: unique, so that every reference and every deployed step id is unambiguous.
  const ids = new Map<string, GraphStep>();
  for (const step of graph.steps) {
    const earlier = ids.get(step.key);
    if (earlier)
      add(
        [...step.path, 'id'],
        `step id "${step.key}" is used twice in this workflow`,
        'each step needs its own id: later steps refer to its output by it',
        'workflow-step-id',
      );
    else ids.set(step.key, step);
  }

  for (const step of graph.steps) checkStep(step);

  function checkStep(step: GraphStep): void {
    const s: StepSpec = step.spec;
    const p = step.path;
    switch (s.type) {
      case 'CREATE_RECORD':
      case 'UPDATE_RECORD': {
        const o = objectAt(s.object, [...p, 'object']);
        if (s.type === 'UPDATE_RECORD') {
          checkRecordRef(s.record, [...p, 'record'], step);
          if (Object.keys(s.set).length === 0)
            add([...p, 'set'], 'an UPDATE_RECORD step must set at least one field', undefined, 'workflow-field');
          warnSelfTrigger(s, p);
        }
        for (const [key, value] of Object.entries(s.set)) {
          checkVariables(value, [...p, 'set', key], step);
          if (!o) continue;
          const found = fieldOf(o, key);
          if (!found) {
            add(
              [...p, 'set', key],
              `${s.object} has no field "${key}"`,
              didYouMean(key, keyNames(o)) ?? undefined,
              'workflow-field',
              'error',
              true,
            );
            continue;
          }
          const f = found.field;
          if (SERVER_MANAGED.has(key))
            add([...p, 'set', key], `${s.object}.${key} is set by Twenty itself`, 'remove it', 'workflow-field', 'error', true);
          else if ((f.type === 'RELATION' || f.type === 'MORPH_RELATION') && !found.viaJoinColumn && f.relation?.type !== 'MANY_TO_ONE') {
            add(
              [...p, 'set', key],
              `${s.object}.${key} lists related records; it cannot be set from this side`,
              `set the ${f.relation?.targetObject ?? 'related'} records' own relation field instead`,
              'workflow-field',
              'error',
              true,
            );
          } else if (f.type === 'MULTI_SELECT' && Array.isArray(value))
            value.forEach((v, i) => checkOption(f, v, [...p, 'set', key, i], `${s.object}.${key}`));
          else checkOption(f, value, [...p, 'set', key], `${s.object}.${key}`);
        }
        return;
      }
      case 'DELETE_RECORD':
        objectAt(s.object, [...p, 'object']);
        return checkRecordRef(s.record, [...p, 'record'], step);
      case 'FIND_RECORDS': {
        const o = objectAt(s.object, [...p, 'object']);
        if (s.where) {
          checkVariables(s.where, [...p, 'where'], step);
          if (o) {
            for (const { key, path } of whereKeys(s.where)) {
              if (!fieldOf(o, key))
                add(
                  [...p, 'where', ...path],
                  `${s.object} has no field "${key}"`,
                  didYouMean(key, keyNames(o)),
                  'workflow-field',
                  'error',
                  true,
                );
            }
            for (const lit of whereLiterals(s.where)) {
              const f = fieldOf(o, lit.key)?.field;
              if (f) checkOption(f, lit.value, [...p, 'where', ...lit.path], `${s.object}.${lit.key}`);
            }
            // What Twenty's FIND_RECORDS filters cannot say (record-filters.ts): refused here, not dropped on the server.
            const compiled = compileWhere(s.where, { objectName: s.object, object: o, rewrite: (v) => v, id: (kind, n) => `${kind}${n}` });
            for (const problem of compiled.problems) add([...p, 'where', ...problem.path], problem.message, problem.fix, 'workflow-filter');
          }
        }
        if (s.orderBy && o) {
          for (const key of Object.keys(s.orderBy))
            if (!fieldOf(o, key))
              add(
                [...p, 'orderBy', key],
                `${s.object} has no field "${key}"`,
                didYouMean(key, keyNames(o)),
                'workflow-field',
                'error',
                true,
              );
        }
        return;
      }
      case 'SEND_EMAIL':
        for (const k of ['to', 'cc', 'bcc', 'subject', 'body'] as const) if (s[k] !== undefined) checkVariables(s[k], [...p, k], step);
        return;
      case 'HTTP_REQUEST':
        for (const k of ['url', 'headers', 'body'] as const) if (s[k] !== undefined) checkVariables(s[k], [...p, k], step);
        return;
      case 'FILTER':
        return checkCondition(s.when, [...p, 'when'], step);
      case 'IF_ELSE': {
        s.branches.forEach((b, i) => {
          if (b.when) checkCondition(b.when, [...p, 'branches', i, 'when'], step);
          else if (i !== s.branches.length - 1)
            add(
              [...p, 'branches', i],
              'only the last branch may go without `when` (it is the else branch)',
              'move it to the end, or give it a condition',
              'workflow-branch',
            );
          if (b.steps.length === 0)
            add(
              [...p, 'branches', i, 'steps'],
              'this branch has no steps',
              'remove the branch (a missing else branch is added for you), or give it a step',
              'workflow-branch',
              'warning',
            );
        });
        if (s.branches.length === 1 && !s.branches[0]!.when)
          add([...p, 'branches'], 'an IF_ELSE needs at least one branch with a condition', 'add `when:` to a branch', 'workflow-branch');
        const list = containingList(p);
        const index = Number(p[p.length - 1]);
        if (list && index < list.length - 1) {
          add(
            [...p.slice(0, -1), index + 1],
            `the steps after IF_ELSE "${step.key}" would never run: Twenty does not join branches again`,
            'move them into each branch that needs them: every branch ends on its own',
            'workflow-branch',
          );
        }
        return;
      }
      case 'ITERATOR': {
        checkVariables(s.items, [...p, 'items'], step);
        if (typeof s.items === 'string' && !/^\s*\{\{[^{}]+\}\}\s*$/.test(s.items))
          add([...p, 'items'], 'an ITERATOR loops over a list: give one variable, e.g. "{{steps.find.all}}"', undefined, 'workflow-loop');
        if (s.steps.length === 0)
          add([...p, 'steps'], `ITERATOR "${step.key}" has nothing inside its loop`, 'add the steps to run for each item', 'workflow-loop');
        return;
      }
      case 'DELAY':
        if (s.until !== undefined) checkVariables(s.until, [...p, 'until'], step);
        else if (!s.for || Object.values(s.for).every((v) => !v))
          add(p, 'a DELAY needs `for:` (a duration) or `until:` (a date)', 'e.g. for: { hours: 24 }', 'workflow-delay');
        return;
      case 'FORM': {
        const names = new Set<string>();
        s.fields.forEach((f, i) => {
          // assert-version-can-be-activated.util.ts: "Form action fields must have unique names"
          if (names.has(f.name))
            add(
              [...p, 'fields', i, 'name'],
              `form field name "${f.name}" is used twice`,
              'form fields must have unique names',
              'workflow-form',
            );
          names.add(f.name);
          if (f.type === 'RECORD' && f.object) objectAt(f.object, [...p, 'fields', i, 'object']);
        });
        return;
      }
    }
  }

  function checkRecordRef(record: string, path: NodePath, step: GraphStep): void {
    if (!/\{\{[^{}]+\}\}/.test(record) && !/^[0-9a-f-]{36}$/i.test(record.trim())) {
      add(path, `"${record}" is not a record id`, 'use a variable, e.g. "{{record.id}}" or "{{steps.find.first.id}}"', 'workflow-variable');
    }
    checkVariables(record, path, step);
  }

  /** An update of the trigger's own record on an "updated" trigger starts the workflow again (Twenty issue #11322). */
  function warnSelfTrigger(s: Extract<StepSpec, { type: 'UPDATE_RECORD' }>, p: NodePath): void {
    const t = spec.trigger;
    if (t.type !== 'DATABASE_EVENT' || (t.event !== 'updated' && t.event !== 'upserted') || t.object !== s.object) return;
    if (!/\{\{\s*record\.id\s*\}\}/.test(s.record) || t.when) return; // a trigger condition can rule the second run out
    const written = Object.keys(s.set);
    const watched = t.fields ?? [];
    if (watched.length === 0 || written.some((f) => watched.includes(f))) {
      add(
        [...p, 'set'],
        `this updates the record that triggered the workflow, which starts it again (a loop)`,
        watched.length === 0
          ? 'list the fields to watch in the trigger (`fields:`), without the ones this step sets'
          : 'do not set a field the trigger watches',
        'workflow-loop',
        'warning',
      );
    }
  }

  function containingList(stepPath: NodePath): unknown[] | undefined {
    let node: unknown = def.data;
    for (const seg of stepPath.slice(0, -1))
      node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[seg] : undefined;
    return Array.isArray(node) ? node : undefined;
  }

  return problems;
}

function checkTrigger(
  spec: WorkflowSpec,
  add: (path: NodePath, message: string, hint?: string, rule?: string, severity?: Severity, atKey?: boolean) => void,
  objectAt: (name: string, path: NodePath) => CatalogueObject | undefined,
  checkCondition: (w: ConditionSpec, path: NodePath) => void,
): void {
  const t = spec.trigger;
  if (t.type === 'DATABASE_EVENT') {
    const o = objectAt(t.object, ['trigger', 'object']);
    (t.fields ?? []).forEach((f, i) => {
      if (o && !fieldOf(o, f))
        add(['trigger', 'fields', i], `${t.object} has no field "${f}"`, didYouMean(f, keyNames(o)), 'workflow-field');
    });
    if (t.fields && t.fields.length > 0 && (t.event === 'created' || t.event === 'deleted'))
      add(
        ['trigger', 'fields'],
        `\`fields\` only narrows "updated" and "upserted" events`,
        'remove it, or use event: updated',
        'workflow-trigger',
        'warning',
      );
    if (t.when) checkCondition(t.when, ['trigger', 'when']);
  } else if (t.type === 'MANUAL' && t.object) objectAt(t.object, ['trigger', 'object']);
  else if (t.type === 'CRON' && (t.pattern === undefined) === (t.every === undefined)) {
    add(
      ['trigger'],
      'a CRON trigger takes either `pattern` or `every`',
      'e.g. pattern: "0 8 * * 1", or every: { days: 1, hour: 8 }',
      'workflow-trigger',
    );
  } else if (
    t.type === 'CRON' &&
    t.every !== undefined &&
    [t.every.days, t.every.hours, t.every.minutes].filter((v) => v !== undefined).length !== 1
  ) {
    add(
      ['trigger', 'every'],
      '`every` takes one of days, hours or minutes',
      'e.g. every: { days: 1, hour: 8, minute: 0 }',
      'workflow-trigger',
    );
  } else if (t.type === 'CRON' && t.pattern !== undefined && t.pattern.trim().split(/\s+/).length !== 5) {
    add(
      ['trigger', 'pattern'],
      `"${t.pattern}" is not a cron pattern of five fields (minute hour day month weekday)`,
      'e.g. "0 8 * * 1" for Mondays at 08:00',
      'workflow-trigger',
    );
  }
}

/** Every string inside a value, with its path (nested steps are checked on their own). */
function stringsIn(value: unknown, path: NodePath): Array<{ path: NodePath; text: string }> {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsIn(v, [...path, k]));
  return [];
}
