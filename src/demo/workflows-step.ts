// What the workflows did during the demo, read back as a user would: the
// `workflowRun` records (status, and each step's outcome in `state.stepInfos`)
// through the records API, counted per workflow — runs started, tasks created,
// emails sent by SEND_EMAIL steps. Loops keep earlier items in each step's history.
import { readPages } from '../records/index.ts';
import type { TwentyClient } from '../twenty/index.ts';

export interface WorkflowRunCount {
  workflow: string;
  runs: number;
  completed: number;
  running: number;
  failed: number;
  tasks: number;
  emails: number;
}

interface StepInfo {
  status?: string;
  history?: Array<{ status?: string }>;
}
interface RunNode {
  status: string;
  createdAt: string;
  workflow: { name: string } | null;
  state: {
    flow?: { steps?: Array<{ id: string; type: string; settings?: { input?: { objectName?: string } } }> };
    stepInfos?: Record<string, StepInfo>;
  } | null;
}

const WORKFLOW_RUN = { nameSingular: 'workflowRun', namePlural: 'workflowRuns' };

/** Runs created since `since` (ISO), per workflow, most runs first. */
export async function countWorkflowRuns(client: TwentyClient, since: string): Promise<WorkflowRunCount[]> {
  const counts = new Map<string, WorkflowRunCount>();
  const pages = readPages(client, {
    object: WORKFLOW_RUN,
    fields: ['status', 'createdAt', 'state', { workflow: ['name'] }],
    pageSize: 200,
  });
  for await (const page of pages) {
    for (const node of page as unknown as RunNode[]) {
      if (node.createdAt < since) continue;
      const name = node.workflow?.name ?? '(deleted workflow)';
      const c = counts.get(name) ?? { workflow: name, runs: 0, completed: 0, running: 0, failed: 0, tasks: 0, emails: 0 };
      c.runs++;
      if (node.status === 'COMPLETED') c.completed++;
      else if (node.status === 'FAILED') c.failed++;
      else c.running++;
      for (const step of node.state?.flow?.steps ?? []) {
        const info = node.state?.stepInfos?.[step.id];
        const successes = [info, ...(info?.history ?? [])].filter((i) => i?.status === 'SUCCESS').length;
        if (step.type === 'SEND_EMAIL') c.emails += successes;
        if (step.type === 'CREATE_RECORD' && step.settings?.input?.objectName === 'task') c.tasks += successes;
      }
      counts.set(name, c);
    }
  }
  return [...counts.values()].sort((a, b) => b.runs - a.runs || a.workflow.localeCompare(b.workflow));
}

export function describeWorkflowRuns(counts: WorkflowRunCount[]): string {
  if (counts.length === 0) return 'no workflow ran (nothing new happened in the CRM)';
  const total = counts.reduce((n, c) => n + c.runs, 0);
  const parts = counts.map((c) => {
    const state = [
      c.completed > 0 ? `${c.completed} completed` : '',
      c.running > 0 ? `${c.running} waiting` : '',
      c.failed > 0 ? `${c.failed} failed` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const did = [c.tasks > 0 ? `${c.tasks} task(s) created` : '', c.emails > 0 ? `${c.emails} email(s) sent` : '']
      .filter(Boolean)
      .join(', ');
    return `${c.workflow}: ${c.runs} run(s) (${state})${did ? `, ${did}` : ''}`;
  });
  return `${total} run(s) — ${parts.join('; ')}`;
}
