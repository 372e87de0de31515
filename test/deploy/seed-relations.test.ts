// Reference seeds that point at other records by natural key (`desk: { code: SH-PD }`):
// deploy writes them after the records they point at, with the ids those records have
// by then, and a second plan finds nothing to do — the same seed phase `bankpack seed` runs.
import { afterEach, describe, expect, it } from 'vitest';
import type { SeedDef, ValidPack as Pack } from '../../src/pack/index.ts';
import { clientFor, deployOnce, loadPack, MINI_PACK, miniSandbox, planOf, type Sandbox } from './sandbox-helpers.ts';

const sandboxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((sb) => sb.close()));
});

const prospects = (records: SeedDef['records']): SeedDef => ({
  object: 'prospect',
  key: ['name'],
  demo: false,
  records,
  source: { file: 'seeds/prospects.seed.yaml', path: [] },
});

async function withProspects(records: SeedDef['records']): Promise<Pack> {
  const mini = await loadPack(MINI_PACK);
  // After the desks' own file, as a file whose name sorts later would be.
  return { ...mini, seeds: [...mini.seeds, prospects(records)] };
}

async function desksOfProspects(sb: Sandbox): Promise<Record<string, string | null>> {
  const data = await clientFor(sb).core<{ prospects: { edges: Array<{ node: { name: string; desk: { code: string } | null } }> } }>(
    'query { prospects { edges { node { name desk { code } } } } }',
    undefined,
    { operation: 'read prospects' },
  );
  return Object.fromEntries(data.prospects.edges.map((e) => [e.node.name, e.node.desk?.code ?? null]));
}

describe('deploy: seed records that point at other seeded records', () => {
  it('creates them after their targets, pointing at the right record; then the plan is empty', async () => {
    const sb = await miniSandbox();
    sandboxes.push(sb);
    const pack = await withProspects([
      { name: 'Acme', desk: { code: 'SH-PD' } },
      { name: 'Beta', desk: { code: 'BJ' }, stage: 'QUALIFIED' },
    ]);
    const { report } = await deployOnce(sb, pack);
    expect(report).toMatchObject({ ok: true });
    expect(await desksOfProspects(sb)).toEqual({ Acme: 'SH-PD', Beta: 'BJ' });
    expect((await planOf(sb, pack)).changes).toEqual([]);

    // Pointing a record elsewhere is an update of its join column.
    const moved = await withProspects([
      { name: 'Acme', desk: { code: 'BJ' } },
      { name: 'Beta', desk: { code: 'BJ' }, stage: 'QUALIFIED' },
    ]);
    expect((await planOf(sb, moved)).changes.map((c) => c.title)).toEqual(['seed records (1 to update, matched by name)']);
    expect((await deployOnce(sb, moved)).report).toMatchObject({ ok: true });
    expect(await desksOfProspects(sb)).toEqual({ Acme: 'BJ', Beta: 'BJ' });
  }, 60_000);

  it('stops at a value that names no record, and says which', async () => {
    const sb = await miniSandbox();
    sandboxes.push(sb);
    const { report } = await deployOnce(sb, await withProspects([{ name: 'Acme', desk: { code: 'XX' } }]));
    expect(report?.ok).toBe(false);
    expect(report?.failure?.message).toBe(
      'seeds/prospects.seed.yaml: record name="Acme", desk: no desk with code=XX (seed that desk in a file whose name sorts before this one, or fix the value)',
    );
  }, 60_000);
});
