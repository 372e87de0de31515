// A sandbox for the workflow tests: Twenty's standard objects that the pack's
// objects and workflows use (company, person, task…, and the workflow objects),
// and a raw GraphQL helper that sends either the API key or the user token.
import { STANDARD_OBJECTS } from '../../src/pack/standard/index.ts';
import { type Sandbox, startSandbox, type SandboxOptions } from 'twenty-sandbox';

/**
 * The full catalogue's agent*, message* and calendar* objects currently make the
 * sandbox's /graphql schema unbuildable (input types without fields), so the
 * workflow tests start it with the objects they need.
 */
const USED = new Set([
  'company', 'person', 'opportunity', 'workspaceMember', 'task', 'taskTarget', 'note', 'noteTarget', 'attachment', 'timelineActivity',
  'workflow', 'workflowVersion', 'workflowRun', 'workflowAutomatedTrigger',
]);

export const WORKFLOW_TEST_OBJECTS = STANDARD_OBJECTS.filter((o) => USED.has(o.nameSingular));

export function startWorkflowSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, standardObjects: WORKFLOW_TEST_OBJECTS, ...options });
}

export interface Answer<T = Record<string, unknown>> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** POST /graphql with the given bearer token. */
export async function gql<T = Record<string, unknown>>(sb: Sandbox, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
  const res = await fetch(`${sb.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Answer<T>;
}
