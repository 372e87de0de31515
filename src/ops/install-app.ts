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
  /**
   * Asked between the server's dry run and the sync, with the dry run's result, as
   * twenty-sdk's CLI shows its plan first: false stops before anything is written (the
   * result is then the dry run's). One export, one build, one manifest for both.
   */
  confirm?: (planned: AppInstalled) => boolean | Promise<boolean>;
  /** Where twenty-sdk's builds are kept (default `<dir>/.bankpack/app-build`). */
  cacheDir?: string;
  onProgress?: Progress;
}

export interface AppInstalled {
  ok: true;
  applicationUniversalIdentifier: string;
  /** True when nothing was written: a dry run, or a sync the confirm callback declined. */
  dryRun: boolean;
  actions: SyncAction[];
  counts: AppSyncCounts;
  /** How the manifest was had: built now (and how long that took) or from the cache. */
  build: { cached: boolean; ms: number };
  /** Requests sent to Twenty by this call (the dry run's included). */
  requests: number;
}

/** How the build was had, in the words the CLI and the demo print. */
export const describeBuild = (build: AppInstalled['build']): string =>
  build.cached ? 'twenty-sdk build reused' : `built by twenty-sdk in ${(build.ms / 1000).toFixed(1)} s`;

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
  const { manifest } = build;
  const { client } = input.workspace;
  const before = client.counter.total;
  const result = (dryRun: boolean, synced: { applicationUniversalIdentifier: string; actions: SyncAction[] }): AppInstalled => ({
    ok: true,
    applicationUniversalIdentifier: synced.applicationUniversalIdentifier,
    dryRun,
    actions: synced.actions,
    counts: countSyncActions(synced.actions),
    build: { cached: build.cached, ms },
    requests: client.counter.total - before,
  });
  try {
    if (input.dryRun === true || input.confirm) {
      progress(`asking ${client.url} what syncing the app would do`);
      const planned = result(true, await planAppSync(client, manifest));
      if (input.dryRun === true || !(await input.confirm?.(planned))) return planned;
    }
    progress(`syncing the app into ${client.url}`);
    return result(false, await syncApp(client, manifest));
  } catch (e) {
    return workspaceFailure(e);
  }
}
