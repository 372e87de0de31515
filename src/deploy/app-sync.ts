// Installs a built app manifest the way twenty-sdk 2.43's CLI does (`twenty apply`):
// the server's own dry run, then the application registration, the development
// application, and `syncApplication` (docs/twenty-facts.md "Applications"). The
// sync's answer is Twenty's list of actions; nothing else is read.
import type { TwentyClient } from '../twenty/index.ts';

/** One action of a sync, as Twenty sends it (twenty-shared metadata/types/sync-action.type.ts). */
export interface SyncAction {
  type: 'create' | 'update' | 'delete';
  metadataName: string;
  universalIdentifier?: string;
  flatEntity?: Record<string, unknown>;
  diff?: Record<string, { before: unknown; after: unknown }>;
}

export interface AppSync {
  applicationUniversalIdentifier: string;
  actions: SyncAction[];
}

/** The manifest's `application` part this module reads; the rest is passed through as it is. */
export interface AppManifest {
  application: { universalIdentifier: string; displayName: string };
}

const SYNC = `mutation BankpackSyncApplication($manifest: JSON!, $dryRun: Boolean) {
  syncApplication(manifest: $manifest, dryRun: $dryRun) { applicationUniversalIdentifier actions }
}`;
const FIND_REGISTRATION = `query BankpackFindAppRegistration($uid: String!) {
  findApplicationRegistrationByUniversalIdentifier(universalIdentifier: $uid) { id }
}`;
const CREATE_REGISTRATION = `mutation BankpackCreateAppRegistration($input: CreateApplicationRegistrationInput!) {
  createApplicationRegistration(input: $input) { applicationRegistration { id } }
}`;
const CREATE_DEV_APP = `mutation BankpackCreateDevelopmentApplication($uid: String!, $name: String!) {
  createDevelopmentApplication(universalIdentifier: $uid, name: $name) { id }
}`;

/** The server's own plan for the manifest: nothing is written (a dry run needs no registration). */
export async function planAppSync(client: TwentyClient, manifest: AppManifest): Promise<AppSync> {
  const data = await client.metadata<{ syncApplication: AppSync }>(
    SYNC,
    { manifest, dryRun: true },
    { operation: 'plan the app sync (dry run)', kind: 'app' },
  );
  return data.syncApplication;
}

/**
 * Registers the app when it is not yet, creates its development application (Twenty
 * answers the existing one), and syncs the manifest. A sync is safe to send again: the
 * server diffs the manifest with what the app owns.
 */
export async function syncApp(client: TwentyClient, manifest: AppManifest): Promise<AppSync> {
  const { universalIdentifier: uid, displayName: name } = manifest.application;
  const found = await client.metadata<{ findApplicationRegistrationByUniversalIdentifier: { id: string } | null }>(
    FIND_REGISTRATION,
    { uid },
    { operation: 'read the app registration', kind: 'app' },
  );
  if (!found.findApplicationRegistrationByUniversalIdentifier) {
    await client.metadata(
      CREATE_REGISTRATION,
      { input: { name, universalIdentifier: uid } },
      { operation: `register the app ${name}`, write: true },
    );
  }
  await client.metadata(CREATE_DEV_APP, { uid, name }, { operation: `create the development application ${name}`, write: true });
  const data = await client.metadata<{ syncApplication: AppSync }>(SYNC, { manifest }, { operation: `sync the app ${name}`, write: true });
  return data.syncApplication;
}
