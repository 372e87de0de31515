// `export twenty-app` as one operation: the validated pack → the project's files →
// written to a folder (unless only checking) → built by twenty-sdk and compared
// with the pack (when asked). Returns what happened; prints nothing.
import type { ValidPack } from '../../pack/index.ts';
import { compareWithManifest } from './compare.ts';
import { exportProject } from './project.ts';
import { sdkSystemFieldUid, sdkVersion } from './sdk.ts';
import { buildInTempFolder, writeProject, type WriteReport } from './write.ts';

export interface ExportTwentyAppOptions {
  pack: ValidPack;
  /** Where to write the project; absent: nothing is written (a check only). */
  dir?: string;
  check: boolean;
  sourceLocale?: string;
  onProgress?: (message: string) => void;
}

export interface ExportTwentyAppResult {
  applicationUniversalIdentifier: string;
  sdkVersion: string;
  files: number;
  entities: Record<string, number>;
  write?: WriteReport;
  /** Source texts that needed two translations in one locale (the first was kept). */
  collisions: string[];
  check?: { ok: boolean; error?: string; differences: string[] };
}

export async function exportTwentyApp(options: ExportTwentyAppOptions): Promise<ExportTwentyAppResult> {
  const progress = options.onProgress ?? (() => undefined);
  const version = await sdkVersion();
  const project = exportProject(options.pack, {
    sdkVersion: version,
    systemFieldUid: await sdkSystemFieldUid(),
    ...(options.sourceLocale ? { sourceLocale: options.sourceLocale } : {}),
  });
  const entities: Record<string, number> = {};
  for (const e of project.model.entities) entities[e.define] = (entities[e.define] ?? 0) + 1;
  const result: ExportTwentyAppResult = {
    applicationUniversalIdentifier: project.model.applicationUniversalIdentifier,
    sdkVersion: version,
    files: project.files.size,
    entities,
    collisions: project.model.collisions,
  };
  if (options.dir !== undefined) {
    progress(`writing ${project.files.size} files to ${options.dir}`);
    result.write = await writeProject(options.dir, project.files);
  }
  if (options.check) {
    progress(`building with twenty-sdk ${version} (manifest validation and a typecheck; this takes a while)`);
    const build = await buildInTempFolder(project.files);
    for (const line of build.progress) progress(`twenty-sdk: ${line}`);
    result.check =
      build.ok && build.manifest
        ? { ok: true, differences: compareWithManifest(project.model, build.manifest) }
        : { ok: false, ...(build.error ? { error: build.error } : {}), differences: [] };
    if (result.check.differences.length > 0) result.check.ok = false;
  }
  return result;
}
