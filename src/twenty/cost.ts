// What one request costs against Twenty's API throttle, so that the client paces
// exactly what Twenty throttles and nothing else. Twenty takes one token per
// records-API resolver call (one per root field) and only from an API-key caller
// (CommonBaseQueryRunnerService.throttleQueryExecution, engine/api/common/
// common-query-runners/common-base-query-runner.service.ts @41d24255). /metadata
// resolvers, the workflow-builder mutations (core resolvers, not the records
// query runner) and user sessions cost nothing.
import { Kind, type OperationDefinitionNode, parse, type SelectionSetNode } from 'graphql';
import type { Endpoint } from './counter.ts';

/** Who the client authenticates as: an API key (throttled) or a signed-in user (not throttled). */
export type Caller = 'apiKey' | 'user';

/**
 * Root fields of /graphql that are Twenty core resolvers rather than records resolvers:
 * the workflow ones (engine/core-modules/workflow/resolvers/*.resolver.ts). Any root
 * field not listed is counted, the stricter reading: pacing a free request only
 * slows us, missing a charged one runs into the server's limit.
 */
const NOT_THROTTLED_ROOT_FIELDS = new Set([
  'activateWorkflowVersion',
  'deactivateWorkflowVersion',
  'createDraftFromWorkflowVersion',
  'createWorkflowVersionStep',
  'updateWorkflowVersionStep',
  'deleteWorkflowVersionStep',
  'duplicateWorkflowVersionStep',
  'createWorkflowVersionEdge',
  'deleteWorkflowVersionEdge',
  'updateWorkflowVersionPositions',
  'updateWorkflowVersionTrigger',
  'updateWorkflowRunStep',
  'runWorkflowVersion',
  'stopWorkflowRun',
  'computeStepOutputSchema',
  'testHttpRequest',
]);

const cache = new Map<string, number>();

function rootFieldNames(set: SelectionSetNode, fragments: Map<string, SelectionSetNode>, seen: Set<string>): string[] {
  const out: string[] = [];
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) out.push(sel.name.value);
    else if (sel.kind === Kind.INLINE_FRAGMENT) out.push(...rootFieldNames(sel.selectionSet, fragments, seen));
    else if (!seen.has(sel.name.value)) {
      const fragment = fragments.get(sel.name.value);
      if (fragment) out.push(...rootFieldNames(fragment, fragments, new Set([...seen, sel.name.value])));
    }
  }
  return out;
}

/** Records root fields of the document's (single) operation; a document that does not parse costs 1. */
export function recordsRootFields(query: string): number {
  const hit = cache.get(query);
  if (hit !== undefined) return hit;
  let count = 1;
  try {
    const doc = parse(query);
    const fragments = new Map<string, SelectionSetNode>();
    for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
    const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (op)
      count = rootFieldNames(op.selectionSet, fragments, new Set()).filter(
        (n) => !n.startsWith('__') && !NOT_THROTTLED_ROOT_FIELDS.has(n),
      ).length;
  } catch {
    // The server will refuse it before any resolver runs; count it anyway, to be safe.
  }
  if (cache.size > 500) cache.clear();
  cache.set(query, count);
  return count;
}

/** Tokens this request takes from the workspace's throttle budget. */
export function throttleCost(endpoint: Endpoint, caller: Caller, query: string): number {
  if (caller === 'user' || endpoint === 'metadata') return 0;
  return recordsRootFields(query);
}
