// Wiring steps into a version's graph and out of it, as Twenty does:
// insertStep (workflow-version-step/utils/insert-step.ts @1a0b488) appends the new
// step to its parent's nextStepIds (or, for an iterator's loop, to
// initialLoopStepIds); removeStep (utils/remove-step.ts @08072fa) reconnects the
// removed step's parents to its children, drops an IF_ELSE's empty child nodes with
// it, and refills an IF_ELSE's if or else branch that would be left empty with a
// new EMPTY node. The answer of the step mutations is a microdiff of trigger and
// steps (compute-workflow-version-step-updates.util.ts).
import { userInputError } from '../server/twenty-errors.ts';
import { emptyStep, type Step } from './step-defaults.ts';

export type Trigger = Record<string, unknown> & { nextStepIds?: string[] | null };
export const TRIGGER_STEP_ID = 'trigger';

const idsOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const inputOf = (s: Step): Record<string, unknown> => (s.settings.input ?? {}) as Record<string, unknown>;

export function insertStep(
  steps: Step[],
  trigger: Trigger | null,
  inserted: Step,
  parentStepId: string | undefined,
  nextStepId: string | undefined,
  connection: { connectedStepType?: string; settings?: { isConnectedToLoop?: boolean } } | undefined,
): { steps: Step[]; trigger: Trigger | null } {
  let updatedSteps = steps;
  let updatedTrigger = trigger;
  const withInserted = (ids: unknown): string[] => [...new Set([...idsOf(ids).filter((id) => id !== nextStepId), inserted.id])];
  if (parentStepId !== undefined && parentStepId !== null) {
    if (connection?.connectedStepType === 'ITERATOR' && connection.settings?.isConnectedToLoop) {
      updatedSteps = steps.map((s) =>
        s.id === parentStepId
          ? { ...s, settings: { ...s.settings, input: { ...inputOf(s), initialLoopStepIds: withInserted(inputOf(s).initialLoopStepIds) } } }
          : s,
      );
    } else if (parentStepId === TRIGGER_STEP_ID) {
      if (!trigger) throw userInputError('Cannot insert step from undefined trigger');
      updatedTrigger = { ...trigger, nextStepIds: withInserted(trigger.nextStepIds) };
    } else {
      updatedSteps = steps.map((s) => (s.id === parentStepId ? { ...s, nextStepIds: withInserted(s.nextStepIds) } : s));
    }
  }
  return { steps: [...updatedSteps, { ...inserted, nextStepIds: nextStepId ? [nextStepId] : undefined } as Step], trigger: updatedTrigger };
}

const replaceIds = (ids: unknown, removed: string, children: string[]): string[] => [
  ...new Set([...idsOf(ids).filter((id) => id !== removed), ...children]),
];

export function removeStep(
  steps: Step[],
  trigger: Trigger | null,
  stepId: string,
): { steps: Step[]; trigger: Trigger | null; removed: string[] } {
  const target = steps.find((s) => s.id === stepId);
  const children = target ? idsOf(target.nextStepIds) : [];
  let emptyChildren: string[] = [];
  if (target?.type === 'IF_ELSE') {
    const branchChildren = ((inputOf(target).branches ?? []) as Array<{ nextStepIds?: string[] }>).flatMap((b) => b.nextStepIds ?? []);
    emptyChildren = branchChildren.filter((id) => steps.find((s) => s.id === id)?.type === 'EMPTY');
  }
  const removed = [stepId, ...emptyChildren];
  const replacements: Step[] = [];
  const updated = steps
    .filter((s) => !removed.includes(s.id))
    .map((s) => {
      if (s.type === 'IF_ELSE')
        return ifElseWithout(s, stepId, children, removed, replacements, target?.position as { x: number; y: number } | undefined);
      if (idsOf(s.nextStepIds).includes(stepId)) return { ...s, nextStepIds: replaceIds(s.nextStepIds, stepId, children) };
      const loop = inputOf(s).initialLoopStepIds;
      if (s.type === 'ITERATOR' && idsOf(loop).includes(stepId))
        return { ...s, settings: { ...s.settings, input: { ...inputOf(s), initialLoopStepIds: replaceIds(loop, stepId, children) } } };
      return s;
    });
  updated.push(...replacements);
  const updatedTrigger =
    trigger && idsOf(trigger.nextStepIds).includes(stepId)
      ? { ...trigger, nextStepIds: replaceIds(trigger.nextStepIds, stepId, children) }
      : trigger;
  return { steps: updated, trigger: updatedTrigger, removed };
}

function ifElseWithout(
  step: Step,
  stepId: string,
  children: string[],
  removed: string[],
  replacements: Step[],
  position: { x: number; y: number } | undefined,
): Step {
  const branches = (inputOf(step).branches ?? []) as Array<{ id: string; nextStepIds: string[]; filterGroupId?: string }>;
  const total = branches.length;
  const next = branches.map((b, i) => {
    const ids = (b.nextStepIds.includes(stepId) ? replaceIds(b.nextStepIds, stepId, children) : b.nextStepIds).filter(
      (id) => !removed.includes(id),
    );
    const isIf = i === 0;
    const isElse = i === total - 1 && b.filterGroupId === undefined;
    if ((isIf || isElse) && ids.length === 0) {
      const node = emptyStep(position);
      replacements.push(node);
      return { ...b, nextStepIds: [node.id] };
    }
    return { ...b, nextStepIds: ids };
  });
  const kept = next.filter((b, i) => {
    const isIf = i === 0;
    const isElse = i === next.length - 1 && b.filterGroupId === undefined;
    return isIf || isElse || b.nextStepIds.length > 0;
  });
  return {
    ...step,
    nextStepIds: idsOf(step.nextStepIds).filter((id) => !removed.includes(id)),
    settings: { ...step.settings, input: { ...inputOf(step), branches: kept } },
  };
}

export interface Difference {
  type: 'CREATE' | 'REMOVE' | 'CHANGE';
  path: Array<string | number>;
  value?: unknown;
  oldValue?: unknown;
}

/** microdiff(old, new): what Twenty returns as triggerDiff / stepsDiff. */
export function diff(before: unknown, after: unknown, path: Array<string | number> = []): Difference[] {
  const out: Difference[] = [];
  const isObj = (v: unknown): v is Record<string | number, unknown> => v !== null && typeof v === 'object';
  if (!isObj(before) || !isObj(after) || Array.isArray(before) !== Array.isArray(after)) {
    if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ type: 'CHANGE', path, value: after, oldValue: before });
    return out;
  }
  const key = (k: string): string | number => (Array.isArray(before) ? Number(k) : k);
  for (const k of Object.keys(before)) {
    if (!(k in after)) out.push({ type: 'REMOVE', path: [...path, key(k)], oldValue: before[k] });
    else if (isObj(before[k]) && isObj(after[k])) out.push(...diff(before[k], after[k], [...path, key(k)]));
    else if (JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      out.push({ type: 'CHANGE', path: [...path, key(k)], value: after[k], oldValue: before[k] });
  }
  for (const k of Object.keys(after)) if (!(k in before)) out.push({ type: 'CREATE', path: [...path, key(k)], value: after[k] });
  return out;
}
