// A sync is one migration: it changes everything it plans or nothing (the stricter
// reading; docs/twenty-facts.md). The workspace's metadata, roles and applications are
// copied before, and put back if any action fails.
import type { Workspace } from '../../state/workspace.ts';
import { roleStore } from '../roles.ts';
import { appStore, snapshotApps } from './store.ts';

export function snapshot(ws: Workspace): () => void {
  const objects = structuredClone([...ws.objects]);
  const fields = structuredClone([...ws.fields]);
  const views = structuredClone([...ws.views]);
  const kids = Object.fromEntries(Object.entries(ws.viewChildren).map(([k, m]) => [k, structuredClone([...m])]));
  const roles = roleStore(ws).roles;
  const savedRoles = structuredClone([...roles]);
  const restoreApps = snapshotApps(appStore(ws));
  return () => {
    for (const id of ws.objects.keys()) if (!objects.some(([k]) => k === id)) ws.dropTable(id);
    refill(ws.objects, objects);
    refill(ws.fields, fields);
    refill(ws.views, views);
    for (const [k, m] of Object.entries(ws.viewChildren)) refill(m, kids[k] ?? []);
    refill(roles, savedRoles);
    restoreApps();
  };
}

function refill<K, V>(map: Map<K, V>, rows: ReadonlyArray<readonly [K, V]>): void {
  map.clear();
  for (const [k, v] of rows) map.set(k, v);
}
