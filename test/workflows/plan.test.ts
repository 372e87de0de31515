// What the plan says for each state a workflow can be found in, and how a draft
// is edited: only the steps that differ.
import { describe, expect, it } from 'vitest';
import { compileWorkflow, type CompiledWorkflow } from '../../src/workflows/compile.ts';
import type { ActualWorkflow } from '../../src/deploy/workflows/read.ts';
import { draftEdits, planWorkflowChanges } from '../../src/deploy/workflows/diff.ts';
import { planWorkflows } from '../../src/deploy/workflows/plan.ts';
import { TwentyClient } from '../../src/twenty/client.ts';
import { idDeriver } from '../../src/deploy/ids.ts';
import { STANDARD_OBJECTS } from '../../src/pack/standard/index.ts';
import { startSandbox } from 'twenty-sandbox';
import { catalogue, packWith, workflow } from './helpers.ts';

const STEPS = [
  { id: 'a', type: 'DELAY', for: { hours: 1 } },
  { id: 'b', type: 'CREATE_RECORD', object: 'task', set: { title: '{{record.name}}' } },
];
const compiled = (steps: unknown[] = STEPS, name = 'Lead'): CompiledWorkflow =>
  compileWorkflow(workflow(steps, undefined, name), { catalogue: catalogue() });
const ID = '11111111-1111-4111-8111-111111111111';

function live(c: CompiledWorkflow, over: Partial<ActualWorkflow> = {}, status: 'ACTIVE' | 'DEACTIVATED' = 'ACTIVE'): ActualWorkflow {
  return {
    id: ID,
    name: c.name,
    lastPublishedVersionId: 'v1',
    deletedAt: null,
    versions: [
      {
        id: 'v1',
        name: 'v1',
        status,
        trigger: c.trigger as unknown as Record<string, unknown>,
        steps: c.steps as unknown as Array<Record<string, unknown>>,
      },
    ],
    ...over,
  };
}

const plan = (c: CompiledWorkflow, actual: ActualWorkflow[]) => planWorkflowChanges([{ workflowId: ID, compiled: c }], actual);

describe('the workflow plan', () => {
  it('creates what is missing, leaves alone what matches (positions aside), and renames without a new version', () => {
    const c = compiled();
    expect(plan(c, []).changes.map((x) => [x.action, x.op?.kind, x.notes])).toEqual([
      ['create', 'create', ['on lead.created; 2 steps, activated']],
    ]);
    const moved = live(c);
    moved.versions[0]!.steps = moved.versions[0]!.steps!.map((s) => ({
      ...s,
      position: { x: 1, y: 2 },
      settings: { ...(s.settings as object), outputSchema: { x: {} } },
    }));
    expect(plan(c, [moved])).toEqual({ changes: [], unchanged: 1 });
    const renamed = plan(c, [live(c, { name: 'Old name' })]).changes[0]!;
    expect([renamed.op?.kind, renamed.diffs]).toEqual(['rename', [{ property: 'name', from: 'Old name', to: 'Lead' }]]);
  });

  it('gives a changed workflow a new version, naming the steps added, changed and removed', () => {
    const before = compiled([...STEPS, { id: 'c', type: 'DELAY', for: { days: 1 } }]);
    const after = compiled([
      { id: 'a', type: 'DELAY', for: { hours: 2 } },
      STEPS[1],
      { id: 'd', type: 'FILTER', when: { all: [{ value: '{{record.name}}', isEmpty: false }] } },
    ]);
    const change = plan(after, [live(before)]).changes[0]!;
    expect(change.op).toMatchObject({ kind: 'new-version', fromVersionId: 'v1' });
    // b changes too: it now leads to d instead of c.
    expect(change.diffs).toEqual([
      { property: 'step "Delay"', from: 'before', to: 'changed' },
      { property: 'step "Create Record"', from: 'before', to: 'changed' },
      { property: 'step "Filter"', from: null, to: 'FILTER' },
      { property: 'step "Delay"', from: 'DELAY', to: 'removed' },
    ]);
  });

  it('re-activates a deactivated version that matches, finishes a draft an interrupted run left, and refuses a workflow in the trash', () => {
    const c = compiled();
    expect(plan(c, [live(c, {}, 'DEACTIVATED')]).changes[0]!.op).toEqual({
      kind: 'reactivate',
      workflowId: ID,
      versionId: 'v1',
      compiled: c,
    });
    const draftOnly = live(c, { lastPublishedVersionId: null });
    draftOnly.versions[0] = { ...draftOnly.versions[0]!, status: 'DRAFT', steps: [] };
    expect(plan(c, [draftOnly]).changes[0]).toMatchObject({ action: 'create', op: { kind: 'new-version', fromVersionId: 'v1' } });
    expect(plan(c, [live(c, { deletedAt: '2026-11-01T00:00:00Z' })]).changes[0]).toMatchObject({
      action: 'conflict',
      reason: expect.stringMatching(/trash/),
    });
  });

  it('edits a draft by the differences only: new steps created, changed ones updated, gone ones removed, the trigger when it differs', () => {
    const before = compiled([...STEPS, { id: 'c', type: 'DELAY', for: { days: 1 } }]);
    const after = compiled([
      STEPS[0],
      { id: 'b', type: 'CREATE_RECORD', object: 'task', set: { title: 'x' } },
      { id: 'd', type: 'DELAY', for: { days: 1 } },
    ]);
    const edits = draftEdits(
      { trigger: before.trigger as unknown as Record<string, unknown>, steps: before.steps as unknown as Array<Record<string, unknown>> },
      after,
    );
    const nameOf = (id: string) => [...before.steps, ...after.steps].find((s) => s.id === id)!.settings.input;
    expect(edits.remove.map(nameOf)).toEqual([{ delayType: 'DURATION', duration: { days: 1, hours: 0, minutes: 0, seconds: 0 } }]);
    expect(edits.create.map((s) => s.id)).toEqual([after.steps[2]!.id]);
    // a: its next step changed (c → b stays b; b's next is now d); b: its title; d: new.
    expect(edits.update.map((s) => s.id)).toEqual([after.steps[1]!.id, after.steps[2]!.id]);
    expect(edits.trigger).toBe(false);
  });
});

describe('a workspace without workflow records', () => {
  it('plans a conflict that says so, instead of failing the whole plan', async () => {
    const sb = await startSandbox({
      port: 0,
      standardObjects: STANDARD_OBJECTS.filter((o) => ['company', 'person', 'workspaceMember'].includes(o.nameSingular)),
    });
    try {
      const client = new TwentyClient({ url: sb.url, apiKey: sb.apiKey, pacing: { perMinute: 0, burst: 1 }, maxRetries: 0 });
      const p = await planWorkflows({ client, pack: packWith([workflow(STEPS)]), ids: idDeriver('anchor') });
      expect(p.changes).toMatchObject([
        { action: 'conflict', title: '1 workflow', reason: expect.stringMatching(/^the workspace's API has no workflow records/) },
      ]);
    } finally {
      await sb.close();
    }
  });
});
