// The sandbox side of the fuzzer: the real pack deployed once into a sandbox, its
// workspace kept as a snapshot, and for each mutant validate accepts a sandbox started
// from that snapshot in-process, the mutant deployed into it, and a plan made afterwards.
// A deploy that fails on the snapshot is tried again on a fresh, empty workspace before
// it counts against validate: the promise is about a fresh deploy.
import { rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPlan, countPlan, hasChanges, preparePlan } from '../../src/deploy/index.ts';
import type { ValidPack } from '../../src/pack/index.ts';
import { clientFor, packSandbox } from '../deploy/sandbox-helpers.ts';
import { startSandbox, type Sandbox } from 'twenty-sandbox';

export interface DeployOutcome {
  ok: boolean;
  /** What failed, or what the plan after the deploy still wanted to change. */
  detail?: string;
}

/** Deploy `pack` (in `locale`) with the API key and a user session, as `bankpack deploy --yes` does; then plan again. */
export async function deployAndReplan(sb: Sandbox, pack: ValidPack, locale?: string): Promise<DeployOutcome> {
  const client = clientFor(sb);
  const userClient = clientFor({ ...sb, apiKey: sb.userToken });
  const options = locale ? { locale } : {};
  try {
    const prepared = await preparePlan(client, pack, options);
    if (prepared.problems.length > 0)
      return { ok: false, detail: `deploy could not resolve: ${prepared.problems.map((p) => p.message).join('; ')}` };
    const conflicts = prepared.plan.changes.filter((c) => c.action === 'conflict');
    if (conflicts.length > 0)
      return { ok: false, detail: `plan has conflicts: ${conflicts.map((c) => `${c.title}: ${c.reason ?? ''}`).join('; ')}` };
    const report = await applyPlan(client, prepared.plan, prepared.actual, prepared.caps, { userClient });
    if (!report.ok)
      return {
        ok: false,
        detail: `deploy failed at change ${report.done + 1} of ${report.total} (${report.failure?.change ?? '?'}): ${report.failure?.message ?? 'interrupted'}`,
      };
    const after = (await preparePlan(client, pack, options)).plan;
    if (hasChanges(after)) {
      const left = after.changes.filter((c) => c.apply !== undefined).map((c) => `${c.action} ${c.title}`);
      return { ok: false, detail: `plan after deploy is not clean (${JSON.stringify(countPlan(after))}): ${left.slice(0, 3).join('; ')}` };
    }
    return { ok: true };
  } catch (e) {
    return { ok: false, detail: `deploy threw: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export class DeployWorld {
  private constructor(
    private readonly dir: string,
    private readonly snapshot: string,
  ) {}

  /** Deploy the baseline pack once and keep the workspace. Throws if the real pack does not deploy cleanly. */
  static async start(baseline: ValidPack): Promise<DeployWorld> {
    const sb = await packSandbox();
    try {
      const outcome = await deployAndReplan(sb, baseline);
      if (!outcome.ok) throw new Error(`the real pack does not deploy cleanly: ${outcome.detail}`);
      const dir = await mkdtemp(join(tmpdir(), 'bankpack-fuzz-ws-'));
      return new DeployWorld(dir, JSON.stringify(sb.workspace.toData()));
    } finally {
      await sb.close();
    }
  }

  /** The mutant's deploy onto the baseline workspace, confirmed on a fresh one if it fails there. */
  async deploy(pack: ValidPack, locale?: string): Promise<DeployOutcome & { freshOnly?: boolean }> {
    const statePath = join(this.dir, 'workspace.json');
    await writeFile(statePath, this.snapshot);
    const sb = await startSandbox({ port: 0, statePath });
    let first: DeployOutcome;
    try {
      first = await deployAndReplan(sb, pack, locale);
    } finally {
      await sb.close();
    }
    if (first.ok) return first;
    const fresh = await packSandbox();
    try {
      const second = await deployAndReplan(fresh, pack, locale);
      return second.ok ? { ok: true, freshOnly: true, ...(first.detail ? { detail: first.detail } : {}) } : second;
    } finally {
      await fresh.close();
    }
  }

  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
