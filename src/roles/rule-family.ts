// The roles' cross-file checks, a rule family of `bankpack validate`: every rule Twenty's
// role services apply, so that a role fails at validate and not half-way through a deploy.
// Sources (twentyhq/twenty, docs/twenty-facts.md "Roles and permissions"):
// object-permission.service.ts (write needs read), field-permission.service.ts (a field
// permission only restricts; no field permissions on system objects; one per field),
// permissions.exception.ts (the messages), role.service.ts (labels unique, at least one target).
import type { PendingProblem, RuleContext, RuleFamily } from '../pack/index.ts';
import { accessTo, resolveRole, type ResolvedFieldPermission, type ResolvedRole } from './resolve.ts';

const RULE = 'role';

export const rolesFamily: RuleFamily = {
  name: 'roles',
  check: (ctx) => checkRoles(ctx),
};

export function checkRoles(ctx: RuleContext): PendingProblem[] {
  const problems: PendingProblem[] = [];
  const labels = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const def of ctx.pack.roles ?? []) {
    const at = (path: Array<string | number>, message: string, hint?: string, severity?: 'warning'): void => {
      problems.push({
        file: def.source.file,
        path: [...def.source.path, ...path],
        rule: RULE,
        message,
        ...(hint ? { hint } : {}),
        ...(severity ? { severity } : {}),
      });
    };
    const { role, problems: refProblems } = resolveRole(def, ctx.refs);
    problems.push(...refProblems);

    const label = labels.get(def.label);
    if (label)
      at(
        ['label'],
        `role label "${def.label}" is already used by ${label}`,
        'Twenty keeps role labels unique in a workspace (ROLE_LABEL_ALREADY_EXISTS); rename one',
      );
    else labels.set(def.label, def.source.file);
    const uid = def.universalIdentifier.toLowerCase();
    const sameId = ids.get(uid);
    if (sameId)
      at(
        ['universalIdentifier'],
        `universalIdentifier ${uid} is already the identifier of the role in ${sameId}`,
        'run `bankpack new role` for a fresh one',
      );
    else ids.set(uid, def.source.file);

    const s = role.settings;
    if (!s.canBeAssignedToUsers && !s.canBeAssignedToApiKeys && !s.canBeAssignedToAgents) {
      at(
        [],
        'a role must be assignable to users, API keys or agents',
        'Twenty refuses it (ROLE_MUST_HAVE_AT_LEAST_ONE_TARGET): set canBeAssignedToUsers or canBeAssignedToApiKeys to true',
      );
    }
    if (!s.canReadAllObjectRecords && (s.canUpdateAllObjectRecords || s.canSoftDeleteAllObjectRecords || s.canDestroyAllObjectRecords)) {
      at(
        ['canReadAllObjectRecords'],
        'the role may write every object but not read them',
        'Twenty refuses write permissions without read (CANNOT_GIVE_WRITING_PERMISSION_WITHOUT_READING_PERMISSION): set canReadAllObjectRecords: true',
      );
    }
    checkObjects(role, ctx, at);
    checkFields(role, ctx, at);
  }
  return problems;
}

type At = (path: Array<string | number>, message: string, hint?: string, severity?: 'warning') => void;

function checkObjects(role: ResolvedRole, ctx: RuleContext, at: At): void {
  const seen = new Set<string>();
  for (const p of role.objects) {
    const path = ['objectPermissions', p.index];
    if (seen.has(p.object))
      at([...path, 'objectUniversalIdentifier'], `${p.object} has a second object permission in this role`, 'merge the two entries');
    seen.add(p.object);
    if (isSystemObject(ctx, p.object))
      at(
        [...path, 'objectUniversalIdentifier'],
        `${p.object} is a system object: Twenty refuses permissions on it`,
        'remove the entry (CANNOT_ADD_OBJECT_PERMISSION_ON_SYSTEM_OBJECT)',
      );
    const a = accessTo(role, p.object);
    if (!a.read && (a.update || a.softDelete || a.destroy)) {
      const which = [a.update && 'update', a.softDelete && 'soft-delete', a.destroy && 'destroy'].filter(Boolean).join(', ');
      at(
        path,
        `the role may ${which} ${p.object} records but not read them`,
        'Twenty refuses it ("Cannot give update permission to non-readable object"): set canReadObjectRecords: true, or drop the write',
      );
    }
  }
}

function checkFields(role: ResolvedRole, ctx: RuleContext, at: At): void {
  const seen = new Set<string>();
  for (const p of role.fields) {
    const path = ['fieldPermissions', p.index];
    const key = `${p.object}.${p.field}`;
    if (seen.has(key))
      at(path, `${key} has a second field permission in this role`, 'Twenty accepts one field permission per field: merge them');
    seen.add(key);
    if (isSystemObject(ctx, p.object))
      at(
        [...path, 'objectUniversalIdentifier'],
        `${p.object} is a system object: Twenty refuses field permissions on it`,
        'remove the entry (CANNOT_ADD_FIELD_PERMISSION_ON_SYSTEM_OBJECT)',
      );
    for (const k of ['canReadFieldValue', 'canUpdateFieldValue'] as const) {
      if (p[k] === true) {
        at(
          [...path, k],
          `${k}: true would grant more than the object permission gives`,
          'a field permission can only restrict (ONLY_FIELD_RESTRICTION_ALLOWED): write false, or remove the key',
        );
      }
    }
    if (p.canReadFieldValue === null && p.canUpdateFieldValue === null) {
      at(
        path,
        `the field permission on ${key} restricts nothing`,
        'set canReadFieldValue: false or canUpdateFieldValue: false, or remove it',
        'warning',
      );
    }
    mirrorOfRelation(role, p, ctx, (message, hint) => at(path, message, hint));
    const a = accessTo(role, p.object);
    if (p.canReadFieldValue === false && !a.read) {
      at(
        [...path, 'canReadFieldValue'],
        `hiding ${key} means nothing: the role cannot read ${p.object} at all`,
        'Twenty refuses it (FIELD_RESTRICTION_ONLY_ALLOWED_ON_READABLE_OBJECT): remove the entry',
      );
    }
    if (p.canUpdateFieldValue === false && !a.update) {
      at(
        [...path, 'canUpdateFieldValue'],
        `making ${key} read-only means nothing: the role cannot update ${p.object}`,
        'Twenty refuses it (FIELD_RESTRICTION_ON_UPDATE_ONLY_ALLOWED_ON_UPDATABLE_OBJECT): remove canUpdateFieldValue',
      );
    }
    if (p.canReadFieldValue === false && p.canUpdateFieldValue !== false && a.update) {
      at(
        [...path, 'canUpdateFieldValue'],
        `${key} is hidden but still writable`,
        'add canUpdateFieldValue: false: a value the role cannot read should not be overwritten blind',
        'warning',
      );
    }
  }
}

/**
 * Twenty gives a relation field's permission to its other side as well
 * (field-permission.service.ts, addRelatedFieldPermissionsToDesired) and refuses two legs
 * that disagree. The role must say so itself, or each deploy would find rows it did not write.
 */
function mirrorOfRelation(
  role: ResolvedRole,
  p: ResolvedFieldPermission,
  ctx: RuleContext,
  report: (message: string, hint: string) => void,
): void {
  const field = ctx.refs.resolveField(`${p.object}.${p.field}`);
  if (!field.found || field.field.type !== 'RELATION') return;
  const other = ctx.refs.relationTarget(field.field);
  if (!other.found) return;
  const mirror = role.fields.find((f) => f.object === other.object.nameSingular && f.field === other.field.name);
  const want = `canReadFieldValue: ${String(p.canReadFieldValue ?? 'unset')}, canUpdateFieldValue: ${String(p.canUpdateFieldValue ?? 'unset')}`;
  if (!mirror) {
    report(
      `${p.object}.${p.field} is a relation: Twenty applies its permission to ${other.object.nameSingular}.${other.field.name} too`,
      `add the same restriction on ${other.object.nameSingular}.${other.field.name} (${want}), or restrict a non-relation field`,
    );
  } else if (mirror.canReadFieldValue !== p.canReadFieldValue || mirror.canUpdateFieldValue !== p.canUpdateFieldValue) {
    report(
      `${p.object}.${p.field} and its other side ${other.object.nameSingular}.${other.field.name} have different permissions`,
      `Twenty refuses contradicting relation legs: give both ${want}`,
    );
  }
}

function isSystemObject(ctx: RuleContext, name: string): boolean {
  const r = ctx.refs.resolveObject(name);
  return r.found && r.object.origin === 'standard' && r.object.def.isSystem && name !== 'workspaceMember';
}
