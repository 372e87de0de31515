// The app-install op: the pack exported as a twenty-sdk project, built by twenty-sdk
// (or taken from the build cache), and installed through Twenty's own
// `syncApplication` — or, with dryRun, only the server's plan for it. What an app
// cannot carry (workflows, seed records) is left to `deploy`, as the export's README says.
import { join, resolve } from 'node:path';
import { countSyncActions, planAppSync, syncApp, type AppSyncCounts, type SyncAction } from '../deploy/index.ts';
import { failure, packOf, silent, workspaceFailure, type OpFailure, type PackInput, type Progress, type Workspace } from './types.ts';

export interface InstallAppInput extends PackInput {
  workspace: Workspace;
  /** Only ask the server what the sync would do. */
  dryRun?: boolean;
  /** Where twenty-sdk's builds are kept (default `<dir>/.bankpack/app-build`). */
  cacheDir?: string;
  onProgress?: Progress;
}

export interface AppInstalled {
  ok: true;
  applicationUniversalIdentifier: string;
  dryRun: boolean;
  actions: SyncAction[];
  counts: AppSyncCounts;
  /** How the manifest was had: built now (and how long that took) or from the cache. */
  build: { cached: boolean; ms: number };
  /** Requests sent to Twenty. */
  requests: number;
}

export async function installApp(input: InstallAppInput): Promise<AppInstalled | OpFailure> {
  const progress = input.onProgress ?? silent;
  const dir = resolve(input.dir);
  const checked = await packOf(input, 'nothing was sent');
  if (!checked.ok) return checked;
  // twenty-sdk is loaded only when this op runs.
  const { buildCached, exportProject, sdkSystemFieldUid, sdkVersion } = await import('../export/index.ts');
  const version = await sdkVersion();
  const project = exportProject(checked.pack, { sdkVersion: version, systemFieldUid: await sdkSystemFieldUid() });
  const started = Date.now();
  progress(`building the app with twenty-sdk ${version} (reused when the pack has not changed)`);
  const build = await buildCached(project.files, input.cacheDir ?? join(dir, '.bankpack', 'app-build'));
  const ms = Date.now() - started;
  if (!build.ok || !build.manifest)
    return failure(
      'app-build',
      `twenty-sdk ${version} refused the exported app; nothing was sent (run \`bankpack export twenty-app --check\`)`,
      build.error ? [build.error] : [],
    );
  const { client } = input.workspace;
  const before = client.counter.total;
  const dryRun = input.dryRun === true;
  progress(dryRun ? `asking ${client.url} what syncing the app would do` : `syncing the app into ${client.url}`);
  try {
    const synced = dryRun ? await planAppSync(client, build.manifest) : await syncApp(client, build.manifest);
    return {
      ok: true,
      applicationUniversalIdentifier: synced.applicationUniversalIdentifier,
      dryRun,
      actions: synced.actions,
      counts: countSyncActions(synced.actions),
      build: { cached: build.cached, ms },
      requests: client.counter.total - before,
    };
  } catch (e) {
    return workspaceFailure(e);
  }
}
