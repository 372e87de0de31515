// The pack's workflows against the sandbox (issue 6, with issue 4's measures):
// requests of a fresh deploy of the workflows (writes per workflow against the
// least Twenty's API allows), requests of a no-op re-deploy (one read), and the
// time to compile and check the pack's workflows.
import { join } from 'node:path';
import { applyPlan, preparePlan } from '../src/deploy/index.ts';
import { TwentyClient } from '../src/twenty/client.ts';
import { buildCatalogue, checkWorkflows, compileWorkflow } from '../src/workflows/index.ts';
import { startWorkflowSandbox } from '../test/workflows/sandbox.ts';
import type { BenchRow, Benchmark } from './types.ts';
import { workflowRunRows } from './workflow-runs.ts';
import { validPack } from '../test/support/valid-pack.ts';

const ROOT = join(import.meta.dirname, '..');

const bench: Benchmark = {
  name: 'workflows: compile, deploy, re-deploy',
  async run(): Promise<BenchRow[]> {
    const pack = await validPack(ROOT);
    const catalogue = buildCatalogue(pack);
    const rounds = 200;
    let started = performance.now();
    for (let i = 0; i < rounds; i++) {
      checkWorkflows(pack.workflows, catalogue);
      for (const w of pack.workflows) compileWorkflow(w, { catalogue });
    }
    const compileMs = (performance.now() - started) / rounds;
    const compiled = pack.workflows.map((w) => compileWorkflow(w, { catalogue }));
    // The least a new workflow costs: createWorkflow, each step created and set up, the trigger, activation,
    // plus one deletion per placeholder Twenty adds to an IF_ELSE (2) or ITERATOR (1).
    const minimum = compiled.reduce(
      (n, c) => n + 3 + 2 * c.steps.length + c.steps.reduce((p, s) => p + (s.type === 'IF_ELSE' ? 2 : s.type === 'ITERATOR' ? 1 : 0), 0),
      0,
    );

    const sb = await startWorkflowSandbox();
    try {
      const pacing = { perMinute: 0, burst: 1 };
      const client = new TwentyClient({ url: sb.url, apiKey: sb.apiKey, pacing });
      const userClient = new TwentyClient({ url: sb.url, apiKey: sb.userToken, pacing });
      const deploy = async () => {
        const prepared = await preparePlan(client, pack);
        return applyPlan(client, prepared.plan, prepared.actual, prepared.caps, { userClient });
      };
      await deploy(); // objects, fields, views, seeds, workflows
      // Workflows alone: a workspace that has the data model but none of the workflows.
      for (const w of (
        await client.core<{ workflows: { edges: Array<{ node: { id: string } }> } }>(
          '{ workflows(first: 60) { edges { node { id } } } }',
          {},
          { operation: 'list' },
        )
      ).workflows.edges) {
        await client.core(
          'mutation($id: UUID!) { destroyWorkflow(id: $id) { id } }',
          { id: w.node.id },
          { operation: 'destroy', write: true },
        );
      }
      const mark = sb.requests().length;
      started = performance.now();
      await deploy();
      const freshMs = performance.now() - started;
      const fresh = sb.requests().slice(mark);
      const workflowWrites = fresh.filter((r) => r.write && r.operationName?.startsWith('Bankpack')).length;
      const again = sb.requests().length;
      await deploy();
      const noop = sb.requests().slice(again);
      return [
        {
          name: `workflows: check + compile the pack's ${pack.workflows.length} workflows`,
          value: Number(compileMs.toFixed(2)),
          unit: 'ms',
        },
        {
          name: `workflows: writes of a fresh deploy of ${pack.workflows.length} workflows (${compiled.reduce((n, c) => n + c.steps.length, 0)} steps)`,
          value: workflowWrites,
          unit: 'writes',
          baseline: minimum,
          baselineName: 'least the API allows',
          ratio: workflowWrites / minimum,
          target: 'ratio = 1',
          ok: workflowWrites === minimum,
        },
        { name: 'workflows: fresh deploy of the workflows on the sandbox', value: Math.round(freshMs), unit: 'ms' },
        {
          name: 'workflows: requests of a no-op re-deploy, workflow reads',
          value: noop.filter((r) => r.operationName === 'BankpackWorkflows').length,
          unit: 'reads',
          baseline: 1,
          baselineName: 'one read',
          target: 'one read, no write',
          ok: noop.filter((r) => r.operationName === 'BankpackWorkflows').length === 1 && noop.every((r) => !r.write),
        },
        ...(await workflowRunRows()),
      ];
    } finally {
      await sb.close();
    }
  },
};

export default bench;
