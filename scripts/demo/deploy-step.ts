// The demo's deploy: `bankpack plan` then `bankpack deploy --yes`, as one run of deploy's
// engine (objects, fields, relations, views, reference seeds, then workflows with the
// sandbox's user token). The plan is kept as text beside the workspace; the outcome is
// counted by kind, and a failure is told apart: before the workflows (the schema is not
// all there) or in them (everything else was applied).
import { writeFile } from 'node:fs/promises';
import { applyPlan, countPlan, preparePlan, renderPlan, type Change, type Plan } from '../deploy/index.ts';
import { titleOf } from '../deploy/apply-context.ts';
import type { Pack } from '../pack/model.ts';
import type { TwentyClient } from '../twenty/client.ts';

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

const LABELS: Record<keyof KindCounts, string> = { object: 'objects', field: 'fields', relation: 'relations', view: 'views', records: 'reference records', workflow: 'workflows', role: 'roles' };

export function countAll(c: KindCounts, withWorkflows: boolean): number {
  return Object.entries(c).reduce((n, [k, v]) => (k === 'workflow' && !withWorkflows ? n : n + v), 0);
}

export function describeCounts(c: KindCounts, withWorkflows: boolean): string {
  const parts = (Object.keys(LABELS) as Array<keyof KindCounts>).filter((k) => (withWorkflows || k !== 'workflow') && c[k] > 0).map((k) => `${c[k]} ${LABELS[k]}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

export async function deployPack(client: TwentyClient, userClient: TwentyClient, pack: Pack, planFile: string): Promise<DeployResult> {
  const prepared = await preparePlan(client, pack);
  if (prepared.problems.length > 0) throw new Error(`deploy cannot resolve ${prepared.problems.length} reference(s) of the pack, first: ${prepared.problems[0]?.file} ${prepared.problems[0]?.message}`);
  const { plan } = prepared;
  await writeFile(planFile, renderPlan(plan, { color: false }));
  const counts = countPlan(plan);
  const base = { ...countChanges(plan), unchanged: counts.unchanged, total: plan.changes.filter((c) => c.apply).length };
  if (counts.conflict > 0) {
    const first = plan.changes.find((c) => c.action === 'conflict');
    return { ...base, applied: 0, requests: client.counter.total, failure: `${counts.conflict} conflict(s) need an admin's decision, first ${first ? titleOf(first) : ''}: ${first?.reason ?? ''} (see ${planFile})` };
  }
  const report = await applyPlan(client, plan, prepared.actual, prepared.caps, { userClient });
  const result: DeployResult = { ...base, applied: report.done, requests: client.counter.total + userClient.counter.total };
  if (report.skipped) result.workflowFailure = `${report.skipped.changes.length} workflow change(s) not applied: ${report.skipped.reason}`;
  if (report.failure) {
    const { change, message: text, hint } = report.failure;
    const message = `${change}: ${text}${hint && !text.includes(hint) ? ` (${hint})` : ''}`;
    if (isWorkflowChange(plan, report.failure.change)) result.workflowFailure = message;
    else result.failure = message;
  }
  return result;
}

function isWorkflowChange(plan: Plan, title: string): boolean {
  return plan.changes.some((c: Change) => c.kind === 'workflow' && titleOf(c) === title);
}
