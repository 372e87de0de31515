// Front door of export: the pack as a twenty-sdk application project, and the
// check of that project by twenty-sdk's own build.
export { exportProject, type ExportOptions, type ExportedProject } from './twenty-app/project.ts';
export { applicationUid, type AppModel, type AppEntity } from './twenty-app/app-model.ts';
export { compareWithManifest } from './twenty-app/compare.ts';
export { sdkSystemFieldUid, sdkVersion, type BuiltManifest, type SdkBuild } from './twenty-app/sdk.ts';
export { buildInTempFolder, writeProject, type WriteReport } from './twenty-app/write.ts';
export { exportTwentyApp, type ExportTwentyAppResult } from './twenty-app/run.ts';
export { buildCached, buildKey, type CachedBuild } from './twenty-app/build-cache.ts';
