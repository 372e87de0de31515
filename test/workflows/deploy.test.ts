// The pack's workflows deployed into the sandbox through `bankpack deploy`'s
// engine: created and activated, left alone when unchanged, given exactly one new
// version when changed, skipped with a clear reason when only an API key is
// given, and finished by a second run after a lost answer.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan, preparePlan, type ApplyReport, type Plan } from '../../src/deploy/index.ts';
import type { ValidPack as Pack, WorkflowDef } from '../../src/pack/index.ts';
import { validPack } from '../support/valid-pack.ts';
import { TwentyClient } from '../../src/twenty/client.ts';
import { USER_TOKEN_HELP } from '../../src/workflows/index.ts';
import type { Sandbox } from 'twenty-sandbox';
import { gql, startWorkflowSandbox } from './sandbox.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const NO_PACING = { perMinute: 0, burst: 1 };

let pack: Pack;
let sb: Sandbox;
let client: TwentyClient;
let userClient: TwentyClient;

interface LiveWorkflow {
  id: string;
  name: string;
  lastPublishedVersionId: string | null;
  versions: { edges: Array<{ node: { id: string; name: string; status: string; steps: Array<{ id: string; type: string }> } }> };
}

async function liveWorkflows(): Promise<LiveWorkflow[]> {
  const r = await gql<{ workflows: { edges: Array<{ node: LiveWorkflow }> } }>(
    sb,
    sb.apiKey,
    '{ workflows(first: 60) { edges { node { id name lastPublishedVersionId versions(first: 60) { edges { node { id name status steps } } } } } } }',
  );
  return r.data!.workflows.edges.map((e) => e.node);
}

async function deploy(p: Pack, withUser = true): Promise<{ plan: Plan; report: ApplyReport }> {
  const prepared = await preparePlan(client, p);
  const report = await applyPlan(client, prepared.plan, prepared.actual, prepared.caps, withUser ? { userClient } : {});
  return { plan: prepared.plan, report };
}

const workflowChanges = (plan: Plan) => plan.changes.filter((c) => c.kind === 'workflow');
const writes = (from: number): number =>
  sb
    .requests()
    .slice(from)
    .filter((r) => r.write).length;

/** The pack with one workflow's data changed. */
function changed(p: Pack, file: string, edit: (data: Record<string, unknown>) => void): Pack {
  const workflows = p.workflows.map((w): WorkflowDef => {
    if (!w.source.file.endsWith(file)) return w;
    const data = structuredClone(w.data);
    edit(data);
    return { ...w, name: String(data.name), data };
  });
  return { ...p, workflows };
}

beforeAll(async () => {
  pack = await validPack(ROOT);
  sb = await startWorkflowSandbox();
  client = new TwentyClient({ url: sb.url, apiKey: sb.apiKey, pacing: NO_PACING });
  userClient = new TwentyClient({ url: sb.url, apiKey: sb.userToken, pacing: NO_PACING });
}, 60_000);
afterAll(async () => {
  await sb.close();
});

describe('deploying the pack’s workflows', () => {
  it('creates every workflow of the pack and activates it: one ACTIVE version, its automated trigger in place', async () => {
    expect(pack.workflows.length).toBeGreaterThanOrEqual(9);
    const { plan, report } = await deploy(pack);
    expect(report.failure).toBeUndefined();
    expect(workflowChanges(plan).map((c) => c.action)).toEqual(pack.workflows.map(() => 'create'));
    const live = await liveWorkflows();
    expect(live.map((w) => w.name).sort()).toEqual(pack.workflows.map((w) => w.name).sort());
    for (const w of live) {
      const versions = w.versions.edges.map((e) => e.node);
      expect(
        versions.map((v) => [v.name, v.status]),
        w.name,
      ).toEqual([['v1', 'ACTIVE']]);
      expect(w.lastPublishedVersionId).toBe(versions[0]!.id);
      // No EMPTY placeholders left behind but those the pack's IF_ELSE branches need.
      expect(versions[0]!.steps.filter((s) => s.type === 'EMPTY').length, w.name).toBe(0);
    }
    const triggers = await gql<{ workflowAutomatedTriggers: { totalCount: number } }>(
      sb,
      sb.apiKey,
      '{ workflowAutomatedTriggers { totalCount } }',
    );
    expect(triggers.data!.workflowAutomatedTriggers.totalCount).toBe(pack.workflows.length);
  }, 60_000);

  it('leaves unchanged workflows alone: the plan shows them unchanged, the deploy sends no write', async () => {
    const mark = sb.requests().length;
    const { plan, report } = await deploy(pack);
    expect(workflowChanges(plan)).toEqual([]);
    expect(plan.unchanged.workflows).toBe(pack.workflows.length);
    expect(report.ok).toBe(true);
    expect(writes(mark)).toBe(0);
    const reads = sb
      .requests()
      .slice(mark)
      .filter((r) => r.operationName === 'BankpackWorkflows');
    expect(reads).toHaveLength(1);
  }, 60_000);

  it('gives a changed workflow exactly one new version that replaces the active one, and nothing else', async () => {
    const edited = changed(pack, 'lead-created.workflow.yaml', (data) => {
      const steps = data.steps as Array<Record<string, unknown>>;
      (steps[0]!.set as Record<string, unknown>).title = '核实新线索：{{record.name}}';
    });
    const before = await liveWorkflows();
    const { plan, report } = await deploy(edited);
    expect(report.failure).toBeUndefined();
    const changes = workflowChanges(plan);
    expect(changes.map((c) => [c.action, c.title])).toEqual([['update', 'workflow "新线索：登记并派发核实任务"']]);
    expect(changes[0]!.diffs).toEqual([{ property: 'step "创建核实任务"', from: 'before', to: 'changed' }]);
    const after = await liveWorkflows();
    const target = after.find((w) => w.name === '新线索：登记并派发核实任务')!;
    expect(target.versions.edges.map((e) => [e.node.name, e.node.status]).sort()).toEqual([
      ['v1', 'ARCHIVED'],
      ['v2', 'ACTIVE'],
    ]);
    for (const w of after.filter((x) => x.id !== target.id)) {
      expect(w.versions.edges.length, w.name).toBe(before.find((b) => b.id === w.id)!.versions.edges.length);
    }
    expect(workflowChanges((await preparePlan(client, edited)).plan)).toEqual([]);
    pack = edited;
  }, 60_000);

  it('with only an API key, deploys everything else and says what a user token is and how to get one', async () => {
    const edited = changed(pack, 'survey-sampled.workflow.yaml', (data) => {
      data.name = '满意度抽样：派发回访任务';
      (data.steps as Array<Record<string, unknown>>).push({ id: 'pause', type: 'DELAY', for: { minutes: 5 } });
    });
    const mark = sb.requests().length;
    const { report } = await deploy(edited, false);
    expect(report.ok).toBe(true);
    expect(report.skipped).toEqual({ changes: ['workflow "满意度抽样：派发回访任务"'], reason: USER_TOKEN_HELP });
    expect(USER_TOKEN_HELP).toMatch(/^workflows need a user token: .*TWENTY_USER_TOKEN or --user-token-file/);
    expect(writes(mark)).toBe(0);
    const { report: second } = await deploy(edited);
    expect(second.skipped).toBeUndefined();
    const survey = (await liveWorkflows()).find((w) => w.name === '满意度抽样：派发回访任务')!;
    expect(survey.versions.edges.filter((e) => e.node.status === 'ACTIVE')).toHaveLength(1);
    pack = edited;
  }, 60_000);

  it('finishes a deploy whose answers were lost half-way, without duplicates, when run again', async () => {
    const edited = changed(pack, 'weekly-marketing-meeting.workflow.yaml', (data) => {
      const steps = data.steps as Array<Record<string, unknown>>;
      steps.push({
        id: 'notifyDone',
        type: 'HTTP_REQUEST',
        url: 'https://hooks.bank.example/meetings',
        method: 'POST',
        body: { count: '{{steps.branches.totalCount}}' },
      });
    });
    const prepared = await preparePlan(client, edited);
    // Drop the answers of three writes in a row, after the server ran them.
    const mark = sb.requests().length;
    sb.setFaults([{ kind: 'drop', at: [4, 5, 6], phase: 'after' }]);
    await applyPlan(client, prepared.plan, prepared.actual, prepared.caps, { userClient });
    sb.setFaults([]);
    expect(
      sb
        .requests()
        .slice(mark)
        .some((r) => r.fault),
    ).toBe(true);
    await deploy(edited);
    const meeting = (await liveWorkflows()).find((w) => w.name.startsWith('每周营销例会'))!;
    const statuses = meeting.versions.edges.map((e) => e.node.status).sort();
    expect(statuses.filter((s) => s === 'ACTIVE')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'DRAFT')).toHaveLength(0);
    const active = meeting.versions.edges.find((e) => e.node.status === 'ACTIVE')!.node;
    expect(active.steps.map((s) => s.type).sort()).toEqual(['CREATE_RECORD', 'FIND_RECORDS', 'HTTP_REQUEST', 'ITERATOR']);
    expect(workflowChanges((await preparePlan(client, edited)).plan)).toEqual([]);
  }, 60_000);
});
