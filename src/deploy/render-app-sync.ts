// The server's sync actions for a terminal, in the plan's signs (+ create, ~ update,
// - delete), grouped by kind of metadata in the order Twenty sent them.
import pc from 'picocolors';
import type { SyncAction } from './app-sync.ts';
import { value } from './render-plan.ts';

export interface AppSyncCounts {
  create: number;
  update: number;
  delete: number;
}

export function countSyncActions(actions: readonly SyncAction[]): AppSyncCounts {
  const n: AppSyncCounts = { create: 0, update: 0, delete: 0 };
  for (const a of actions) n[a.type] += 1;
  return n;
}

/** An action's entity in words: its name, else its universalIdentifier. */
function nameOf(a: SyncAction): string {
  const e = a.flatEntity ?? {};
  const named = [e.nameSingular, e.name, e.label].find((v) => typeof v === 'string' && v !== '');
  return typeof named === 'string' ? named : String(a.universalIdentifier ?? e.universalIdentifier ?? '?');
}

export function renderSyncActions(actions: readonly SyncAction[], options: { color: boolean }): string {
  const c = pc.createColors(options.color);
  const sign = { create: c.green('+'), update: c.yellow('~'), delete: c.red('-') };
  const groups = new Map<string, SyncAction[]>();
  for (const a of actions) groups.set(a.metadataName, [...(groups.get(a.metadataName) ?? []), a]);
  const lines: string[] = [];
  for (const [metadataName, group] of groups) {
    lines.push(c.bold(metadataName));
    for (const a of group) {
      lines.push(`  ${sign[a.type]} ${nameOf(a)}`);
      for (const [property, d] of Object.entries(a.diff ?? {}))
        lines.push(`      ${property}: ${value(d.before)} ${c.dim('→')} ${value(d.after)}`);
    }
    lines.push('');
  }
  const n = countSyncActions(actions);
  lines.push(
    actions.length === 0
      ? 'App plan: no changes, Twenty metadata matches the manifest.'
      : `App plan: ${n.create} to create, ${n.update} to update, ${n.delete > 0 ? c.red(`${n.delete} to delete`) : '0 to delete'}.`,
  );
  return `${lines.join('\n')}\n`;
}
