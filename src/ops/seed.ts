// The seed op: the pack's reference records (and with `demo` the demo set) through the
// engine's seed phase (src/deploy/seed); records it could not load come back as
// problems with their file and line.
import { resolve } from 'node:path';
import { loadSeeds, type ObjectSeedCounts, type SeedProgress } from '../deploy/index.ts';
import { formatProblem, resolveProblem, type PackFile, type ValidPack } from '../pack/index.ts';
import { failure, validated, workspaceFailure, type OpFailure, type Workspace } from './types.ts';

export interface SeedInput {
  dir: string;
  workspace: Workspace;
  /** Also the files marked `demo: true`. */
  demo: boolean;
  /** The pack, when the caller has validated it already (the demo). */
  pack?: { pack: ValidPack; files: readonly PackFile[] };
  /** After each dependency layer is written. */
  onProgress?: (progress: SeedProgress) => void;
}

export interface Seeded {
  ok: true;
  counts: ObjectSeedCounts[];
  /** Records not loaded, `file:line:col  message`: the rest were. */
  problems: string[];
}

/** A failure keeps the counts of what was loaded; `stopped` says what stopped the load, if something did. */
export type SeedFailure = OpFailure & { counts: ObjectSeedCounts[]; problems: string[]; stopped?: string };

export async function seed(input: SeedInput): Promise<Seeded | SeedFailure | OpFailure> {
  const checked = input.pack ? { ok: true as const, ...input.pack } : await validated(resolve(input.dir));
  if (!checked.ok) return checked;
  let result;
  try {
    result = await loadSeeds(input.workspace.client, checked.pack, {
      demo: input.demo,
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    });
  } catch (e) {
    return workspaceFailure(e);
  }
  const byPath = new Map(checked.files.map((f) => [f.path, f]));
  const problems = result.problems.map((p) => formatProblem(resolveProblem(p, byPath)));
  if (result.failure) return { ...failure('seed', result.failure, problems), counts: result.counts, problems, stopped: result.failure };
  if (!result.ok)
    return {
      ...failure('seed', `${problems.length} record(s) could not be loaded; the others were`, problems),
      counts: result.counts,
      problems,
    };
  return { ok: true, counts: result.counts, problems };
}
