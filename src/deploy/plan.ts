// The plan: what a deploy would change, grouped by object, in the admin's words,
// each change with what apply needs to carry it out.
import type { WorkflowOp } from './workflows/diff.ts';
import type { RoleOp } from './roles-apply.ts';
import type {
  DesiredField,
  DesiredObject,
  DesiredRecord,
  DesiredSeed,
  DesiredView,
  DesiredViewField,
  DesiredViewFilter,
  DesiredViewGroup,
  DesiredViewSort,
} from './state.ts';

export type ChangeAction = 'create' | 'update' | 'conflict' | 'not-in-pack';
export type ChangeKind = 'object' | 'field' | 'relation' | 'view' | 'records' | 'option' | 'workflow' | 'role';

export interface PropertyDiff {
  property: string;
  from: unknown;
  to: unknown;
}

/** What apply does for a change. Internal: not part of the JSON plan. */
export type Op =
  | { op: 'createObject'; object: DesiredObject; skipNameField: boolean }
  | { op: 'updateObject'; objectName: string; id: string; update: Record<string, unknown>; labelIdentifierFieldName?: string }
  | { op: 'createField'; field: DesiredField }
  /** `id` is absent for a built-in field of an object this deploy creates: found after the object exists. */
  | { op: 'updateField'; objectName: string; fieldName: string; id?: string; update: Record<string, unknown>; ddl: boolean }
  | { op: 'createRelation'; source: DesiredField; inverse?: DesiredField }
  | { op: 'createView'; view: DesiredView }
  | {
      op: 'updateView';
      view: DesiredView;
      id: string;
      update: Record<string, unknown>;
      createFields: DesiredViewField[];
      updateFields: Array<{ id: string; update: Record<string, unknown> }>;
      createGroups: DesiredViewGroup[];
      updateGroups: Array<{ id: string; update: Record<string, unknown> }>;
      createSorts: DesiredViewSort[];
      updateSorts: Array<{ id: string; update: Record<string, unknown> }>;
      createFilters: DesiredViewFilter[];
      updateFilters: Array<{ id: string; update: Record<string, unknown> }>;
    }
  | {
      op: 'upsertRecords';
      seed: DesiredSeed;
      create: DesiredRecord[];
      update: Array<{ id: string; keyText: string; data: Record<string, unknown> }>;
    }
  | { op: 'removeObject'; id: string; objectName: string; namePlural: string; isActive: boolean }
  | { op: 'removeField'; id: string; objectName: string; namePlural: string; fieldName: string; type: string; isActive: boolean }
  | { op: 'removeView'; id: string; name: string }
  /** A role no pack file defines (--prune; roles-prune.ts). */
  | { op: 'removeRole'; id: string; label: string }
  /** A workflow: created, given a new version, renamed or re-activated (workflows/diff.ts). */
  | { op: 'workflow'; workflow: WorkflowOp }
  /** A role: created or updated, then its permissions (planned in roles-plan.ts, sent by roles-apply.ts). */
  | { op: 'role'; role: RoleOp };

export interface Change {
  kind: ChangeKind;
  action: ChangeAction;
  /** The object the change is grouped under (nameSingular). */
  object: string;
  /** What changes, in the admin's words: `field stage (SELECT)`. */
  title: string;
  diffs?: PropertyDiff[];
  /** Extra lines: what Twenty does on its own, what an update keeps. */
  notes?: string[];
  /** For a conflict: why the pack cannot change it safely, and the admin's options. */
  reason?: string;
  options?: string[];
  /** For something not in the pack: how many records it holds, once counted. */
  records?: number;
  /** The pack file that defines it. */
  file?: string;
  apply?: Op;
}

export interface Plan {
  url: string;
  locale: string;
  changes: Change[];
  /** Entities that already match the pack, per object. */
  unchanged: Record<string, number>;
  /** Whether --prune turned "not in pack" entries into removals. */
  prune: boolean;
  /** Lines a group carries whatever its changes: what this server cannot take (row-level rules). */
  notes?: Record<string, string[]>;
}

export interface PlanCounts {
  create: number;
  update: number;
  unchanged: number;
  conflict: number;
  notInPack: number;
  remove: number;
}

export function countPlan(plan: Plan): PlanCounts {
  const by = (a: ChangeAction): number => plan.changes.filter((c) => c.action === a).length;
  const remove = plan.changes.filter((c) => c.apply && c.apply.op.startsWith('remove')).length;
  return {
    create: by('create'),
    update: by('update'),
    unchanged: Object.values(plan.unchanged).reduce((a, b) => a + b, 0),
    conflict: by('conflict'),
    notInPack: by('not-in-pack') - remove,
    remove,
  };
}

/** True when applying the plan would write something. */
export function hasChanges(plan: Plan): boolean {
  return plan.changes.some((c) => c.apply !== undefined);
}

/** The plan as JSON for `--json` / `--out`: everything but apply's internal payloads. */
export function planToJson(plan: Plan): unknown {
  return {
    url: plan.url,
    locale: plan.locale,
    prune: plan.prune,
    counts: countPlan(plan),
    unchanged: plan.unchanged,
    ...(plan.notes ? { notes: plan.notes } : {}),
    changes: plan.changes.map(({ apply, ...rest }) => ({ ...rest, ...(apply?.op.startsWith('remove') ? { remove: true } : {}) })),
  };
}
