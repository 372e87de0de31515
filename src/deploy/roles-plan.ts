// Roles in a deploy: the pack's role files against the workspace's roles (getRoles), one
// Change per role that differs, grouped under "roles" with the plan's usual signs. A role
// is found again by its id, derived from its universalIdentifier (createOneRole lets the
// client choose it); a role of the same label that is not the pack's is a conflict.
// Row-level rules (Twenty Enterprise) are one more part of the role where the server
// offers them (roles-rls.ts); elsewhere the plan says, once per role, they are not deployed.
import type { ValidPack } from '../pack/index.ts';
import { resolveRole, ROLE_SETTING_KEYS, type ResolvedRole } from '../roles/index.ts';
import type { TwentyClient } from '../twenty/index.ts';
import type { IdDeriver } from './ids.ts';
import type { Change, Plan, PropertyDiff } from './plan.ts';
import { roleOrphans } from './roles-prune.ts';
import type { NamedPerm } from './roles-apply.ts';
import { readRoles, type ActualRole, type WorkspaceRoles } from './roles-read.ts';
import { livePredicates, notOfferedNote, predicateChanges, wantedPredicates } from './roles-rls.ts';
import type { ActualObject } from './state.ts';

export const ROLE_GROUP = 'roles';

const OBJECT_FLAGS = ['canReadObjectRecords', 'canUpdateObjectRecords', 'canSoftDeleteObjectRecords', 'canDestroyObjectRecords'] as const;
const key = (v: unknown): string => JSON.stringify(v);

/** `roles`: the workspace's roles when the plan's metadata read already brought them. */
export async function addRolesToPlan(
  plan: Plan,
  input: { client: TwentyClient; pack: ValidPack; ids: IdDeriver; objects: readonly ActualObject[]; roles?: WorkspaceRoles | undefined },
): Promise<void> {
  const defs = input.pack.roles;
  if (defs.length === 0) return;
  const workspace = input.roles ?? (await readRoles(input.client));
  const refs = input.pack.refs;
  let unchanged = 0;
  for (const def of defs) {
    const { role } = resolveRole(def, refs);
    const known = new Set([...input.objects.map((o) => o.nameSingular), ...input.pack.objects.map((o) => o.nameSingular)]);
    const live = (object: string, field: string): boolean => {
      const r = refs.resolveField(`${object}.${field}`);
      return (
        (r.found && r.origin === 'pack') ||
        (input.objects.find((o) => o.nameSingular === object)?.fields.some((f) => f.name === field) ?? false)
      );
    };
    const missing = [
      ...new Set([...role.objects, ...role.fields].map((p) => p.object).filter((o) => !known.has(o))),
      ...role.fields.filter((p) => known.has(p.object) && !live(p.object, p.field)).map((p) => `${p.object}.${p.field}`),
    ];
    const change =
      missing.length > 0
        ? {
            kind: 'role' as const,
            action: 'conflict' as const,
            object: ROLE_GROUP,
            title: `role "${role.label}"`,
            file: role.source.file,
            reason: `the workspace has no ${missing.join(', ')}: a standard object Twenty workspaces have, missing here`,
            options: ['deploy to a standard Twenty workspace', `or drop ${missing.join(', ')} from ${role.source.file}`],
          }
        : roleChange(role, workspace.roles, input.ids, input.objects, workspace.rlsOffered);
    if (role.predicates.length > 0 && !workspace.rlsOffered)
      (plan.notes ??= {})[ROLE_GROUP] = [...(plan.notes?.[ROLE_GROUP] ?? []), notOfferedNote(role.label)];
    if (change) plan.changes.push(change);
    else unchanged++;
  }
  if (unchanged > 0) plan.unchanged[ROLE_GROUP] = (plan.unchanged[ROLE_GROUP] ?? 0) + unchanged;
  // A pulled role keeps its workspace id as universalIdentifier: both ids are the pack's.
  const packIds = new Set(
    defs.flatMap((d) => [input.ids('role', d.universalIdentifier.toLowerCase()), d.universalIdentifier.toLowerCase()]),
  );
  for (const r of roleOrphans(workspace, packIds, new Set(defs.map((d) => d.label)))) {
    plan.changes.push({
      kind: 'role',
      action: 'not-in-pack',
      object: ROLE_GROUP,
      title: `role "${r.label}"`,
      notes: [
        plan.prune
          ? "will be deleted; Twenty gives its members the workspace's default role"
          : 'not defined by the pack: `bankpack pull` brings it in, --prune removes it',
      ],
      ...(plan.prune ? { apply: { op: 'removeRole', id: r.id, label: r.label } } : {}),
    });
  }
}

export function roleChange(
  role: ResolvedRole,
  actual: readonly ActualRole[],
  ids: IdDeriver,
  objects: readonly ActualObject[],
  rlsOffered: boolean,
): Change | undefined {
  const derived = ids('role', role.universalIdentifier);
  const title = `role "${role.label}"`;
  const base = { kind: 'role' as const, object: ROLE_GROUP, title, file: role.source.file };
  // Found by the id a deploy gives it, or (a role brought in by `bankpack pull`) by its own id, or
  // (a role the pack's app installed) by its universalIdentifier.
  const uid = role.universalIdentifier.toLowerCase();
  const live =
    actual.find((r) => r.id === derived || r.id === role.universalIdentifier) ??
    actual.find((r) => r.universalIdentifier?.toLowerCase() === uid);
  const id = live?.id ?? derived;
  if (!live && actual.some((r) => r.label === role.label)) {
    return {
      ...base,
      action: 'conflict',
      reason: `the workspace has a role named "${role.label}" that this pack did not create`,
      options: ['rename the pack role (label)', 'or rename or delete that role in Twenty, then deploy again'],
    };
  }
  const objectName = (id: string): string => objects.find((o) => o.id === id)?.nameSingular ?? id;
  const fieldName = (id: string): string => objects.flatMap((o) => o.fields).find((f) => f.id === id)?.name ?? id;
  const wantRole: Record<string, unknown> = { label: role.label, description: role.description, icon: role.icon, ...role.settings };
  // By name, so that objects this deploy creates are planned too; apply turns names into ids.
  const wantObjects: NamedPerm[] = role.objects.map((p) => ({
    object: p.object,
    ...Object.fromEntries(OBJECT_FLAGS.map((k) => [k, p[k] ?? null])),
  }));
  const wantFields: NamedPerm[] = role.fields.map((p) => ({
    object: p.object,
    field: p.field,
    canReadFieldValue: p.canReadFieldValue,
    canUpdateFieldValue: p.canUpdateFieldValue,
  }));
  const sortBy = (rows: NamedPerm[]): string => key([...rows].map((r) => key(r)).sort());
  const rules = (n: number): string => `${n} row-level rule${n === 1 ? '' : 's'}`;
  const wantRules = rlsOffered ? wantedPredicates(role, live, ids) : [];
  const liveRules = live ? livePredicates(live, objects) : [];
  const predicates = rlsOffered ? predicateChanges(wantRules, liveRules, live?.rowLevelPermissionPredicateGroups, objects) : undefined;
  if (!live) {
    return {
      ...base,
      action: 'create',
      diffs: [
        {
          property: 'records',
          from: null,
          to: `${role.objects.length} object permission${role.objects.length === 1 ? '' : 's'}, ${role.fields.length} field restriction${role.fields.length === 1 ? '' : 's'}`,
        },
        ...(role.flags.length > 0 ? [{ property: 'permission flags', from: null, to: role.flags.join(', ') }] : []),
        ...(predicates ? [{ property: 'row-level rules', from: null, to: rules(wantRules.length) }] : []),
      ],
      apply: {
        op: 'role',
        role: {
          id,
          create: true,
          label: role.label,
          role: wantRole,
          objectPermissions: wantObjects,
          fieldPermissions: wantFields,
          flags: role.flags,
          ...(predicates ? { predicates } : {}),
        },
      },
    };
  }
  const diffs: PropertyDiff[] = [];
  const update: Record<string, unknown> = {};
  for (const k of ['label', 'description', 'icon', ...ROLE_SETTING_KEYS]) {
    if (key(live[k] ?? null) !== key(wantRole[k] ?? null)) {
      diffs.push({ property: k, from: live[k] ?? null, to: wantRole[k] ?? null });
      update[k] = wantRole[k];
    }
  }
  const liveObjects = (live.objectPermissions ?? []).map((p) => ({
    object: objectName(p.objectMetadataId),
    ...Object.fromEntries(OBJECT_FLAGS.map((k) => [k, p[k] ?? null])),
  }));
  const objectsChanged = sortBy(liveObjects) !== sortBy(wantObjects);
  if (objectsChanged) diffs.push({ property: 'object permissions', from: liveObjects.length, to: wantObjects.length });
  const liveFields = (live.fieldPermissions ?? []).map((p) => ({
    object: objectName(p.objectMetadataId),
    field: fieldName(p.fieldMetadataId),
    canReadFieldValue: p.canReadFieldValue ?? null,
    canUpdateFieldValue: p.canUpdateFieldValue ?? null,
  }));
  const fieldsChanged = sortBy(liveFields) !== sortBy(wantFields);
  if (fieldsChanged) diffs.push({ property: 'field restrictions', from: liveFields.length, to: wantFields.length });
  const liveFlags = (live.permissionFlags ?? []).map((f) => f.flag).sort();
  const flagsChanged = key(liveFlags) !== key(role.flags);
  if (flagsChanged) diffs.push({ property: 'permission flags', from: liveFlags.join(', '), to: role.flags.join(', ') });
  if (predicates) diffs.push({ property: 'row-level rules', from: rules(liveRules.length), to: rules(wantRules.length) });
  if (diffs.length === 0) return undefined;
  return {
    ...base,
    action: 'update',
    diffs,
    apply: {
      op: 'role',
      role: {
        id,
        create: false,
        role: update,
        ...(objectsChanged ? { objectPermissions: wantObjects } : {}),
        ...(fieldsChanged ? { fieldPermissions: wantFields } : {}),
        ...(flagsChanged ? { flags: role.flags } : {}),
        ...(predicates ? { predicates, label: role.label } : {}),
      },
    },
  };
}
