// The step graph as Twenty's executor walks it: parents of a step through
// nextStepIds, IF_ELSE branches and ITERATOR loop bodies (find-parent-steps.util.ts),
// the steps of a loop body (get-all-step-ids-in-loop.util.ts @41d24255: followed
// until a step leads back to the iterator), and which parent status lets a child
// run (should-execute-child-step.util.ts, get-effective-parent-status.util.ts).
import type { Branch, IteratorResult } from './steps/index.ts';
import type { Step, StepInfo, StepStatus, Trigger } from './types.ts';

const input = (s: Step): Record<string, unknown> => (s.settings.input ?? {}) as Record<string, unknown>;
export const branchesOf = (s: Step): Branch[] => (s.type === 'IF_ELSE' ? ((input(s).branches as Branch[] | undefined) ?? []) : []);
export const loopStartOf = (s: Step): string[] =>
  s.type === 'ITERATOR' ? ((input(s).initialLoopStepIds as string[] | undefined) ?? []) : [];

/** Every step id a step can lead to. */
export function childrenOf(s: Step): string[] {
  return [...(s.nextStepIds ?? []), ...branchesOf(s).flatMap((b) => b.nextStepIds ?? []), ...loopStartOf(s)];
}

export function parentsOf(stepId: string, steps: Step[], trigger: Trigger): string[] {
  const out = steps.filter((s) => childrenOf(s).includes(stepId)).map((s) => s.id);
  if ((trigger.nextStepIds ?? []).includes(stepId)) out.push('trigger');
  return out;
}

export function stepIdsInLoop(iterator: Step, steps: Step[]): string[] {
  const found = new Set<string>();
  const visit = (ids: string[]): void => {
    for (const id of ids) {
      if (id === iterator.id || found.has(id)) continue;
      found.add(id);
      const s = steps.find((x) => x.id === id);
      if (!s) continue;
      if (s.type === 'ITERATOR') for (const inner of stepIdsInLoop(s, steps)) found.add(inner);
      for (const b of branchesOf(s)) visit(b.nextStepIds ?? []);
      if (!s.nextStepIds || s.nextStepIds.includes(iterator.id)) continue;
      visit(s.nextStepIds);
    }
  };
  visit(loopStartOf(iterator));
  return [...found];
}

const TERMINAL: StepStatus[] = ['SUCCESS', 'STOPPED', 'SKIPPED', 'FAILED_SAFELY'];

/** The status a parent shows one child: an IF_ELSE's other branches see it SKIPPED, an iterator's loop body sees it running as SUCCESS. */
export function effectiveStatus(parent: Step | undefined, parentInfo: StepInfo | undefined, childId: string): StepStatus | undefined {
  if (!parent) return parentInfo?.status;
  if (parent.type === 'IF_ELSE' && parentInfo?.status === 'SUCCESS') {
    const chosen = (parentInfo.result as { matchingBranchId?: string } | undefined)?.matchingBranchId;
    const branch = branchesOf(parent).find((b) => b.id === chosen);
    return branch && (branch.nextStepIds ?? []).includes(childId) ? 'SUCCESS' : 'SKIPPED';
  }
  if (parent.type === 'ITERATOR') {
    const result = parentInfo?.result as IteratorResult | undefined;
    const inLoop = loopStartOf(parent).includes(childId);
    if (inLoop) return parentInfo?.status === 'RUNNING' && result && !result.hasProcessedAllItems ? 'SUCCESS' : 'SKIPPED';
    return parentInfo?.status === 'SUCCESS' ? 'SUCCESS' : parentInfo?.status;
  }
  return parentInfo?.status;
}

/** 'run' when every parent is done and one succeeded, 'skip' when all were skipped or stopped, 'wait' otherwise. */
export function decide(statuses: Array<StepStatus | undefined>): 'run' | 'skip' | 'wait' {
  if (statuses.some((s) => s === undefined || !TERMINAL.includes(s))) return 'wait';
  return statuses.some((s) => s === 'SUCCESS' || s === 'FAILED_SAFELY') ? 'run' : 'skip';
}
