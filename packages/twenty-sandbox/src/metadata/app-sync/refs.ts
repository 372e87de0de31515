// Manifest entities name each other by universalIdentifier; the sandbox's rows by id.
// `xUniversalIdentifier` becomes the id column Twenty's flat entity has for it.
import { SystemPermissionFlag } from 'twenty-sdk/define';
import { notFoundError } from '../../server/twenty-errors.ts';
import type { Workspace } from '../../state/workspace.ts';
import { roleStore } from '../roles.ts';
import { appStore } from './store.ts';

type Json = Record<string, unknown>;

/** The id column a reference key stands for (`objectUniversalIdentifier` → `objectMetadataId`). */
const ID_COLUMN: Record<string, string> = {
  objectUniversalIdentifier: 'objectMetadataId',
  targetObjectUniversalIdentifier: 'targetObjectMetadataId',
  fieldUniversalIdentifier: 'fieldMetadataId',
  viewUniversalIdentifier: 'viewId',
  folderUniversalIdentifier: 'folderId',
  roleUniversalIdentifier: 'roleId',
};

const columnOf = (key: string): string | undefined =>
  ID_COLUMN[key] ?? (key.endsWith('MetadataUniversalIdentifier') ? `${key.slice(0, -'UniversalIdentifier'.length)}Id` : undefined);

/** The sandbox id of whatever row carries this universalIdentifier. */
export function idOfUid(ws: Workspace, uid: string): string | undefined {
  for (const o of ws.objects.values()) if (o.universalIdentifier === uid) return o.id;
  for (const f of ws.fields.values()) if (f.universalIdentifier === uid) return f.id;
  for (const v of ws.views.values()) if (v.universalIdentifier === uid && !v.deletedAt) return v.id;
  for (const n of appStore(ws).navigationMenuItems.values()) if (n.universalIdentifier === uid) return n.id;
  for (const r of roleStore(ws).roles.values()) if (r.universalIdentifier === uid) return r.id;
  return undefined;
}

/** Props with every reference resolved to an id column; a reference to nothing is Twenty's not-found. */
export function withIds(ws: Workspace, props: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(props)) {
    const column = columnOf(k);
    if (!column) out[k] = v;
    else if (v === null || v === undefined) out[column] = null;
    else {
      const id = idOfUid(ws, String(v));
      if (!id) throw notFoundError(`${k} ${String(v)} not found in both existing and about to be created metadata`);
      out[column] = id;
    }
  }
  return out;
}

const FLAG_KEYS = new Map<string, string>(Object.entries(SystemPermissionFlag).map(([key, uid]) => [uid, key]));

/** twenty-sdk's permission flag identifiers → the keys roles carry (PermissionFlagType). */
export function flagKeysOf(uids: unknown): string[] {
  return (Array.isArray(uids) ? uids : []).map((u) => FLAG_KEYS.get(String(u).toLowerCase()) ?? String(u));
}
