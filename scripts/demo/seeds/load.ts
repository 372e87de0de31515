// `bankpack seed [--demo]`: the pack's seed records loaded with deploy's own seed code
// (desired records with deterministic ids, read, diff, batched upsert), layer by layer
// so that relation values (`branch: { code: SH-PD }`) are resolved to the ids of
// records that exist by then. Reference data is upserted (the pack wins); demo records
// are created once and then left as they are, so what the jobs and people changed in
// them survives a second load, and a second load writes nothing.
import { upsertRecords } from '../../deploy/apply-records.ts';
import { runAll } from '../../deploy/apply-views.ts';
import { buildDesired } from '../../deploy/desired.ts';
import { diffSeeds } from '../../deploy/diff-records.ts';
import { ANCHOR_OBJECT } from '../../deploy/engine.ts';
import { idDeriver } from '../../deploy/ids.ts';
import { Live } from '../../deploy/live.ts';
import { packRefs } from '../../deploy/pack-refs.ts';
import type { Op } from '../../deploy/plan.ts';
import { readObjects, readSeedRecords } from '../../deploy/read-actual.ts';
import type { ActualObject, ActualState, DesiredSeed } from '../../deploy/state.ts';
import type { Pack, SeedDef } from '../../pack/model.ts';
import type { PendingProblem } from '../../pack/problems.ts';
import type { TwentyClient } from '../../twenty/client.ts';
import { seedLayers } from './layers.ts';
import { referencesOf, resolveSeed, withJoinColumns, type TargetRecord } from './relations.ts';

export interface SeedLoadOptions {
  /** Also the files marked `demo: true`. */
  demo: boolean;
  /** Progress lines. */
  report?: (line: string) => void;
}

export interface ObjectSeedCounts {
  object: string;
  demo: boolean;
  created: number;
  updated: number;
  unchanged: number;
  /** Demo records that differ from their file now (changed by a job or a person): left as they are. */
  kept: number;
}

export interface SeedLoadResult {
  ok: boolean;
  counts: ObjectSeedCounts[];
  /** Records not loaded (a relation value found no target, or several). */
  problems: PendingProblem[];
  /** What stopped the load: an object the workspace lacks, a request that failed. */
  failure?: string;
}

interface Entry {
  def: SeedDef;
  object: ActualObject;
}

export async function loadSeeds(client: TwentyClient, pack: Pack, options: SeedLoadOptions): Promise<SeedLoadResult> {
  const report = options.report ?? (() => undefined);
  const objects = await readObjects(client);
  const anchor = objects.find((o) => o.nameSingular === ANCHOR_OBJECT);
  if (!anchor) return { ok: false, counts: [], problems: [], failure: `the workspace has no ${ANCHOR_OBJECT} object` };
  const ids = idDeriver(anchor.id);
  const refs = packRefs(pack);
  const byName = new Map(objects.map((o) => [o.nameSingular, o]));

  const entries: Entry[] = [];
  for (const def of pack.seeds.filter((s) => options.demo || !s.demo)) {
    const name = refs.object(def.object);
    const object = name ? byName.get(name) : undefined;
    if (!object) return { ok: false, counts: [], problems: [], failure: `${def.source.file}: the workspace has no object ${name ?? def.object} (run \`bankpack deploy\` first)` };
    entries.push({ def, object });
  }
  const layers = seedLayers(entries.map((e) => ({ item: e, object: e.object.nameSingular, targets: new Set(referencesOf(e.def, e.object).keys()) })));

  const counts = new Map<string, ObjectSeedCounts>();
  const countsOf = (object: string, demo: boolean): ObjectSeedCounts => {
    const key = `${object}:${demo}`;
    const found = counts.get(key) ?? { object, demo, created: 0, updated: 0, unchanged: 0, kept: 0 };
    counts.set(key, found);
    return found;
  };
  const problems: PendingProblem[] = [];
  const live = new Live({ objects, views: [] });
  const ctx = { client, live, caps: { has: () => true }, report: () => undefined, followUps: { objects: [], fields: [] } };

  for (const [n, layer] of layers.entries()) {
    const targets = await readTargets(client, layer, byName);
    const resolved = layer.map((e) => {
      const r = resolveSeed(e.def, e.object, targets);
      problems.push(...r.problems);
      return { ...e, def: r.seed };
    });
    const desired = buildDesired({ ...pack, seeds: resolved.map((e) => e.def) }, { ids, refs, includeDemoSeeds: true }).state.seeds;
    const records: ActualState['records'] = {};
    await Promise.all(
      desired.map(async (seed) => {
        const object = byName.get(seed.object)!;
        records[seed.object] = [...(records[seed.object] ?? []), ...(await readSeedRecords(client, seed, withJoinColumns(object)))];
      }),
    );
    const actual: ActualState = { objects, views: [], records, locales: [] };
    const ops: Array<Extract<Op, { op: 'upsertRecords' }>> = [];
    for (const [i, seed] of desired.entries()) {
      const demo = resolved[i]?.def.demo === true;
      const c = countsOf(seed.object, demo);
      for (const change of diffSeeds([seed], actual, () => c.unchanged++)) {
        if (change.apply?.op !== 'upsertRecords') continue;
        const op = demo ? { ...change.apply, update: [] } : change.apply;
        c.created += op.create.length;
        c[demo ? 'kept' : 'updated'] += change.apply.update.length;
        if (op.create.length + op.update.length > 0) ops.push(op);
      }
    }
    await runAll(ctx, ops.map((op) => () => upsertRecords(ctx, op)));
    const written = ops.reduce((s, op) => s + op.create.length + op.update.length, 0);
    report(`  seed layer ${n + 1}/${layers.length}: ${desired.map((s) => s.object).join(', ')} — ${written} record(s) written`);
  }
  return { ok: problems.length === 0, counts: [...counts.values()], problems };
}

/** The records the layer's relation values may point at: one paged read per target object. */
async function readTargets(client: TwentyClient, layer: readonly Entry[], byName: ReadonlyMap<string, ActualObject>): Promise<Map<string, TargetRecord[]>> {
  const wanted = new Map<string, Array<Record<string, unknown>>>();
  for (const e of layer) for (const [target, values] of referencesOf(e.def, e.object)) wanted.set(target, [...(wanted.get(target) ?? []), ...values]);
  const out = new Map<string, TargetRecord[]>();
  await Promise.all(
    [...wanted].map(async ([target, values]) => {
      const object = byName.get(target);
      if (!object) return;
      // A seed without key fields reads every record, selecting the fields the references name.
      const probe: DesiredSeed = { object: target, key: [], source: { file: '', path: [] }, records: values.map((data, i) => ({ id: `ref-${i}`, keyText: '', data })) };
      out.set(target, await readSeedRecords(client, probe, object));
    }),
  );
  return out;
}
