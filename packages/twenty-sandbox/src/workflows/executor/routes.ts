// The executor's HTTP routes. `POST /_sandbox/clock` {advance: ms | "24h" | "7d" |
// "30m"} moves the sandbox clock (answers {from, to, cronRuns, resumed}); `GET`
// answers {now}. `GET|POST /webhooks/workflows/:workspaceId/:workflowId` runs a
// WEBHOOK workflow as Twenty's workflow-trigger.controller.ts does: the workflow's
// last published version must be ACTIVE with a WEBHOOK trigger; answers
// {workflowName, success, workflowRunId}.
import type { Workspace } from '../../state/workspace.ts';
import { getWorkflow } from '../store.ts';
import type { WorkflowEngine } from './engine.ts';
import { publishedVersion } from './triggers.ts';

export interface RouteAnswer {
  status: number;
  body: unknown;
}

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** 90000, "90000", "24h", "7d", "30m" → milliseconds. */
export function parseDuration(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?\s*$/.exec(String(v ?? ''));
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === undefined || m[2] === 'ms' ? n : n * UNITS[m[2]]!;
}

export async function clockRoute(engine: WorkflowEngine, method: string, body: unknown): Promise<RouteAnswer> {
  if (method === 'GET') return { status: 200, body: { now: engine.clock.now().toISOString() } };
  if (method !== 'POST') return { status: 405, body: { error: `${method} /_sandbox/clock is not supported` } };
  const ms = parseDuration((body as { advance?: unknown } | undefined)?.advance);
  if (ms === undefined || ms < 0)
    return {
      status: 400,
      body: { error: 'send {"advance": <milliseconds> | "24h" | "7d" | "30m"}: the sandbox clock only moves forward' },
    };
  return { status: 200, body: await engine.advance(ms) };
}

export async function webhookRoute(
  ws: Workspace,
  engine: WorkflowEngine,
  path: string,
  method: string,
  payload: unknown,
): Promise<RouteAnswer | undefined> {
  const m = /^\/webhooks\/workflows\/([^/]+)\/([^/]+)$/.exec(path);
  if (!m) return undefined;
  const [, workspaceId, workflowId] = m;
  if (workspaceId !== ws.workspaceId) return { status: 404, body: { statusCode: 404, message: 'Workspace not found', error: 'Not Found' } };
  let name: string;
  try {
    name = getWorkflow(ws, workflowId!).name;
  } catch {
    return { status: 404, body: { statusCode: 404, message: 'Workflow not found', error: 'Not Found' } };
  }
  const version = publishedVersion(ws, workflowId!);
  const trigger = version?.trigger as { type?: string; settings?: { httpMethod?: string } } | null | undefined;
  if (!version || trigger?.type !== 'WEBHOOK')
    return { status: 404, body: { statusCode: 404, message: 'Workflow version not found or not active', error: 'Not Found' } };
  if ((trigger.settings?.httpMethod ?? 'POST') !== method)
    return {
      status: 405,
      body: { statusCode: 405, message: `This webhook expects ${trigger.settings?.httpMethod}`, error: 'Method Not Allowed' },
    };
  const workflowRunId = engine.runVersion(version, payload);
  await engine.idle();
  return { status: 200, body: { workflowName: name, success: true, workflowRunId } };
}
