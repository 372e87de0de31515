// The pull op: the workspace's custom objects, fields and views as pack files, in the
// pack's locales as its validated pack.yaml gives them, written without overwriting
// unless asked.
import { access, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { readPulledFiles } from '../deploy/index.ts';
import { MANIFEST_FILE } from '../pack/index.ts';
import { validatePack } from '../validate/index.ts';
import { silent, workspaceFailure, failure, type OpFailure, type Progress, type Workspace } from './types.ts';

export interface PullInput {
  /** The pack folder whose pack.yaml gives the locales (it may have none yet). */
  dir: string;
  /** Where to write (default: dir). */
  out?: string;
  /** Replace files that already exist. */
  overwrite?: boolean;
  workspace: Workspace;
  onProgress?: Progress;
}

export interface Pulled {
  ok: true;
  out: string;
  /** Paths relative to `out`. */
  written: string[];
  kept: string[];
}

export async function pull(input: PullInput): Promise<Pulled | OpFailure> {
  const progress = input.onProgress ?? silent;
  const out = resolve(input.out ?? input.dir);
  // pack.yaml as validate reads it: absent (or invalid), the pack's one default locale.
  const { manifest, defaultLocale, locales: packLocales } = (await validatePack(resolve(input.dir))).pack;
  const locales = [...packLocales];
  const hasManifest = await exists(join(out, MANIFEST_FILE));
  const { client } = input.workspace;
  progress(`Reading ${client.url}…`);
  let files;
  try {
    files = await readPulledFiles(client, {
      defaultLocale,
      locales,
      ...(hasManifest ? {} : { manifestName: manifest?.name ?? basename(out) }),
    });
  } catch (e) {
    return workspaceFailure(e);
  }
  const written: string[] = [];
  const kept: string[] = [];
  for (const f of files) {
    const path = join(out, f.path);
    if (!input.overwrite && (await exists(path))) {
      kept.push(f.path);
      continue;
    }
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, f.text);
    } catch (e) {
      return failure('file', `could not write ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    written.push(f.path);
  }
  return { ok: true, out, written, kept };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
