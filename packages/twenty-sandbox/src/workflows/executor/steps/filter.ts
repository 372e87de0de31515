// FILTER (workflow-actions/filter/filter.workflow-action.ts @41d24255): without
// groups or filters it lets the run through; otherwise {matchesFilter}, and a
// false condition ends this path of the run (the step STOPPED, what follows SKIPPED).
import { evaluateStepFilters, type StepFilter, type StepFilterGroup } from '../step-filters.ts';
import type { StepExecutor } from '../types.ts';

export const filter: StepExecutor = ({ step, context }) => {
  const { stepFilterGroups, stepFilters } = (step.settings.input ?? {}) as {
    stepFilterGroups?: StepFilterGroup[];
    stepFilters?: StepFilter[];
  };
  if (!stepFilterGroups || !stepFilters) return { result: { shouldEndWorkflowRun: false } };
  const matchesFilter = evaluateStepFilters(stepFilterGroups, stepFilters, context);
  return { result: { matchesFilter }, shouldEndWorkflowRun: !matchesFilter };
};
