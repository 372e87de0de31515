// What the workspace holds of the pack's workflows, in one read: the workflow
// records by their deterministic ids (soft-deleted ones too, so that a workflow in
// the trash is not created a second time), each with its newest versions (the
// draft and the published one are among them; older ones are ARCHIVED history)
// with their trigger and steps.
// Record API paths as in the integration tests (twentyhq/twenty test/integration/
// graphql/suites/workflow/, workflows.md §3.1).
import type { TwentyClient } from '../../twenty/index.ts';

export interface ActualVersion {
  id: string;
  name: string;
  status: 'DRAFT' | 'ACTIVE' | 'DEACTIVATED' | 'ARCHIVED';
  trigger: Record<string, unknown> | null;
  steps: Array<Record<string, unknown>> | null;
}

export interface ActualWorkflow {
  id: string;
  name: string;
  lastPublishedVersionId: string | null;
  deletedAt: string | null;
  versions: ActualVersion[];
}

const WORKFLOWS = /* GraphQL */ `
  query BankpackWorkflows($ids: [UUID!]) {
    workflows(first: 60, filter: { and: [{ id: { in: $ids } }, { or: [{ deletedAt: { is: NULL } }, { deletedAt: { is: NOT_NULL } }] }] }) {
      edges {
        node {
          id
          name
          lastPublishedVersionId
          deletedAt
          versions(first: 20, orderBy: [{ createdAt: DescNullsLast }]) {
            edges {
              node {
                id
                name
                status
                trigger
                steps
              }
            }
          }
        }
      }
    }
  }
`;

interface Answer {
  workflows: { edges: Array<{ node: Omit<ActualWorkflow, 'versions'> & { versions: { edges: Array<{ node: ActualVersion }> } } }> };
}

/** The workflows with these ids (at most 60 per read, one read per 60). */
export async function readWorkflows(client: TwentyClient, ids: readonly string[]): Promise<ActualWorkflow[]> {
  const out: ActualWorkflow[] = [];
  for (let i = 0; i < ids.length; i += 60) {
    const data = await client.core<Answer>(
      WORKFLOWS,
      { ids: ids.slice(i, i + 60) },
      { operation: "read the workspace's workflows", kind: 'workflows' },
    );
    for (const { node } of data.workflows.edges) out.push({ ...node, versions: node.versions.edges.map((e) => e.node) });
  }
  return out;
}

/** One workflow again, after a write whose answer was lost. */
export async function readWorkflow(client: TwentyClient, id: string): Promise<ActualWorkflow | undefined> {
  return (await readWorkflows(client, [id]))[0];
}

/**
 * The connected account email steps send from. `myConnectedAccounts` (/metadata, 2.43:
 * ConnectedAccountPublicDTO {id, handle}) answers only to a user; without one, or on a
 * server that does not serve it, there is none to choose from.
 */
export async function readConnectedAccountId(
  userClient: TwentyClient | undefined,
  preferredHandle: string | undefined,
): Promise<string | undefined> {
  if (!userClient) return undefined;
  try {
    const data = await userClient.metadata<{ myConnectedAccounts: Array<{ id: string; handle: string }> }>(
      'query BankpackConnectedAccounts { myConnectedAccounts { id handle } }',
      undefined,
      { operation: 'read the connected email accounts', kind: 'connectedAccounts' },
    );
    const accounts = data.myConnectedAccounts ?? [];
    return (preferredHandle ? accounts.find((a) => a.handle === preferredHandle) : undefined)?.id ?? accounts[0]?.id;
  } catch {
    return undefined;
  }
}
