// twenty-sdk's build of a project, kept by the digest of its files and the SDK's
// version: the build takes minutes (the manifest step, then a typecheck), and the same
// files always build to the same manifest, so an install from an unchanged pack reuses
// it. A refused build is not kept.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sdkVersion, type BuiltManifest, type SdkBuild } from './sdk.ts';
import { buildInTempFolder } from './write.ts';

export interface CachedBuild extends SdkBuild {
  /** True when the manifest came from the cache, not from a build. */
  cached: boolean;
}

export async function buildKey(files: ReadonlyMap<string, string>): Promise<string> {
  const hash = createHash('sha256').update(`twenty-sdk@${await sdkVersion()}\n`);
  for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(`${path}\n${text.length}\n${text}`);
  return hash.digest('hex').slice(0, 32);
}

/** Builds the project, or takes its manifest from `cacheDir` when these files were built before. */
export async function buildCached(files: ReadonlyMap<string, string>, cacheDir: string): Promise<CachedBuild> {
  const path = join(cacheDir, `manifest-${await buildKey(files)}.json`);
  const hit = await readFile(path, 'utf8').then(
    (t) => JSON.parse(t) as BuiltManifest,
    () => undefined,
  );
  if (hit) return { ok: true, manifest: hit, progress: [], cached: true };
  const build = await buildInTempFolder(files);
  if (build.ok && build.manifest) {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(path, JSON.stringify(build.manifest));
  }
  return { ...build, cached: false };
}
