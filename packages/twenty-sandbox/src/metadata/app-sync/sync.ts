// Twenty's application development API on /metadata, as twenty-sdk 2.43's CLI uses it
// (docs/twenty-facts.md "Applications"): createApplicationRegistration,
// findApplicationRegistrationByUniversalIdentifier, createDevelopmentApplication and
// syncApplication(manifest, dryRun, inferDeletionFromMissingEntities) and
// uninstallApplication — the manifest
// diffed against what the app owns, applied through the sandbox's metadata rules as one
// migration. Reads: navigationMenuItems and findManyApplications show what apps own.
import { randomUUID } from 'node:crypto';
import { notFoundError, TwentyError, userInputError } from '../../server/twenty-errors.ts';
import type { Workspace } from '../../state/workspace.ts';
import { objectDto } from '../dto.ts';
import { applyActions } from './apply.ts';
import { applicationOf, desiredEntities, syncActions, type DesiredEntity, type SyncAction } from './entities.ts';
import { snapshot } from './rollback.ts';
import { appStore, newRegistration, type AppRow, type NavigationMenuItemRow, type RegistrationRow } from './store.ts';

type Json = Record<string, unknown>;
type Resolver = (args: Json, ws: Workspace) => unknown;

function registrationDto(ws: Workspace, r: RegistrationRow): Json {
  return {
    id: r.id,
    universalIdentifier: r.universalIdentifier,
    name: r.name,
    oAuthClientId: r.oAuthClientId,
    oAuthRedirectUris: [],
    oAuthScopes: [],
    ownerWorkspaceId: ws.workspaceId,
    sourceType: 'LOCAL',
    sourcePackage: null,
    latestAvailableVersion: null,
    isListed: false,
    isVetted: false,
    isPreInstalled: false,
    createdAt: r.createdAt,
    updatedAt: r.createdAt,
    isConfigured: true,
    logoUrl: null,
    galleryImagesUrls: [],
  };
}

const menuItemDto = (n: NavigationMenuItemRow): Json => ({
  ...n,
  userWorkspaceId: null,
  targetRecordId: null,
  pageLayoutId: null,
  targetRecordIdentifier: null,
});

function applicationDto(ws: Workspace, a: AppRow): Json {
  return {
    id: a.id,
    name: a.name,
    description: null,
    logoFileId: null,
    version: a.version,
    universalIdentifier: a.universalIdentifier,
    packageJsonChecksum: null,
    packageJsonFileId: null,
    yarnLockChecksum: null,
    yarnLockFileId: null,
    availablePackages: {},
    applicationRegistrationId: a.applicationRegistrationId,
    canBeUninstalled: true,
    autoUpgrade: false,
    defaultRoleId: null,
    settingsCustomTabFrontComponentId: null,
    healthCheckLogicFunctionId: null,
    agents: [],
    frontComponents: [],
    commandMenuItems: [],
    settingsMenuItems: [],
    logicFunctions: [],
    applicationVariables: [],
    applicationRegistration: null,
    logoUrl: null,
    objects: [...ws.objects.values()].filter((o) => o.applicationId === a.id).map(objectDto),
  };
}

/**
 * A create the database refuses: the manifest is validated against the app's own and the
 * standard app's entities only, so an object name a workspace ("Custom") object already
 * holds reaches the unique index, and the runner fails (workspace-migration-runner-exception-formatter.ts @0a0ec6a7).
 * A clash with a standard object is a validation error instead (createObject reports it).
 */
function nameClash(ws: Workspace, app: AppRow, actions: readonly SyncAction[]): TwentyError | undefined {
  for (const a of actions) {
    if (a.type !== 'create' || a.metadataName !== 'objectMetadata') continue;
    const names = [a.flatEntity.nameSingular, a.flatEntity.namePlural];
    const other = [...ws.objects.values()].find(
      (o) =>
        o.applicationId !== app.id &&
        o.applicationId !== ws.standardApplicationId &&
        names.some((n) => n === o.nameSingular || n === o.namePlural),
    );
    if (!other) continue;
    const index = names.includes(other.nameSingular)
      ? 'IDX_OBJECT_METADATA_NAME_SINGULAR_WORKSPACE_ID_UNIQUE'
      : 'IDX_OBJECT_METADATA_NAME_PLURAL_WORKSPACE_ID_UNIQUE';
    const cause = `duplicate key value violates unique constraint "${index}"`;
    return new TwentyError(
      `Migration action 'create' for 'objectMetadata' (universalIdentifier: ${a.universalIdentifier}) failed: Metadata: ${cause}`,
      'APPLICATION_INSTALLATION_FAILED',
      {
        action: { type: 'create', metadataName: 'objectMetadata', universalIdentifier: a.universalIdentifier },
        errors: { metadata: { message: cause, code: 'INTERNAL_SERVER_ERROR' } },
        userFriendlyMessage: 'Migration execution failed.',
      },
    );
  }
  return undefined;
}

function syncApplication(args: Json, ws: Workspace): Json {
  const manifest = (typeof args.manifest === 'object' && args.manifest !== null ? args.manifest : {}) as Json;
  const { universalIdentifier: uid } = applicationOf(manifest);
  const store = appStore(ws);
  const desired: DesiredEntity[] = desiredEntities(manifest);
  const inferDeletion = args.inferDeletionFromMissingEntities !== false;
  const installed = store.apps.get(uid);
  // A dry run plans against the installed app, or a virtual empty one (application-sync.service.ts @00b04947).
  const actions = syncActions(desired, installed?.owned ?? {}, inferDeletion);
  if (args.dryRun === true) return { applicationUniversalIdentifier: uid, actions };
  if (!store.registrations.has(uid)) {
    throw notFoundError(`No registration found for "${uid}". Create one first with createApplicationRegistration.`, {
      subCode: 'APPLICATION_NOT_FOUND',
    });
  }
  if (!installed) {
    throw notFoundError(`Application "${uid}" not found in workspace "${ws.workspaceId}". Run createDevelopmentApplication first.`, {
      subCode: 'APPLICATION_NOT_FOUND',
    });
  }
  if (actions.length === 0) return { applicationUniversalIdentifier: uid, actions };
  const clash = nameClash(ws, installed, actions);
  if (clash) throw clash;
  const restore = snapshot(ws);
  try {
    applyActions(ws, installed, desired, actions);
  } catch (e) {
    restore();
    throw e;
  }
  installed.version = String(Number(installed.version ?? 0) + 1);
  ws.metadataChanged();
  return { applicationUniversalIdentifier: uid, actions };
}

/**
 * Uninstalling migrates everything the app owns to an empty set, records with it, then
 * deletes the application; its registration stays (application-sync.service.ts @00b04947,
 * uninstallApplication). The not-found wording is the sandbox's (Twenty's is unconfirmed).
 */
function uninstallApplication(args: Json, ws: Workspace): boolean {
  const uid = String(args.universalIdentifier);
  const store = appStore(ws);
  const app = store.apps.get(uid);
  if (!app) throw notFoundError(`Application "${uid}" not found in workspace "${ws.workspaceId}".`, { subCode: 'APPLICATION_NOT_FOUND' });
  const restore = snapshot(ws);
  try {
    applyActions(ws, app, [], syncActions([], app.owned, true));
  } catch (e) {
    restore();
    throw e;
  }
  store.apps.delete(uid);
  ws.metadataChanged();
  return true;
}

export const APP_QUERIES: Record<string, Resolver> = {
  findApplicationRegistrationByUniversalIdentifier: (a, ws) => {
    const r = appStore(ws).registrations.get(String(a.universalIdentifier));
    return r ? registrationDto(ws, r) : null;
  },
  findManyApplications: (_a, ws) => [...appStore(ws).apps.values()].map((app) => applicationDto(ws, app)),
  navigationMenuItems: (_a, ws) => [...appStore(ws).navigationMenuItems.values()].sort((x, y) => x.position - y.position).map(menuItemDto),
};

export const APP_MUTATIONS: Record<string, Resolver> = {
  createApplicationRegistration: (a, ws) => {
    const input = (a.input ?? {}) as Json;
    const name = String(input.name ?? '');
    const uid = typeof input.universalIdentifier === 'string' && input.universalIdentifier ? input.universalIdentifier : randomUUID();
    const store = appStore(ws);
    // Subcode as twenty-sdk 2.43 tests it; the error's code is unconfirmed (BAD_USER_INPUT taken).
    if (store.registrations.has(uid))
      throw userInputError(`Universal identifier "${uid}" is already claimed by another application registration`, {
        subCode: 'UNIVERSAL_IDENTIFIER_ALREADY_CLAIMED',
      });
    const r = newRegistration(uid, name);
    store.registrations.set(uid, r);
    return { applicationRegistration: registrationDto(ws, r), clientSecret: randomUUID() };
  },
  createDevelopmentApplication: (a, ws) => {
    const uid = String(a.universalIdentifier);
    const store = appStore(ws);
    const registration = store.registrations.get(uid);
    if (!registration)
      throw notFoundError(`No registration found for "${uid}". Create one first with createApplicationRegistration.`, {
        subCode: 'APPLICATION_NOT_FOUND',
      });
    let app = store.apps.get(uid);
    if (!app) {
      app = {
        id: randomUUID(),
        universalIdentifier: uid,
        name: String(a.name),
        applicationRegistrationId: registration.id,
        version: null,
        owned: {},
      };
      store.apps.set(uid, app);
    }
    return { id: app.id, universalIdentifier: app.universalIdentifier };
  },
  syncApplication,
  uninstallApplication,
};
