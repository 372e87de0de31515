// A saved plan (`bankpack plan --out FILE`): the whole truth of what `deploy --plan FILE`
// will do (Terraform's rule). It holds the changes with what apply sends for each, the
// workspace as read (apply starts from its ids), the server's operations, the reads
// the plan was computed from (to check that the workspace has not moved), the pack's
// fingerprint, and a checksum so that an edited or truncated file is refused. It never
// holds a key or a token: the connection is given again when it is applied.
import { readFile, writeFile } from 'node:fs/promises';
import { countPlan, type ActualState, type Plan, type PlanCounts } from '../deploy/index.ts';
import type { SavedCapabilities } from '../twenty/index.ts';
import { sha256, type WorkspaceFingerprint } from './fingerprint.ts';

export const SAVED_PLAN_FORMAT = 'bankpack-plan';
export const SAVED_PLAN_VERSION = 1;

export interface SavedPlan {
  format: typeof SAVED_PLAN_FORMAT;
  version: typeof SAVED_PLAN_VERSION;
  createdAt: string;
  /** What the plan does, in numbers (as `plan --json` prints them). */
  counts: PlanCounts;
  /** The plan's options, for the record: the changes below already reflect them. */
  options: { locale?: string; prune: boolean; includeDemoSeeds: boolean };
  /** The pack the plan was made from: its folder and a digest of its files. */
  pack: { dir: string; fingerprint: string };
  /** The workspace the plan was made against, and the reads that showed it. */
  workspace: WorkspaceFingerprint;
  capabilities: SavedCapabilities;
  /** Every change, with what apply sends for it. */
  plan: Plan;
  /** The workspace's objects, fields and views as read: apply starts from their ids. */
  actual: ActualState;
}

export type SavedPlanBody = Omit<SavedPlan, 'format' | 'version' | 'createdAt' | 'counts'>;

export function makeSavedPlan(body: SavedPlanBody, now: Date = new Date()): SavedPlan {
  return { format: SAVED_PLAN_FORMAT, version: SAVED_PLAN_VERSION, createdAt: now.toISOString(), counts: countPlan(body.plan), ...body };
}

/** The file's text: the plan, then its checksum over the exact JSON of everything before it. */
export function serializeSavedPlan(saved: SavedPlan): string {
  const body = JSON.parse(JSON.stringify(saved)) as Record<string, unknown>;
  return `${JSON.stringify({ ...body, checksum: `sha256:${sha256(JSON.stringify(body))}` }, null, 2)}\n`;
}

export async function writeSavedPlan(file: string, saved: SavedPlan): Promise<void> {
  await writeFile(file, serializeSavedPlan(saved), { mode: 0o600 });
}

export type ParsedPlan = { ok: true; saved: SavedPlan } | { ok: false; problem: string };

const RUN_PLAN_AGAIN = 'run `bankpack plan --out FILE` again and deploy that file';

/** Read a saved plan and check it is one, of this version, exactly as it was written. */
export function parseSavedPlan(text: string): ParsedPlan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problem: `it is not valid JSON (${e instanceof Error ? e.message : String(e)}): truncated or edited? ${RUN_PLAN_AGAIN}`,
    };
  }
  if (data === null || typeof data !== 'object' || (data as { format?: unknown }).format !== SAVED_PLAN_FORMAT) {
    return {
      ok: false,
      problem: `it is not a saved bankpack plan (no "format": "${SAVED_PLAN_FORMAT}"); \`bankpack plan --out FILE\` writes one`,
    };
  }
  const { checksum, ...body } = data as Record<string, unknown>;
  if (body.version !== SAVED_PLAN_VERSION) {
    return {
      ok: false,
      problem: `it was saved in format version ${String(body.version)}, and this bankpack reads version ${SAVED_PLAN_VERSION}; ${RUN_PLAN_AGAIN}`,
    };
  }
  if (checksum !== `sha256:${sha256(JSON.stringify(body))}`) {
    return {
      ok: false,
      problem: `it has been edited or corrupted since \`bankpack plan --out\` wrote it (its checksum does not match); a saved plan is applied only as it was made: ${RUN_PLAN_AGAIN}`,
    };
  }
  const saved = body as unknown as SavedPlan;
  const shapeOk =
    Array.isArray(saved.plan?.changes) &&
    Array.isArray(saved.workspace?.reads) &&
    Array.isArray(saved.actual?.objects) &&
    Array.isArray(saved.actual?.views) &&
    typeof saved.workspace?.url === 'string' &&
    saved.capabilities !== undefined;
  if (!shapeOk) return { ok: false, problem: `it lacks parts a saved plan has (changes, reads, the workspace as read); ${RUN_PLAN_AGAIN}` };
  return { ok: true, saved };
}

export async function readSavedPlan(file: string): Promise<ParsedPlan> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { ok: false, problem: `it cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  return parseSavedPlan(text);
}
