// Regression harness: every compiled step of the pack's workflows, replayed against
// the settings shapes Twenty defines (packages/twenty-sandbox/src/workflows/twenty-shapes.ts, each
// row cited to twenty-shared @41d24255) and, for FIND_RECORDS, against what Twenty's
// executor does with a filter (find-records-filter.ts): each `where:` must become
// recordFilters Twenty applies, on the real field ids of the workspace the pack was
// deployed into (the sandbox), and the workspace must hold exactly what was compiled.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan, preparePlan } from '../../src/deploy/index.ts';
import { readObjects } from '../../src/deploy/read-actual.ts';
import type { ActualObject } from '../../src/deploy/state.ts';
import type { ValidPack as Pack } from '../../src/pack/index.ts';
import { validPack } from '../support/valid-pack.ts';
import { TwentyClient } from '../../src/twenty/client.ts';
import { buildCatalogue, compileWorkflow, type CompiledWorkflow, readSpec } from '../../src/workflows/index.ts';
import { readConnectedAccountId } from '../../src/deploy/workflows/read.ts';
import { comparable } from '../../src/workflows/hash.ts';
import { fieldIdLookup } from '../../src/workflows/record-filters.ts';
import { droppedFilterReasons, type Sandbox, stepShapeErrors } from 'twenty-sandbox';
import { gql, startWorkflowSandbox } from './sandbox.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const NO_PACING = { perMinute: 0, burst: 1 };

let pack: Pack;
let sb: Sandbox;
let client: TwentyClient;
let objects: ActualObject[];
let compiled: CompiledWorkflow[];

beforeAll(async () => {
  pack = await validPack(ROOT);
  sb = await startWorkflowSandbox();
  client = new TwentyClient({ url: sb.url, apiKey: sb.apiKey, pacing: NO_PACING });
  const userClient = new TwentyClient({ url: sb.url, apiKey: sb.userToken, pacing: NO_PACING });
  const prepared = await preparePlan(client, pack);
  const report = await applyPlan(client, prepared.plan, prepared.actual, prepared.caps, { userClient });
  if (report.failure) throw new Error(`deploying the pack into the sandbox failed: ${JSON.stringify(report.failure)}`);
  objects = await readObjects(client);
  const catalogue = buildCatalogue(pack);
  const connectedAccountId = (await readConnectedAccountId(userClient, undefined)) ?? '';
  compiled = pack.workflows.map((def) => compileWorkflow(def, { catalogue, connectedAccountId, fieldIds: fieldIdLookup(objects) }));
}, 120_000);
afterAll(async () => {
  await sb.close();
});

type Input = {
  objectName: string;
  filter?: { recordFilters?: Array<{ fieldMetadataId: string; type: string; operand: string; value: string }> };
};
const finds = () =>
  compiled.flatMap((w) => {
    const spec = readSpec(pack.workflows.find((d) => d.universalIdentifier === w.universalIdentifier)!);
    const where = new Map(
      flatSteps(spec.steps as unknown as Array<Record<string, unknown>>).map((s) => [
        s.name ?? s.id,
        'where' in s && s.where ? s.where : undefined,
      ]),
    );
    return w.steps
      .filter((s) => s.type === 'FIND_RECORDS')
      .map((s) => ({ workflow: w.file, step: s, input: s.settings.input as Input, where: where.get(s.name) }));
  });

function flatSteps(steps: Array<Record<string, unknown>>): Array<{ id: string; name?: string; where?: unknown }> {
  return steps.flatMap((s) => [
    s as { id: string; name?: string; where?: unknown },
    ...flatSteps((s.steps as Array<Record<string, unknown>> | undefined) ?? []),
    ...((s.branches as Array<{ steps?: Array<Record<string, unknown>> }> | undefined) ?? []).flatMap((b) => flatSteps(b.steps ?? [])),
  ]);
}

describe('the pack’s compiled workflow steps, replayed against Twenty’s shapes', () => {
  it('every step of the 9 workflows has the settings shape Twenty defines for its type, and no setting Twenty would drop', () => {
    expect(compiled).toHaveLength(9);
    const errors = compiled.flatMap((w) =>
      w.steps.flatMap((s) => stepShapeErrors(s as unknown as Record<string, unknown>).map((e) => `${w.file} ${s.name}: ${e}`)),
    );
    expect(errors).toEqual([]);
  });

  it('every FIND_RECORDS `where:` becomes recordFilters Twenty applies, on field ids of the deployed workspace', () => {
    const withWhere = finds().filter((f) => f.where !== undefined);
    expect(withWhere.length).toBe(10);
    for (const { workflow, step, input } of withWhere) {
      const object = objects.find((o) => o.nameSingular === input.objectName)!;
      const label = `${workflow} ${step.name}`;
      expect(input.filter?.recordFilters?.length ?? 0, label).toBeGreaterThan(0);
      for (const f of input.filter!.recordFilters!)
        expect(
          object.fields.map((x) => x.id),
          label,
        ).toContain(f.fieldMetadataId);
      expect(droppedFilterReasons(input.filter, object.nameSingular, object.fields), label).toEqual([]);
    }
  });

  it('lead-assigned finds the assigned manager by id, not the first manager Twenty happens to return', () => {
    const manager = finds().find((f) => f.workflow.endsWith('lead-assigned.workflow.yaml'))!;
    const idField = objects.find((o) => o.nameSingular === 'clientManager')!.fields.find((f) => f.name === 'id')!.id;
    expect(manager.input.filter!.recordFilters).toMatchObject([
      { fieldMetadataId: idField, type: 'UUID', operand: 'IS', value: '["{{trigger.properties.after.assignedManagerId}}"]' },
    ]);
  });

  it('the workspace holds exactly the compiled steps, so a second deploy has nothing to write', async () => {
    const r = await gql<{
      workflows: {
        edges: Array<{
          node: {
            id: string;
            lastPublishedVersionId: string;
            versions: { edges: Array<{ node: { id: string; steps: Array<{ id: string }> } }> };
          };
        }>;
      };
    }>(
      sb,
      sb.apiKey,
      '{ workflows(first: 60) { edges { node { id lastPublishedVersionId versions(first: 60) { edges { node { id steps } } } } } } }',
    );
    const stored = new Map(
      r
        .data!.workflows.edges.flatMap((e) =>
          e.node.versions.edges.filter((v) => v.node.id === e.node.lastPublishedVersionId).flatMap((v) => v.node.steps),
        )
        .map((s) => [s.id, comparable(s)]),
    );
    for (const w of compiled) for (const s of w.steps) expect(stored.get(s.id), `${w.file} ${s.name}`).toBe(comparable(s));
    expect((await preparePlan(client, pack)).plan.changes.filter((c) => c.kind === 'workflow')).toEqual([]);
  }, 60_000);
});
