// Applications of a workspace, as Twenty keeps them for `syncApplication`: the
// registration (createApplicationRegistration), the installed application
// (createDevelopmentApplication), and, per application, the entities it owns by
// universalIdentifier — what the next sync diffs the manifest against
// (application-manifest-migration.service.ts @027e3c4d: the owner app's flat
// entities → the manifest's). Saved with the workspace in a --state file.
import { randomUUID } from 'node:crypto';
import type { Workspace } from '../../state/workspace.ts';

/** A kind of metadata an app owns, by Twenty's name for it (ALL_METADATA_NAME). */
export type AppMetadataName =
  | 'objectMetadata'
  | 'fieldMetadata'
  | 'view'
  | 'viewField'
  | 'viewGroup'
  | 'viewFilter'
  | 'viewSort'
  | 'role'
  | 'objectPermission'
  | 'fieldPermission'
  | 'rowLevelPermissionPredicate'
  | 'navigationMenuItem';

export interface OwnedEntity {
  metadataName: AppMetadataName;
  /** The manifest entry as last synced (without its nested lists): what the next sync compares. */
  props: Record<string, unknown>;
  /** The sandbox row it became (object, field, view, view child, role, menu item); absent for rows kept inside another. */
  id?: string;
}

export interface NavigationMenuItemRow {
  id: string;
  universalIdentifier: string;
  applicationId: string;
  type: string;
  name: string | null;
  icon: string | null;
  color: string | null;
  position: number;
  folderId: string | null;
  targetObjectMetadataId: string | null;
  viewId: string | null;
  link: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AppRow {
  id: string;
  universalIdentifier: string;
  name: string;
  applicationRegistrationId: string;
  /** Null until the first real sync (Twenty's isFirstSync test). */
  version: string | null;
  owned: Record<string, OwnedEntity>;
}

export interface RegistrationRow {
  id: string;
  universalIdentifier: string;
  name: string;
  oAuthClientId: string;
  createdAt: string;
}

export interface AppStore {
  registrations: Map<string, RegistrationRow>;
  /** By universalIdentifier. */
  apps: Map<string, AppRow>;
  navigationMenuItems: Map<string, NavigationMenuItemRow>;
}

interface SavedApps {
  registrations: RegistrationRow[];
  apps: AppRow[];
  navigationMenuItems: NavigationMenuItemRow[];
}

const stores = new WeakMap<Workspace, AppStore>();

export function appStore(ws: Workspace): AppStore {
  const known = stores.get(ws);
  if (known) return known;
  const saved = ws.savedExtras.applications as SavedApps | undefined;
  const store: AppStore = {
    registrations: new Map((saved?.registrations ?? []).map((r) => [r.universalIdentifier, r])),
    apps: new Map((saved?.apps ?? []).map((a) => [a.universalIdentifier, a])),
    navigationMenuItems: new Map((saved?.navigationMenuItems ?? []).map((n) => [n.id, n])),
  };
  ws.extraSavers.set('applications', (): SavedApps => ({
    registrations: [...store.registrations.values()],
    apps: [...store.apps.values()],
    navigationMenuItems: [...store.navigationMenuItems.values()],
  }));
  stores.set(ws, store);
  return store;
}

/** A copy to roll back to: a sync changes all it owns or nothing. */
export function snapshotApps(store: AppStore): () => void {
  const copy = structuredClone({ r: [...store.registrations], a: [...store.apps], n: [...store.navigationMenuItems] });
  return () => {
    for (const [map, rows] of [
      [store.registrations, copy.r],
      [store.apps, copy.a],
      [store.navigationMenuItems, copy.n],
    ] as const) {
      (map as Map<string, unknown>).clear();
      for (const [k, v] of rows as Array<[string, unknown]>) (map as Map<string, unknown>).set(k, v);
    }
  };
}

export function newRegistration(universalIdentifier: string, name: string): RegistrationRow {
  return { id: randomUUID(), universalIdentifier, name, oAuthClientId: randomUUID(), createdAt: new Date().toISOString() };
}
