// A role's row-level rules (Twenty Enterprise) in a deploy: compared with what getRoles
// answers, planned as one more part of the role, sent with upsertRowLevelPermissionPredicates.
// Twenty's upsert takes the whole set of one role on one object (rules it leaves out are
// deleted), so apply sends every object whose set differs, `[]` where the pack has none
// left. A rule keeps an id of ours (derived from its universalIdentifier) or, pulled, its
// workspace id. docs/twenty-facts.md, "Row-level rules".
import type { ResolvedPredicate, ResolvedRole } from '../roles/index.ts';
import { isTwentyError, type TwentyClient } from '../twenty/index.ts';
import type { IdDeriver } from './ids.ts';
import type { ActualRole } from './roles-read.ts';
import { idempotentWrite } from './safe-write.ts';
import type { ActualObject } from './state.ts';

/** A rule by object and field name, as apply sends it once names are ids. */
export interface NamedPredicate {
  id: string;
  object: string;
  field: string;
  operand: string;
  value: unknown;
  subFieldName: string | null;
  workspaceMemberField: string | null;
  workspaceMemberSubFieldName: string | null;
  /** Only a rule made in Twenty (by hand) sits in a group; the pack's never do. */
  group?: string | null;
}

/** What apply sends for a role's rules: the whole set of each object named. */
export type PredicateSets = Record<string, NamedPredicate[]>;

const key = (v: unknown): string => JSON.stringify(v);
const setKey = (rows: readonly NamedPredicate[]): string => key(rows.map((r) => key(r)).sort());

/** The note a plan gives a role whose rules this server cannot take. */
export const notOfferedNote = (label: string): string =>
  `row-level rules of role "${label}" not deployed: this server does not offer them (Twenty Enterprise)`;

/** The rules the pack wants, with the ids they have (or will have) in the workspace. */
export function wantedPredicates(role: ResolvedRole, live: ActualRole | undefined, ids: IdDeriver): NamedPredicate[] {
  const liveIds = new Set((live?.rowLevelPermissionPredicates ?? []).map((p) => p.id));
  return role.predicates.map((p: ResolvedPredicate) => {
    const derived = ids('rowLevelPredicate', p.universalIdentifier);
    return {
      id: liveIds.has(p.universalIdentifier) ? p.universalIdentifier : derived,
      object: p.object,
      field: p.field,
      operand: p.operand,
      value: p.value,
      subFieldName: p.subFieldName,
      workspaceMemberField: p.workspaceMemberField,
      workspaceMemberSubFieldName: p.workspaceMemberSubFieldName,
      group: null,
    };
  });
}

/** The rules the workspace holds for a role, by name (an id the objects do not know stays an id). */
export function livePredicates(live: ActualRole, objects: readonly ActualObject[]): NamedPredicate[] {
  const objectName = (id: string): string => objects.find((o) => o.id === id)?.nameSingular ?? id;
  const fieldName = (id: string | null | undefined): string | null =>
    id ? (objects.flatMap((o) => o.fields).find((f) => f.id === id)?.name ?? id) : null;
  return (live.rowLevelPermissionPredicates ?? []).map((p) => ({
    id: p.id,
    object: objectName(p.objectMetadataId),
    field: fieldName(p.fieldMetadataId) ?? p.fieldMetadataId,
    operand: p.operand,
    value: p.value ?? null,
    subFieldName: p.subFieldName ?? null,
    workspaceMemberField: fieldName(p.workspaceMemberFieldMetadataId),
    workspaceMemberSubFieldName: p.workspaceMemberSubFieldName ?? null,
    group: p.rowLevelPermissionPredicateGroupId ?? null,
  }));
}

/** The objects whose set of rules differs, each with the set the pack wants (maybe empty). */
export function predicateChanges(
  want: readonly NamedPredicate[],
  live: readonly NamedPredicate[],
  liveGroups: ActualRole['rowLevelPermissionPredicateGroups'],
  objects: readonly ActualObject[],
): PredicateSets | undefined {
  const objectName = (id: string): string => objects.find((o) => o.id === id)?.nameSingular ?? id;
  const touched = new Set([...want, ...live].map((p) => p.object));
  // A group the pack does not have goes too: the file is the role's whole truth.
  for (const g of liveGroups ?? []) touched.add(objectName(g.objectMetadataId));
  const grouped = new Set((liveGroups ?? []).map((g) => objectName(g.objectMetadataId)));
  const sets: PredicateSets = {};
  for (const object of [...touched].sort()) {
    const w = want.filter((p) => p.object === object);
    if (grouped.has(object) || setKey(w) !== setKey(live.filter((p) => p.object === object))) sets[object] = w;
  }
  return Object.keys(sets).length > 0 ? sets : undefined;
}

/** Send each object's set; false when the server says it does not offer rules (the deploy goes on). */
export async function applyPredicates(
  client: TwentyClient,
  roleId: string,
  sets: PredicateSets,
  objects: readonly ActualObject[],
): Promise<boolean> {
  const member = objects.find((o) => o.nameSingular === 'workspaceMember');
  for (const [object, rules] of Object.entries(sets)) {
    const o = objects.find((x) => x.nameSingular === object);
    if (!o) throw new Error(`the workspace has no object ${object} for this role's row-level rules`);
    const fieldId = (on: ActualObject | undefined, name: string): string => {
      const f = on?.fields.find((x) => x.name === name);
      if (!f)
        throw new Error(`the workspace has no field ${on?.nameSingular ?? 'workspaceMember'}.${name} for this role's row-level rules`);
      return f.id;
    };
    const predicates = rules.map((p) => ({
      id: p.id,
      fieldMetadataId: fieldId(o, p.field),
      operand: p.operand,
      value: p.value,
      subFieldName: p.subFieldName,
      workspaceMemberFieldMetadataId: p.workspaceMemberField ? fieldId(member, p.workspaceMemberField) : null,
      workspaceMemberSubFieldName: p.workspaceMemberSubFieldName,
    }));
    try {
      // The whole set, absolute: sending it again after a lost answer is safe.
      await idempotentWrite(() =>
        client.metadata(
          'mutation BankpackRowLevelRules($i: UpsertRowLevelPermissionPredicatesInput!) { upsertRowLevelPermissionPredicates(input: $i) { predicates { id } } }',
          { i: { roleId, objectMetadataId: o.id, predicates, predicateGroups: [] } },
          { operation: `set a role's row-level rules on ${object}`, write: true },
        ),
      );
    } catch (e) {
      // FORBIDDEN "Row level permission predicate feature is disabled": a server the plan's read took for Enterprise.
      if (isTwentyError(e) && e.code === 'FORBIDDEN' && /feature is disabled/i.test([e.message, ...e.details].join(' '))) return false;
      throw e;
    }
  }
  return true;
}
