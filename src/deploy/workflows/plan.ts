// The workflow half of `bankpack plan`: compile the pack's workflows and compare
// them with what the workspace holds, in one read.
import type { IdDeriver } from '../ids.ts';
import type { ActualObject } from '../state.ts';
import type { LinkedPack } from '../../pack/index.ts';
import { type TwentyClient, isTwentyError } from '../../twenty/index.ts';
import { buildCatalogue, type Catalogue, compileWorkflow, fieldIdLookup } from '../../workflows/index.ts';
import { type ActualWorkflow, readWorkflows } from './read.ts';
import { planWorkflowChanges, type WorkflowPlan } from './diff.ts';

/** The id a pack workflow has in a workspace: `ids('workflow', universalIdentifier)`. */
export function workflowIdFor(ids: IdDeriver, universalIdentifier: string): string {
  return ids('workflow', universalIdentifier.toLowerCase());
}

export interface PlanWorkflowsInput {
  client: TwentyClient;
  /** A ValidPack when deploy calls (preparePlan takes only those). */
  pack: LinkedPack;
  ids: IdDeriver;
  catalogue?: Catalogue;
  /** The workspace's objects as deploy read them: FIND_RECORDS filters name fields by these ids. */
  objects?: readonly ActualObject[];
}

/**
 * Compile the pack's workflows and compare them with the workspace, in one read.
 * Email steps keep the connected account they were deployed with: which account to
 * send from is settled when a workflow is written (apply.ts), with a user token.
 */
export async function planWorkflows(input: PlanWorkflowsInput): Promise<WorkflowPlan> {
  if (input.pack.workflows.length === 0) return { changes: [], unchanged: 0 };
  const catalogue = input.catalogue ?? buildCatalogue(input.pack);
  const entries = input.pack.workflows.map((def) => ({ def, workflowId: workflowIdFor(input.ids, def.universalIdentifier) }));
  let actual;
  try {
    actual = await readWorkflows(
      input.client,
      entries.map((e) => e.workflowId),
    );
  } catch (e) {
    // A workspace whose API has no workflow records (workflows turned off, or a Twenty too old for them).
    if (!isTwentyError(e) || e.kind !== 'schema-mismatch') throw e;
    return {
      unchanged: 0,
      changes: [
        {
          action: 'conflict',
          title: `${entries.length} workflow${entries.length === 1 ? '' : 's'}`,
          file: 'workflows/',
          reason: `the workspace's API has no workflow records (${e.message})`,
          options: [
            'turn workflows on for the workspace (Settings → Workflows; a feature flag on old servers), then deploy again',
            'or remove the files from workflows/',
          ],
        },
      ],
    };
  }
  // Ids of fields this deploy creates are not known yet: they stay placeholders, filled in at apply.
  const fieldIds = input.objects ? fieldIdLookup(input.objects) : undefined;
  const desired = entries.map(({ def, workflowId }) => {
    const connectedAccountId = deployedAccountId(actual.find((w) => w.id === workflowId)) ?? '';
    return { workflowId, compiled: compileWorkflow(def, { catalogue, connectedAccountId, ...(fieldIds ? { fieldIds } : {}) }) };
  });
  return planWorkflowChanges(desired, actual);
}

/** The account the published version's email steps send from, if it has one. */
function deployedAccountId(live: ActualWorkflow | undefined): string | undefined {
  const steps = live?.versions.find((v) => v.id === live.lastPublishedVersionId)?.steps ?? [];
  for (const s of steps) {
    const id = (s.settings as { input?: { connectedAccountId?: unknown } } | undefined)?.input?.connectedAccountId;
    if (s.type === 'SEND_EMAIL' && typeof id === 'string' && id !== '') return id;
  }
  return undefined;
}
