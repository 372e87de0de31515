// The step graph of a workflow spec: every step flattened in creation order, with
// its deterministic UUID, what runs after it, what ran before it, the loop it sits
// in, and its position on Twenty's canvas (laid out top-down).
//
// Edges follow Twenty's model (twenty-shared workflow/validation/utils/
// get-step-outgoing-step-ids.util.ts @41d2425): a step's `nextStepIds`; an
// IF_ELSE's `branches[].nextStepIds`; an ITERATOR's `initialLoopStepIds` (the loop
// body) beside its `nextStepIds` (after the loop). Branches never join again; a
// loop body's last steps lead back to the iterator.
import { v5 as uuidv5 } from 'uuid';
import type { NodePath } from '../pack/index.ts';
import type { BranchSpec, StepSpec, WorkflowSpec } from './format.ts';

/** Canvas spacing, close to what Twenty's editor uses between nodes. */
export const ROW_HEIGHT = 150;
export const COLUMN_WIDTH = 320;

export interface Position {
  x: number;
  y: number;
}

export interface GraphStep {
  key: string;
  uuid: string;
  spec: StepSpec;
  path: NodePath;
  /** Keys of the steps on every path from the trigger to this one, in run order. */
  upstream: string[];
  /** Key of the innermost loop (ITERATOR) around it. */
  iterator?: string;
  /** Keys of the steps that follow (nextStepIds). */
  next: string[];
  /** IF_ELSE: its branches, an else branch added when the YAML has none, each starting at one step. */
  branches?: GraphBranch[];
  /** ITERATOR: the first step of the loop body. */
  loopStart?: string[];
  position: Position;
}

export interface GraphBranch {
  /** Index in the YAML's branches, or 'else' for the one added. */
  index: number | 'else';
  when?: BranchSpec['when'];
  /** Key of the branch's first step (an EMPTY placeholder when the branch has none). */
  first: string;
}

export interface WorkflowGraph {
  steps: GraphStep[];
  byKey: Map<string, GraphStep>;
  /** Keys the trigger leads to. */
  first: string[];
}

/** `uuidv5("workflowStep:<key>", <workflow universalIdentifier>)`: the same key always gets the same id. */
export function stepUuid(workflowUid: string, key: string): string {
  return uuidv5(`workflowStep:${key}`, workflowUid.toLowerCase());
}

/** Ids of the parts of a step that Twenty also keys (filter groups, filters, branches). */
export function partUuid(workflowUid: string, stepKey: string, ...parts: Array<string | number>): string {
  return uuidv5(`workflowStep:${stepKey}:${parts.join(':')}`, workflowUid.toLowerCase());
}

export function buildGraph(workflow: WorkflowSpec): WorkflowGraph {
  const steps: GraphStep[] = [];
  const byKey = new Map<string, GraphStep>();

  // Returns the number of rows the list takes, for the layout.
  const walk = (
    list: StepSpec[],
    path: NodePath,
    upstream: string[],
    iterator: string | undefined,
    at: Position,
    synthetic = false,
  ): number => {
    let row = 0;
    let before = [...upstream];
    list.forEach((spec, i) => {
      const step: GraphStep = {
        key: spec.id,
        uuid: stepUuid(workflow.universalIdentifier, spec.id),
        spec,
        path: synthetic ? path : [...path, i],
        upstream: before,
        ...(iterator !== undefined ? { iterator } : {}),
        next: [],
        position: { x: at.x, y: at.y + row * ROW_HEIGHT },
      };
      steps.push(step);
      if (!byKey.has(spec.id)) byKey.set(spec.id, step);
      row++;
      const after = [...before, spec.id];
      if (spec.type === 'IF_ELSE') {
        // Twenty needs an else branch (IF_ELSE_INSUFFICIENT_BRANCHES) and refills an empty if / else
        // branch with an EMPTY step whenever a step is deleted (remove-step.ts): give them one up front.
        const declared: Array<{ branch: BranchSpec; index: number | 'else' }> = spec.branches.map((branch, b) => ({ branch, index: b }));
        if (spec.branches.every((b) => b.when)) declared.push({ branch: { steps: [] }, index: 'else' });
        let column = 0;
        let deepest = 0;
        step.branches = declared.map(({ branch, index }) => {
          const x = at.x + (column - (declared.length - 1) / 2) * COLUMN_WIDTH;
          const branchPath = index === 'else' ? [...step.path, 'branches'] : [...step.path, 'branches', index, 'steps'];
          const list: StepSpec[] =
            branch.steps.length > 0
              ? branch.steps
              : [{ id: `${spec.id}.${index === 'else' ? 'else' : `branch${index}`}`, type: 'EMPTY', name: 'Add an Action' }];
          const rows = walk(list, branchPath, after, iterator, { x, y: step.position.y + ROW_HEIGHT }, branch.steps.length === 0);
          deepest = Math.max(deepest, rows);
          column += Math.max(1, widthOf(branch.steps));
          return { index, ...(branch.when ? { when: branch.when } : {}), first: list[0]!.id };
        });
        row += deepest;
      } else if (spec.type === 'ITERATOR') {
        const rows = walk(spec.steps, [...step.path, 'steps'], after, spec.id, { x: at.x + COLUMN_WIDTH, y: step.position.y + ROW_HEIGHT });
        step.loopStart = spec.steps[0] ? [spec.steps[0].id] : [];
        row += rows;
      }
      const following = list[i + 1];
      if (following && spec.type !== 'IF_ELSE') step.next = [following.id];
      // The last step of a loop body leads back to its iterator: Twenty runs the next
      // item only when a loop step's nextStepIds names the iterator
      // (should-execute-iterator-step.util.ts, get-all-step-ids-in-loop.util.ts @41d24255).
      else if (!following && iterator !== undefined && spec.type !== 'IF_ELSE') step.next = [iterator];
      before = after;
    });
    return row;
  };

  walk(workflow.steps, ['steps'], [], undefined, { x: 0, y: ROW_HEIGHT });
  return { steps, byKey, first: workflow.steps[0] ? [workflow.steps[0].id] : [] };
}

/** How many columns a list needs side by side (its widest IF_ELSE). */
function widthOf(list: StepSpec[]): number {
  let width = 1;
  for (const s of list) {
    if (s.type === 'IF_ELSE')
      width = Math.max(
        width,
        s.branches.reduce((n, b) => n + Math.max(1, widthOf(b.steps)), 0),
      );
    if (s.type === 'ITERATOR') width = Math.max(width, 1 + widthOf(s.steps));
  }
  return width;
}
