// `npm start -- --as-app`: the pack's schema installed the way Twenty's own tools do it —
// the export built by twenty-sdk (kept in <pack>/.bankpack/app-build while the pack is
// unchanged) and synced through `syncApplication` — before the usual deploy, which then
// only carries what an app cannot (workflows, reference records, translations).
import { describeBuild, installApp, type AppInstalled, type Workspace } from '../ops/index.ts';
import type { PackFile, ValidPack } from '../pack/index.ts';

export interface AppStepResult {
  applicationUniversalIdentifier: string;
  created: number;
  updated: number;
  deleted: number;
  /** Requests the install sent (the dry run, and when it found changes: registration, development application, sync). */
  requests: number;
  build: AppInstalled['build'];
}

/** The server's dry run first, as twenty-sdk's CLI does: an app that already matches is not synced again (a second run writes nothing). */
export async function installAsApp(
  workspace: Workspace,
  dir: string,
  validated: { pack: ValidPack; files: readonly PackFile[] },
): Promise<AppStepResult> {
  const r = await installApp({ dir, workspace, pack: validated, confirm: (planned) => planned.actions.length > 0 });
  if (!r.ok) throw new Error([r.message, ...r.details].join('; '));
  return {
    applicationUniversalIdentifier: r.applicationUniversalIdentifier,
    created: r.counts.create,
    updated: r.counts.update,
    deleted: r.counts.delete,
    requests: r.requests,
    build: r.build,
  };
}

export function describeAppStep(r: AppStepResult): string {
  const what =
    r.created + r.updated + r.deleted === 0
      ? 'no changes: the app already matches the manifest'
      : `${r.created} created, ${r.updated} updated, ${r.deleted} deleted`;
  return `syncApplication: ${what}, in ${r.requests} request(s); ${describeBuild(r.build)}`;
}
