// What the steps of applying a sync share: the sync in progress (Ctx) and the marking of
// the rows a step makes as the app's.
import type { Workspace } from '../../state/workspace.ts';
import type { DesiredEntity } from './entities.ts';
import type { AppRow } from './store.ts';

export type Json = Record<string, unknown>;

export interface Ctx {
  ws: Workspace;
  app: AppRow;
  desired: Map<string, DesiredEntity>;
  /** Relation sides made together with their other side. */
  done: Set<string>;
  /** Objects created by this sync (their default `name` field is the manifest's). */
  newObjects: Set<string>;
  /** Roles whose permissions are written once all actions ran. */
  touchedRoles: Set<string>;
  /** What this sync deletes: a field of an object that goes goes with it. */
  deleting: Set<string>;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const pick = (o: Json, keys: readonly string[]): Json =>
  Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));

/** Every row a call adds, marked as the app's. */
export function owning<T>(ctx: Ctx, make: () => T): T {
  const { ws } = ctx;
  const before = {
    fields: new Set(ws.fields.keys()),
    views: new Set(ws.views.keys()),
    kids: new Set(Object.values(ws.viewChildren).flatMap((m) => [...m.keys()])),
  };
  const made = make();
  for (const f of ws.fields.values()) if (!before.fields.has(f.id)) f.applicationId = ctx.app.id;
  for (const v of ws.views.values()) if (!before.views.has(v.id)) v.applicationId = ctx.app.id;
  for (const m of Object.values(ws.viewChildren)) for (const r of m.values()) if (!before.kids.has(r.id)) r.applicationId = ctx.app.id;
  return made;
}
