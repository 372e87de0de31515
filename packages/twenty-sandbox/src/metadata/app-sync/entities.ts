// The manifest as Twenty's sync sees it: one entity per universalIdentifier, by kind
// (compute-application-manifest-all-universal-flat-entity-maps.util.ts), and the
// actions that take the app from what it owns to that (create / update with a
// per-property diff / delete), in sync-action.type.ts's shape (twenty-shared @41d24255).
import { userInputError } from '../../server/twenty-errors.ts';
import type { AppMetadataName, OwnedEntity } from './store.ts';

type Json = Record<string, unknown>;

export interface DesiredEntity {
  metadataName: AppMetadataName;
  uid: string;
  props: Json;
}

export interface SyncAction {
  type: 'create' | 'update' | 'delete';
  metadataName: AppMetadataName;
  universalIdentifier: string;
  flatEntity: Json;
  diff?: Record<string, { before: unknown; after: unknown }>;
}

/** The order kinds are created in (what they point at first); deletions go the other way. */
export const KIND_ORDER: readonly AppMetadataName[] = [
  'objectMetadata',
  'fieldMetadata',
  'view',
  'viewField',
  'viewGroup',
  'viewFilter',
  'viewSort',
  'role',
  'objectPermission',
  'fieldPermission',
  'rowLevelPermissionPredicate',
  'navigationMenuItem',
];

const list = (v: unknown): Json[] => (Array.isArray(v) ? (v.filter((x) => typeof x === 'object' && x !== null) as Json[]) : []);
const without = (o: Json, keys: string[]): Json => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

/** The manifest's application part; a manifest without one is refused (the resolver reads it first). */
export function applicationOf(manifest: unknown): {
  universalIdentifier: string;
  displayName: string;
  defaultRoleUniversalIdentifier?: string;
} {
  const app = (typeof manifest === 'object' && manifest !== null ? (manifest as Json).application : undefined) as Json | undefined;
  if (!app || typeof app.universalIdentifier !== 'string' || app.universalIdentifier === '') {
    throw userInputError('manifest.application.universalIdentifier is required');
  }
  return {
    universalIdentifier: app.universalIdentifier,
    displayName: typeof app.displayName === 'string' ? app.displayName : app.universalIdentifier,
    ...(typeof app.defaultRoleUniversalIdentifier === 'string'
      ? { defaultRoleUniversalIdentifier: app.defaultRoleUniversalIdentifier }
      : {}),
  };
}

/** Every entity of the manifest the sandbox carries; nested rows name their parent's identifier. */
export function desiredEntities(manifest: Json): DesiredEntity[] {
  const out: DesiredEntity[] = [];
  const add = (metadataName: AppMetadataName, props: Json): void => {
    const uid = props.universalIdentifier;
    if (typeof uid !== 'string' || uid === '') throw userInputError(`a ${metadataName} of the manifest has no universalIdentifier`);
    out.push({ metadataName, uid, props: without(props, ['universalIdentifier']) });
  };
  for (const o of list(manifest.objects)) {
    add('objectMetadata', without(o, ['fields']));
    for (const f of list(o.fields)) add('fieldMetadata', { ...f, objectUniversalIdentifier: o.universalIdentifier });
  }
  for (const f of list(manifest.fields)) add('fieldMetadata', f);
  for (const v of list(manifest.views)) {
    add('view', without(v, ['fields', 'groups', 'filters', 'sorts', 'filterGroups', 'fieldGroups']));
    const viewUniversalIdentifier = v.universalIdentifier;
    for (const [key, kind] of [
      ['fields', 'viewField'],
      ['groups', 'viewGroup'],
      ['filters', 'viewFilter'],
      ['sorts', 'viewSort'],
    ] as const) {
      for (const c of list(v[key])) add(kind, { ...c, viewUniversalIdentifier });
    }
  }
  for (const r of list(manifest.roles)) {
    add('role', without(r, ['objectPermissions', 'fieldPermissions', 'rowLevelPermissionPredicates', 'rowLevelPermissionPredicateGroups']));
    const roleUniversalIdentifier = r.universalIdentifier;
    for (const [key, kind] of [
      ['objectPermissions', 'objectPermission'],
      ['fieldPermissions', 'fieldPermission'],
      ['rowLevelPermissionPredicates', 'rowLevelPermissionPredicate'],
    ] as const) {
      for (const p of list(r[key])) add(kind, { ...p, roleUniversalIdentifier });
    }
  }
  // Folders first: the items in them point at them.
  const menu = list(manifest.navigationMenuItems);
  for (const n of [...menu.filter((m) => m.type === 'FOLDER'), ...menu.filter((m) => m.type !== 'FOLDER')]) add('navigationMenuItem', n);
  const seen = new Set<string>();
  for (const e of out) {
    if (seen.has(e.uid)) throw userInputError(`universalIdentifier ${e.uid} is used twice in the manifest`);
    seen.add(e.uid);
  }
  return out;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function diffOf(before: Json, after: Json): Record<string, { before: unknown; after: unknown }> {
  const d: Record<string, { before: unknown; after: unknown }> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!same(before[k] ?? null, after[k] ?? null)) d[k] = { before: before[k] ?? null, after: after[k] ?? null };
  }
  return d;
}

/** What the sync would do: the manifest against what the app owns (by universalIdentifier). */
export function syncActions(
  desired: readonly DesiredEntity[],
  owned: Readonly<Record<string, OwnedEntity>>,
  inferDeletion: boolean,
): SyncAction[] {
  const rank = (n: AppMetadataName): number => KIND_ORDER.indexOf(n);
  const wanted = new Set(desired.map((e) => e.uid));
  const upserts: SyncAction[] = [];
  for (const e of desired) {
    const had = owned[e.uid];
    const flatEntity = { universalIdentifier: e.uid, ...e.props };
    if (!had) upserts.push({ type: 'create', metadataName: e.metadataName, universalIdentifier: e.uid, flatEntity });
    else {
      const diff = diffOf(had.props, e.props);
      if (Object.keys(diff).length > 0)
        upserts.push({ type: 'update', metadataName: e.metadataName, universalIdentifier: e.uid, flatEntity, diff });
    }
  }
  const deletes: SyncAction[] = inferDeletion
    ? Object.entries(owned)
        .filter(([uid]) => !wanted.has(uid))
        .map(([uid, o]) => ({
          type: 'delete' as const,
          metadataName: o.metadataName,
          universalIdentifier: uid,
          flatEntity: { universalIdentifier: uid, ...o.props },
        }))
    : [];
  upserts.sort((a, b) => rank(a.metadataName) - rank(b.metadataName));
  deletes.sort((a, b) => rank(b.metadataName) - rank(a.metadataName));
  return [...upserts, ...deletes];
}
