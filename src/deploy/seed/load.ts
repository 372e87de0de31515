// The seed phase on its own (`bankpack seed [--demo]`, the demo): the pack's seed records
// with deploy's deterministic ids, read, diffed and written by the same code deploy uses
// (read.ts, ../diff-records.ts, write.ts), layer by layer so that relation values
// (`branch: { code: SH-PD }`) are resolved to the ids of records that exist by then.
// Reference data is upserted (the pack wins); demo records are created once and then
// left as they are, so what the jobs and people changed in them survives a second load,
// and a second load writes nothing.
import type { PendingProblem, SeedDef, ValidPack } from '../../pack/index.ts';
import type { TwentyClient } from '../../twenty/index.ts';
import { buildDesired } from '../desired.ts';
import { diffSeeds } from '../diff-records.ts';
import { ANCHOR_OBJECT } from '../engine.ts';
import { idDeriver } from '../ids.ts';
import { packRefs } from '../pack-refs.ts';
import { readObjects } from '../read-actual.ts';
import type { ActualObject, ActualState } from '../state.ts';
import { seedLayers } from './layers.ts';
import { readSeeds } from './read.ts';
import { referencesOf, resolveSeed, withJoinColumns } from './relations.ts';
import { readTargets } from './targets.ts';
import { writeSeedChanges, type SeedWrites } from './write.ts';

export interface SeedLoadOptions {
  /** Also the files marked `demo: true`. */
  demo: boolean;
  /** Called after each layer is written. */
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedProgress {
  /** 1-based, of `layers`. */
  layer: number;
  layers: number;
  /** The objects this layer seeds. */
  objects: string[];
  /** Records created or updated in this layer. */
  written: number;
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
  /** The object with its join columns as plain fields, so `branchId` is read back and compared. */
  object: ActualObject;
}

export async function loadSeeds(client: TwentyClient, pack: ValidPack, options: SeedLoadOptions): Promise<SeedLoadResult> {
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
    if (!object)
      return {
        ok: false,
        counts: [],
        problems: [],
        failure: `${def.source.file}: the workspace has no object ${name ?? def.object} (run \`bankpack deploy\` first)`,
      };
    entries.push({ def, object: withJoinColumns(object) });
  }
  const layers = seedLayers(
    entries.map((e) => ({ item: e, object: e.object.nameSingular, targets: new Set(referencesOf(e.def, e.object).keys()) })),
  );

  const counts = new Map<string, ObjectSeedCounts>();
  const countsOf = (object: string, demo: boolean): ObjectSeedCounts => {
    const key = `${object}:${demo}`;
    const found = counts.get(key) ?? { object, demo, created: 0, updated: 0, unchanged: 0, kept: 0 };
    counts.set(key, found);
    return found;
  };
  const problems: PendingProblem[] = [];

  for (const [n, layer] of layers.entries()) {
    const references = new Map<string, Array<Record<string, unknown>>>();
    for (const e of layer)
      for (const [target, refs] of referencesOf(e.def, e.object)) references.set(target, [...(references.get(target) ?? []), ...refs]);
    const targets = await readTargets(client, references, byName);
    const resolved = layer.map((e) => {
      const r = resolveSeed(e.def, e.object, targets);
      problems.push(...r.problems);
      return { ...e, def: r.seed };
    });
    const desired = buildDesired({ ...pack, seeds: resolved.map((e) => e.def) }, { ids, includeDemoSeeds: true }).state.seeds;
    const actual: ActualState = {
      objects,
      views: [],
      records: await readSeeds(
        client,
        desired,
        resolved.map((e) => e.object),
      ),
      locales: [],
    };
    const writes: Array<{ object: ActualObject } & SeedWrites> = [];
    for (const [i, seed] of desired.entries()) {
      const demo = resolved[i]?.def.demo === true;
      const c = countsOf(seed.object, demo);
      for (const change of diffSeeds([seed], actual, () => c.unchanged++)) {
        if (change.apply?.op !== 'upsertRecords') continue;
        const { create, update } = change.apply;
        c.created += create.length;
        c[demo ? 'kept' : 'updated'] += update.length;
        // Demo records are created once: what differs now was changed since, and stays.
        writes.push({ object: byName.get(seed.object)!, create, update: demo ? [] : update });
      }
    }
    await Promise.all(writes.map((w) => writeSeedChanges(client, w.object, w)));
    const written = writes.reduce((s, w) => s + w.create.length + w.update.length, 0);
    options.onProgress?.({ layer: n + 1, layers: layers.length, objects: desired.map((s) => s.object), written });
  }
  return { ok: problems.length === 0, counts: [...counts.values()], problems };
}
