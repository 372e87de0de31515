// Writes an exported project into a folder, and builds it with twenty-sdk in a
// throw-away copy. Generated files (src/, locales/) that the pack no longer
// produces are removed; anything else in the folder (node_modules, .twenty, git
// files) is left alone.
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { buildWithSdk, sdkNodeModules, type SdkBuild } from './sdk.ts';

const GENERATED_FOLDERS = ['src', 'locales'];

export interface WriteReport {
  written: number;
  removed: string[];
}

export async function writeProject(dir: string, files: ReadonlyMap<string, string>): Promise<WriteReport> {
  const removed: string[] = [];
  for (const folder of GENERATED_FOLDERS) {
    for (const file of await listFiles(join(dir, folder))) {
      const rel = relative(dir, file).split('\\').join('/');
      if (!files.has(rel)) {
        await rm(file);
        removed.push(rel);
      }
    }
  }
  for (const [rel, text] of files) {
    const path = join(dir, rel);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  return { written: files.size, removed };
}

/** Builds the project with the twenty-sdk bankpack ships with, in a temporary folder. */
export async function buildInTempFolder(files: ReadonlyMap<string, string>): Promise<SdkBuild> {
  const dir = await mkdtemp(join(tmpdir(), 'bankpack-twenty-app-'));
  try {
    await writeProject(dir, files);
    await symlink(sdkNodeModules(), join(dir, 'node_modules'), 'dir');
    return await buildWithSdk(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out;
}
