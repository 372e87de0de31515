// ITERATOR (workflow-actions/iterator/iterator.workflow-action.ts @41d24255): items
// resolved (a string is JSON-parsed) and must be an array ("Iterator input items
// must be an array"); no items or no loop body = done at once; otherwise each run
// of the step moves to the next item, {currentItem, currentItemIndex,
// hasProcessedAllItems}, and stays RUNNING while items are left. The loop body
// comes back to the iterator through a step whose nextStepIds names it.
import { resolveInput } from '../resolve.ts';
import type { StepExecutor } from '../types.ts';

const MAX_ITERATIONS = 10_000;

export interface IteratorResult {
  currentItemIndex: number;
  currentItem: unknown;
  hasProcessedAllItems: boolean;
}

export const iterator: StepExecutor = ({ step, context, stepInfos }) => {
  const { items, initialLoopStepIds } = (resolveInput(step.settings.input, context) ?? {}) as {
    items?: unknown;
    initialLoopStepIds?: string[];
  };
  const parsed: unknown = typeof items === 'string' ? JSON.parse(items) : items;
  if (!Array.isArray(parsed)) throw new Error('Iterator input items must be an array');
  if (!initialLoopStepIds || initialLoopStepIds.length === 0 || parsed.length === 0) {
    return { result: { currentItemIndex: 0, currentItem: undefined, hasProcessedAllItems: true } satisfies IteratorResult };
  }
  const previous = stepInfos[step.id]?.result as IteratorResult | undefined;
  const index = previous ? previous.currentItemIndex + 1 : 0;
  if (index >= MAX_ITERATIONS) throw new Error('Iterator has reached the maximum number of iterations');
  const done = index >= parsed.length;
  return {
    result: {
      currentItemIndex: index,
      currentItem: index < parsed.length ? parsed[index] : undefined,
      hasProcessedAllItems: done,
    } satisfies IteratorResult,
    shouldRemainRunning: !done,
  };
};
