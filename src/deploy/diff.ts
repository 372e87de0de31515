// Desired × actual → plan. Pure: plain data in, plain data out.
import { diffMetadata } from './diff-metadata.ts';
import { diffOrphans } from './diff-orphans.ts';
import { diffSeeds } from './diff-records.ts';
import { diffViews } from './diff-views.ts';
import type { Change, Plan } from './plan.ts';
import type { ActualState, DesiredState } from './state.ts';

export interface DiffOptions {
  url: string;
  prune?: boolean;
}

const KIND_ORDER: Record<Change['kind'], number> = {
  object: 0,
  field: 1,
  option: 1,
  relation: 2,
  view: 3,
  records: 4,
  workflow: 5,
  role: 6,
};
const ACTION_ORDER: Record<Change['action'], number> = { conflict: 0, create: 1, update: 2, 'not-in-pack': 3 };

export function diff(desired: DesiredState, actual: ActualState, options: DiffOptions): Plan {
  const prune = options.prune === true;
  const meta = diffMetadata(desired, actual, prune);
  const unchanged = { ...meta.unchanged };
  const same = (object: string): void => {
    unchanged[object] = (unchanged[object] ?? 0) + 1;
  };
  const changes = [
    ...meta.changes,
    ...diffViews(desired.views, actual, same),
    ...diffSeeds(desired.seeds, actual, same),
    ...diffOrphans(desired, actual, prune),
  ];
  // Grouped by object, pack objects first in pack order, then in dependency order within a group.
  const objectOrder = [...new Set([...desired.objects.map((o) => o.nameSingular), ...changes.map((c) => c.object)])];
  const rank = (c: Change): number => {
    const i = objectOrder.indexOf(c.object);
    return i < 0 ? objectOrder.length : i;
  };
  changes.sort((a, b) => rank(a) - rank(b) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || ACTION_ORDER[a.action] - ACTION_ORDER[b.action]);
  return { url: options.url, locale: desired.locale, changes, unchanged, prune };
}
