// The fuzzer's promise check, one mutant at a time: either `validate` refuses it with an
// error that points into a real file (file:line:col inside the file), or the mutant
// deploys into a sandbox and a plan made afterwards is clean. Anything else is a
// violation: validate accepted what Twenty refuses, or pointed nowhere, or crashed.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FOLDERS, formatProblem, loadFiles, MANIFEST_FILE, SETTINGS_FILE, type PackFile } from '../../src/pack/index.ts';
import { validatePack } from '../../src/validate/index.ts';
import { applyEdit } from './apply.ts';
import type { Mutant } from './catalogue.ts';
import { DeployWorld } from './world.ts';

export type Outcome = 'rejected' | 'deployed' | 'violation' | 'skipped';

export interface Verdict {
  mutant: Mutant;
  outcome: Outcome;
  /** The first error line for a rejection, the failure for a violation. */
  detail: string;
}

export interface Tally {
  tried: number;
  rejected: number;
  deployed: number;
  violations: number;
  skipped: number;
}

export function tally(verdicts: readonly Verdict[]): Tally {
  const n = (o: Outcome): number => verdicts.filter((v) => v.outcome === o).length;
  return {
    tried: verdicts.length - n('skipped'),
    rejected: n('rejected'),
    deployed: n('deployed'),
    violations: n('violation'),
    skipped: n('skipped'),
  };
}

/** A working copy of a pack that mutants are written into, one at a time. */
export class Judge {
  private constructor(
    readonly dir: string,
    readonly files: PackFile[],
    private readonly world: DeployWorld,
    /** Errors the unmutated pack already has, in files the fuzzer does not mutate (work in progress elsewhere). */
    private readonly known: ReadonlySet<string>,
  ) {}

  static async start(packRoot: string): Promise<Judge> {
    const dir = await mkdtemp(join(tmpdir(), 'bankpack-fuzz-pack-'));
    await cp(join(packRoot, MANIFEST_FILE), join(dir, MANIFEST_FILE));
    for (const { folder } of FOLDERS)
      if (existsSync(join(packRoot, folder))) await cp(join(packRoot, folder), join(dir, folder), { recursive: true });
    // settings/bank.yaml too: the templates read it, and deploy takes only a pack without errors.
    if (existsSync(join(packRoot, SETTINGS_FILE))) await cp(join(packRoot, SETTINGS_FILE), join(dir, SETTINGS_FILE));
    const { files } = await loadFiles(dir);
    const base = await validatePack(dir);
    const errors = base.problems.filter((p) => p.severity === 'error');
    // Deploy takes only a ValidPack, so the real pack must validate without errors.
    if (!base.valid) throw new Error(`the real pack does not validate: ${errors.map(formatProblem).join('; ')}`);
    return new Judge(dir, files, await DeployWorld.start(base.valid), new Set(errors.map(formatProblem)));
  }

  async judge(mutant: Mutant): Promise<Verdict> {
    const path = join(this.dir, mutant.file);
    const original = await readFile(path);
    let bytes: Uint8Array;
    try {
      bytes = applyEdit(original.toString('utf8'), mutant.edit);
    } catch (e) {
      return { mutant, outcome: 'skipped', detail: e instanceof Error ? e.message : String(e) };
    }
    if (Buffer.from(bytes).equals(original)) return { mutant, outcome: 'skipped', detail: 'the edit changes nothing' };
    await writeFile(path, bytes);
    try {
      return await this.verdict(mutant);
    } catch (e) {
      return {
        mutant,
        outcome: 'violation',
        detail: `validate or deploy crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      };
    } finally {
      await writeFile(path, original);
    }
  }

  private async verdict(mutant: Mutant): Promise<Verdict> {
    const { valid: pack, problems } = await validatePack(this.dir);
    const first = problems.find((p) => p.severity === 'error' && !this.known.has(formatProblem(p)));
    if (first) {
      const where = await this.lineCount(first.file);
      if (where === undefined || first.line < 1 || first.line > where || first.col < 1) {
        return { mutant, outcome: 'violation', detail: `validate's first error points outside any file: ${formatProblem(first)}` };
      }
      return { mutant, outcome: 'rejected', detail: formatProblem(first) };
    }
    if (!pack) return { mutant, outcome: 'rejected', detail: 'validate found errors' };
    const deployed = await this.world.deploy(pack, mutant.locale);
    if (!deployed.ok)
      return { mutant, outcome: 'violation', detail: `validate accepted it, but ${deployed.detail ?? 'the deploy failed'}` };
    return {
      mutant,
      outcome: 'deployed',
      detail: deployed.freshOnly ? `deploys fresh; onto the deployed pack: ${deployed.detail ?? ''}` : 'deployed, plan clean',
    };
  }

  private async lineCount(file: string): Promise<number | undefined> {
    try {
      return (await readFile(join(this.dir, file), 'latin1')).split('\n').length;
    } catch {
      return file === MANIFEST_FILE ? 1 : undefined;
    }
  }

  async close(): Promise<void> {
    await this.world.close();
    await rm(this.dir, { recursive: true, force: true });
  }
}
