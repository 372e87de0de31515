// What makes a workflow version impossible to activate, with Twenty's issue codes:
// the graph (twenty-shared workflow/validation/utils/validate-workflow-graph.util.ts:
// TRIGGER_HAS_NO_NEXT_STEP, DANGLING_REFERENCE, DUPLICATE_STEP_ID,
// IF_ELSE_INSUFFICIENT_BRANCHES, ITERATOR_MISSING_LOOP_BODY), the variables
// (validate-workflow-variable-references.util.ts @41d2425: VARIABLE_INVALID_PATH,
// VARIABLE_UNKNOWN_STEP, VARIABLE_NOT_UPSTREAM; ancestors through nextStepIds, if/else
// branches and iterator loops, get-step-outgoing-step-ids.util.ts), and the objects of
// record steps (get-workflow-record-step-metadata-issues.util.ts: OBJECT_NOT_FOUND).
// Stricter than that file: a record step's objectRecord / fieldsToUpdate keys must be
// fields (or join columns) of the object, reported as INVALID_STEP_PARAMS (the
// sandbox's reading of "the object and its fields must exist", workflows.md §6), and
// a FIND_RECORDS filter Twenty would not apply is refused (find-records-filter.ts;
// Twenty itself activates it and then searches unfiltered).
import type { Workspace } from '../state/workspace.ts';
import { droppedFilterReasons } from './find-records-filter.ts';
import type { Step } from './step-defaults.ts';
import type { Trigger } from './step-graph.ts';

export interface Issue {
  code: string;
  message: string;
  stepId?: string;
}

/** MALFORMED_WORKFLOW_VALIDATION_ISSUE_CODES ∪ NON_ACTIVABLE_…: the codes that block activation. */
export const BLOCKING_CODES = new Set([
  'INVALID_TRIGGER_PARAMS',
  'INVALID_STEP_PARAMS',
  'INVALID_RICH_TEXT_FIELD',
  'OBJECT_NOT_FOUND',
  'DUPLICATE_STEP_ID',
  'DANGLING_REFERENCE',
  'ITERATOR_ITEMS_NOT_ARRAY',
  'MISSING_TRIGGER',
  'MISSING_TRIGGER_TYPE',
  'NO_STEPS',
  'TRIGGER_HAS_NO_NEXT_STEP',
  'IF_ELSE_INSUFFICIENT_BRANCHES',
  'ITERATOR_MISSING_LOOP_BODY',
  'VARIABLE_INVALID_PATH',
  'VARIABLE_UNKNOWN_STEP',
  'VARIABLE_NOT_UPSTREAM',
]);

const VARIABLE = /\{\{\s*([^{}]+?)\s*\}\}/g;
const RECORD_STEPS = new Set(['CREATE_RECORD', 'UPDATE_RECORD', 'DELETE_RECORD', 'UPSERT_RECORD', 'FIND_RECORDS']);
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const inputOf = (s: Step): Record<string, unknown> => (s.settings?.input ?? {}) as Record<string, unknown>;
const label = (s: Step): string => String(s.name ?? s.id);

export function outgoing(step: Step): string[] {
  const out = new Set(ids(step.nextStepIds));
  if (step.type === 'IF_ELSE')
    for (const b of (inputOf(step).branches ?? []) as Array<{ nextStepIds?: unknown }>) for (const id of ids(b?.nextStepIds)) out.add(id);
  if (step.type === 'ITERATOR') for (const id of ids(inputOf(step).initialLoopStepIds)) out.add(id);
  return [...out];
}

export function validateVersion(ws: Workspace, trigger: Trigger | null, steps: Step[] | null): Issue[] {
  const issues: Issue[] = [];
  if (!trigger) issues.push({ code: 'MISSING_TRIGGER', message: 'The workflow version has no trigger.' });
  else if (!trigger.type) issues.push({ code: 'MISSING_TRIGGER_TYPE', message: 'The trigger has no type.' });
  const list = steps ?? [];
  if (list.length === 0) issues.push({ code: 'NO_STEPS', message: 'The workflow version has no steps.' });
  const byId = new Map<string, Step>();
  for (const s of list) {
    if (byId.has(s.id))
      issues.push({
        code: 'DUPLICATE_STEP_ID',
        message: `Duplicate step id "${s.id}". Every step id must be unique within the workflow.`,
        stepId: s.id,
      });
    byId.set(s.id, s);
  }
  const first = ids(trigger?.nextStepIds);
  if (list.length > 0 && trigger && first.length === 0) {
    issues.push({
      code: 'TRIGGER_HAS_NO_NEXT_STEP',
      message: `The trigger is not connected to any step. The trigger must have a "nextStepIds" array pointing to the first step (e.g. nextStepIds: ["${list[0]!.id}"]).`,
    });
  }
  for (const id of first)
    if (!byId.has(id)) issues.push({ code: 'DANGLING_REFERENCE', message: `The trigger references a non-existent step "${id}".` });
  for (const s of list) {
    for (const id of outgoing(s))
      if (!byId.has(id))
        issues.push({ code: 'DANGLING_REFERENCE', message: `Step "${label(s)}" references a non-existent step "${id}".`, stepId: s.id });
    if (s.type === 'IF_ELSE' && ((inputOf(s).branches as unknown[] | undefined) ?? []).length < 2) {
      issues.push({
        code: 'IF_ELSE_INSUFFICIENT_BRANCHES',
        message: `If/Else step "${label(s)}" should have at least two branches (a condition branch and an else branch).`,
        stepId: s.id,
      });
    }
    if (s.type === 'ITERATOR') {
      const items = inputOf(s).items;
      const configured = (typeof items === 'string' && items.length > 0) || (Array.isArray(items) && items.length > 0);
      if (configured && ids(inputOf(s).initialLoopStepIds).length === 0) {
        issues.push({
          code: 'ITERATOR_MISSING_LOOP_BODY',
          message: `Iterator step "${label(s)}" has items to iterate over but no steps inside the loop.`,
          stepId: s.id,
        });
      }
    }
  }
  const ancestors = ancestorsById(list, byId);
  for (const s of list) issues.push(...variableIssues(s, byId, ancestors.get(s.id) ?? new Set()));
  for (const s of list) issues.push(...recordStepIssues(ws, s));
  return issues;
}

/** For each step, every step on some path from the trigger to it (build-workflow-graph.util.ts). */
function ancestorsById(steps: Step[], byId: Map<string, Step>): Map<string, Set<string>> {
  const parents = new Map<string, string[]>();
  for (const s of steps) for (const child of outgoing(s)) parents.set(child, [...(parents.get(child) ?? []), s.id]);
  const memo = new Map<string, Set<string>>();
  const visit = (id: string, stack: Set<string>): Set<string> => {
    const hit = memo.get(id);
    if (hit) return hit;
    const out = new Set<string>();
    if (stack.has(id)) return out;
    stack.add(id);
    for (const p of parents.get(id) ?? []) {
      if (!byId.has(p)) continue;
      out.add(p);
      for (const a of visit(p, stack)) out.add(a);
    }
    stack.delete(id);
    memo.set(id, out);
    return out;
  };
  for (const s of steps) visit(s.id, new Set());
  return memo;
}

function variableIssues(step: Step, byId: Map<string, Step>, ancestors: Set<string>): Issue[] {
  const issues: Issue[] = [];
  const texts: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') texts.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(step.settings?.input);
  for (const text of texts) {
    for (const m of text.matchAll(VARIABLE)) {
      const variable = m[1]!;
      const head = variable
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .filter((x) => x !== '')[0];
      if (head === undefined) {
        issues.push({
          code: 'VARIABLE_INVALID_PATH',
          message: `Step "${label(step)}" has a variable "{{${variable}}}" with an invalid path. Variable references must start with a step ID, e.g. "{{stepId.property}}".`,
          stepId: step.id,
        });
      } else if (head !== 'trigger' && !byId.has(head)) {
        issues.push({
          code: 'VARIABLE_UNKNOWN_STEP',
          message: `Step "${label(step)}" references variable "{{${variable}}}" from an unknown step "${head}".`,
          stepId: step.id,
        });
      } else if (head !== 'trigger' && head !== step.id && !ancestors.has(head)) {
        const ref = label(byId.get(head)!);
        issues.push({
          code: 'VARIABLE_NOT_UPSTREAM',
          message: `Step "${label(step)}" references variable "{{${variable}}}" from step "${ref}", which does not run before it.`,
          stepId: step.id,
        });
      }
    }
  }
  return issues;
}

function recordStepIssues(ws: Workspace, step: Step): Issue[] {
  if (!RECORD_STEPS.has(step.type)) return [];
  const input = inputOf(step);
  const objectName = input.objectName;
  if (typeof objectName !== 'string')
    return [{ code: 'OBJECT_NOT_FOUND', message: `Step "${label(step)}" has an invalid object name.`, stepId: step.id }];
  const object = ws.objectByName(objectName);
  if (!object || !object.isActive)
    return [
      {
        code: 'OBJECT_NOT_FOUND',
        message: `Step "${label(step)}" targets object "${objectName}" which does not exist in this workspace.`,
        stepId: step.id,
      },
    ];
  const fields = ws.fieldsOf(object.id).filter((f) => f.isActive);
  const names = new Set(
    fields.flatMap((f) => [f.name, ...(typeof f.settings?.joinColumnName === 'string' ? [f.settings.joinColumnName] : [])]),
  );
  const issues: Issue[] = [];
  const record = input.objectRecord;
  const keys = [...(record && typeof record === 'object' ? Object.keys(record) : []), ...ids(input.fieldsToUpdate)];
  for (const key of new Set(keys)) {
    if (!names.has(key))
      issues.push({
        code: 'INVALID_STEP_PARAMS',
        message: `Step "${label(step)}" writes "${key}", which is not a field of ${objectName}.`,
        stepId: step.id,
      });
  }
  // A search whose filter Twenty would not apply returns arbitrary records: refused here (find-records-filter.ts).
  if (step.type === 'FIND_RECORDS') {
    for (const reason of droppedFilterReasons(
      input.filter,
      objectName,
      fields.map((f) => ({ id: f.id, name: f.name, type: String(f.type) })),
    )) {
      issues.push({
        code: 'INVALID_STEP_PARAMS',
        message: `Search Records step "${label(step)}": ${reason}. Twenty would accept and run it unfiltered; write the filter as filter.recordFilters with their recordFilterGroups.`,
        stepId: step.id,
      });
    }
  }
  // get-record-crud-rich-text-issues.util.ts: a rich text value must be the {blocknote, markdown} object.
  for (const f of fields) {
    const v = record && typeof record === 'object' ? (record as Record<string, unknown>)[f.name] : undefined;
    if ((f.type as string) === 'RICH_TEXT' && v !== undefined && v !== null && (typeof v !== 'object' || Array.isArray(v))) {
      issues.push({
        code: 'INVALID_RICH_TEXT_FIELD',
        message: `Rich text field "${f.name}" in step "${label(step)}" must be an object, received ${typeof v}.`,
        stepId: step.id,
      });
    }
  }
  return issues;
}
