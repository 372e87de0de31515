// IF_ELSE (workflow-actions/if-else/if-else.workflow-action.ts and
// utils/find-matching-branch.util.ts @41d24255): at least one branch, groups and
// filters defined; the first branch whose filter group holds is taken, a branch
// without a group is the else; the result names it (matchingBranchId).
import { findMatchingBranch, resolveFilters, type StepFilter, type StepFilterGroup } from '../step-filters.ts';
import type { StepExecutor } from '../types.ts';

export interface Branch {
  id: string;
  nextStepIds?: string[];
  filterGroupId?: string | null;
}

export const ifElse: StepExecutor = ({ step, context }) => {
  const { stepFilterGroups, stepFilters, branches } = (step.settings.input ?? {}) as {
    stepFilterGroups?: StepFilterGroup[];
    stepFilters?: StepFilter[];
    branches?: Branch[];
  };
  if (!branches || branches.length === 0) throw new Error('If-else action must have at least one branch');
  if (!stepFilterGroups || !stepFilters) throw new Error('If-else action must have stepFilterGroups and stepFilters defined');
  const branch = findMatchingBranch(branches, stepFilterGroups, resolveFilters(stepFilters, context));
  return { result: { matchingBranchId: branch.id } };
};
