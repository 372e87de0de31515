// The plan op: validate the pack, read the workspace, and make the plan — with the
// reads it was made from kept, so that it can be saved (`plan --out`) and applied
// later exactly as it is (`deploy --plan`).
import { resolve } from 'node:path';
import { countPlan, preparePlan, type Plan, type PlanCounts, type Prepared } from '../deploy/index.ts';
import type { PackFile, ValidPack } from '../pack/index.ts';
import { saveCapabilities } from '../twenty/index.ts';
import { canonical, fingerprintOf, recordReads, sha256 } from './fingerprint.ts';
import { makeSavedPlan, writeSavedPlan, type SavedPlan } from './saved-plan.ts';
import { failure, referenceFailure, silent, validated, workspaceFailure, type OpFailure, type Progress, type Workspace } from './types.ts';

export interface PlanInput {
  /** The pack folder. */
  dir: string;
  workspace: Workspace;
  /** The pack, when the caller has validated it already (the demo): not validated again. */
  pack?: { pack: ValidPack; files: readonly PackFile[] };
  locale?: string;
  prune?: boolean;
  includeDemoSeeds?: boolean;
  /** Write the saved plan to this file (what `deploy --plan` applies). */
  out?: string;
  onProgress?: Progress;
}

export interface PlanResult {
  ok: true;
  plan: Plan;
  counts: PlanCounts;
  /** What `--out` writes: everything apply needs, and what the plan was made against. */
  saved: SavedPlan;
  prepared: Prepared;
  /** Requests the plan took. */
  reads: number;
  /** Where the saved plan was written, when it was. */
  out?: string;
}

/** A digest of the pack's files: which pack a saved plan was made from. */
export function packFingerprint(files: ReadonlyArray<Pick<PackFile, 'path' | 'text'>>): string {
  return `sha256:${sha256(canonical(files.map((f) => [f.path, f.text])))}`;
}

export async function plan(input: PlanInput): Promise<PlanResult | OpFailure> {
  const progress = input.onProgress ?? silent;
  const dir = resolve(input.dir);
  const checked = input.pack ? { ok: true as const, ...input.pack } : await validated(dir);
  if (!checked.ok) return checked;
  const { client } = input.workspace;
  const options = {
    prune: input.prune === true,
    includeDemoSeeds: input.includeDemoSeeds === true,
    ...(input.locale ? { locale: input.locale } : {}),
  };
  progress(`Reading ${client.url}…`);
  const before = client.counter.snapshot();
  const recorder = recordReads(client);
  let prepared: Prepared;
  try {
    prepared = await preparePlan(client, checked.pack, options);
  } catch (e) {
    recorder.stop();
    return workspaceFailure(e);
  }
  const reads = recorder.stop();
  if (prepared.problems.length > 0) return referenceFailure(prepared.problems);
  const after = client.counter.snapshot();
  const saved = makeSavedPlan({
    options,
    pack: { dir, fingerprint: packFingerprint(checked.files) },
    workspace: fingerprintOf(client.url, reads),
    capabilities: saveCapabilities(prepared.caps),
    plan: prepared.plan,
    actual: prepared.actual,
  });
  if (input.out) {
    try {
      await writeSavedPlan(input.out, saved);
    } catch (e) {
      return failure('file', `could not write the plan to ${input.out}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return {
    ok: true,
    plan: prepared.plan,
    counts: countPlan(prepared.plan),
    saved,
    prepared,
    reads: after.reads.metadata + after.reads.core - before.reads.metadata - before.reads.core,
    ...(input.out ? { out: input.out } : {}),
  };
}
