// The demo's deploy: `bankpack deploy --yes` as the deploy op runs it (objects, fields,
// relations, views, reference seeds, then workflows with the sandbox's user token). The plan is kept as text beside the workspace; the outcome is
// counted by kind, and a failure is told apart: before the workflows (the schema is not
// all there) or in them (everything else was applied).
import { writeFile } from 'node:fs/promises';
import { countPlan, renderPlan, titleOf, type Change, type Plan } from '../deploy/index.ts';
import { deploy, type Workspace } from '../ops/index.ts';
import type { PackFile, ValidPack } from '../pack/index.ts';

export type CountedKind = 'object' | 'field' | 'relation' | 'view' | 'records' | 'workflow' | 'role';
export type KindCounts = Record<CountedKind, number>;

export interface DeployResult {
  /** Entities the plan creates, by kind (records: seed records); all of them were when applied = total. */
  created: KindCounts;
  /** Entities the plan updates, by kind. */
  updated: KindCounts;
  unchanged: number;
  /** Changes applied, of the plan's total. */
  applied: number;
  total: number;
  /** Why the schema part stopped (nothing after it ran). */
  failure?: string;
  /** Why the workflows did not all deploy (the rest did). */
  workflowFailure?: string;
  requests: number;
}

const zero = (): KindCounts => ({ object: 0, field: 0, relation: 0, view: 0, records: 0, workflow: 0, role: 0 });

export function countChanges(plan: Plan): { created: KindCounts; updated: KindCounts } {
  const created = zero();
  const updated = zero();
  for (const c of plan.changes) {
    if (!c.apply) continue;
    const kind: CountedKind = c.kind === 'option' ? 'field' : c.kind;
    if (c.apply.op === 'upsertRecords') {
      created.records += c.apply.create.length;
      updated.records += c.apply.update.length;
    } else if (c.action === 'create') created[kind]++;
    else updated[kind]++;
  }
  return { created, updated };
}

const LABELS: Record<keyof KindCounts, string> = {
  object: 'objects',
  field: 'fields',
  relation: 'relations',
  view: 'views',
  records: 'reference records',
  workflow: 'workflows',
  role: 'roles',
};

export function countAll(c: KindCounts, withWorkflows: boolean): number {
  return Object.entries(c).reduce((n, [k, v]) => (k === 'workflow' && !withWorkflows ? n : n + v), 0);
}

export function describeCounts(c: KindCounts, withWorkflows: boolean): string {
  const parts = (Object.keys(LABELS) as Array<keyof KindCounts>)
    .filter((k) => (withWorkflows || k !== 'workflow') && c[k] > 0)
    .map((k) => `${c[k]} ${LABELS[k]}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

export async function deployPack(
  workspace: Workspace,
  dir: string,
  validated: { pack: ValidPack; files: readonly PackFile[] },
  planFile: string,
): Promise<DeployResult> {
  const result = await deploy({ dir, pack: validated, workspace });
  const requests = (): number => workspace.client.counter.total + (workspace.userClient?.counter.total ?? 0);
  const { plan } = result;
  if (!plan)
    return {
      created: zero(),
      updated: zero(),
      unchanged: 0,
      applied: 0,
      total: 0,
      requests: requests(),
      failure: result.ok ? 'no plan' : result.message,
    };
  await writeFile(planFile, renderPlan(plan, { color: false }));
  const counts = countPlan(plan);
  const base = { ...countChanges(plan), unchanged: counts.unchanged, total: plan.changes.filter((c) => c.apply).length };
  if (!result.ok && result.reason === 'conflicts') {
    const first = plan.changes.find((c) => c.action === 'conflict');
    return {
      ...base,
      applied: 0,
      requests: requests(),
      failure: `${counts.conflict} conflict(s) need an admin's decision, first ${first ? titleOf(first) : ''}: ${first?.reason ?? ''} (see ${planFile})`,
    };
  }
  const { report } = result;
  const out: DeployResult = { ...base, applied: report?.done ?? 0, requests: requests() };
  if (report?.skipped) out.workflowFailure = `${report.skipped.changes.length} workflow change(s) not applied: ${report.skipped.reason}`;
  if (report?.failure) {
    const { change, message: text, hint } = report.failure;
    const message = `${change}: ${text}${hint && !text.includes(hint) ? ` (${hint})` : ''}`;
    if (isWorkflowChange(plan, report.failure.change)) out.workflowFailure = message;
    else out.failure = message;
  } else if (!result.ok) out.failure = result.message;
  return out;
}

function isWorkflowChange(plan: Plan, title: string): boolean {
  return plan.changes.some((c: Change) => c.kind === 'workflow' && titleOf(c) === title);
}
