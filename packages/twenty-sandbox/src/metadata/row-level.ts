// Row-level rules (Twenty Enterprise) on /metadata: upsertRowLevelPermissionPredicates and
// the rules getRoles answers. Off unless the sandbox starts with `enterprise: true`, as a
// server without an Enterprise plan and the RLS entitlement: the upsert is refused
// (FORBIDDEN, ROW_LEVEL_PERMISSION_FEATURE_DISABLED) and getRoles answers no rules.
// docs/twenty-facts.md, "Row-level rules"; the records side is records/row-level.ts.
import { randomUUID } from 'node:crypto';
import type { FieldMeta } from '../state/types.ts';
import type { Workspace } from '../state/workspace.ts';
import { filterTypeOf } from '../workflows/find-records-filter.ts';
import { notFoundError, TwentyError, userInputError } from '../server/twenty-errors.ts';

export interface PredicateRow {
  id: string;
  roleId: string;
  objectMetadataId: string;
  fieldMetadataId: string;
  operand: string;
  value: unknown;
  subFieldName: string | null;
  workspaceMemberFieldMetadataId: string | null;
  workspaceMemberSubFieldName: string | null;
  positionInRowLevelPermissionPredicateGroup: number | null;
}

const enterprise = new WeakSet<Workspace>();
const stores = new WeakMap<Workspace, PredicateRow[]>();

/** The sandbox answers as a Twenty Enterprise server with the RLS entitlement. */
export function enableEnterprise(ws: Workspace): void {
  enterprise.add(ws);
}
export const isEnterprise = (ws: Workspace): boolean => enterprise.has(ws);

const rows = (ws: Workspace): PredicateRow[] => {
  let s = stores.get(ws);
  if (!s) stores.set(ws, (s = []));
  return s;
};

/** The live rules of a role (all objects, or one): none when the feature is off, as Twenty's loader answers. */
export function predicatesOf(ws: Workspace, roleId: string, objectId?: string): PredicateRow[] {
  if (!isEnterprise(ws)) return [];
  return rows(ws).filter((p) => p.roleId === roleId && (objectId === undefined || p.objectMetadataId === objectId));
}

/** What currentWorkspace answers about the plan and the entitlement. */
export const enterpriseWorkspaceFields = (ws: Workspace): Record<string, unknown> =>
  isEnterprise(ws)
    ? { hasValidEnterpriseValidityToken: true, hasValidSignedEnterpriseKey: true, billingEntitlements: [{ key: 'RLS', value: true }] }
    : { hasValidEnterpriseValidityToken: false, hasValidSignedEnterpriseKey: false, billingEntitlements: [] };

/**
 * The operands the sandbox evaluates on the records API (records/row-level.ts), by filter
 * type. Twenty accepts more; the sandbox refuses the rest at the upsert rather than store a
 * rule it would not enforce.
 */
export const EVALUATED_OPERANDS: Record<string, readonly string[]> = {
  RELATION: ['IS', 'IS_NOT', 'IS_EMPTY', 'IS_NOT_EMPTY'],
  UUID: ['IS', 'IS_NOT', 'IS_EMPTY', 'IS_NOT_EMPTY'],
  SELECT: ['IS', 'IS_NOT', 'IS_EMPTY', 'IS_NOT_EMPTY'],
  TEXT: ['CONTAINS', 'DOES_NOT_CONTAIN', 'IS_EMPTY', 'IS_NOT_EMPTY'],
  NUMBER: ['IS', 'IS_NOT', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN_OR_EQUAL', 'IS_EMPTY', 'IS_NOT_EMPTY'],
  BOOLEAN: ['IS'],
};

type Input = Record<string, unknown>;

const disabled = (): TwentyError =>
  new TwentyError('Row level permission predicate feature is disabled', 'FORBIDDEN', {
    subCode: 'ROW_LEVEL_PERMISSION_FEATURE_DISABLED',
    userFriendlyMessage: 'Row level permission predicate feature is disabled.',
  });
const notFound = (what: string, code: string): TwentyError =>
  notFoundError(`${what} not found`, { subCode: code, userFriendlyMessage: `${what} not found.` });

/** upsertRowLevelPermissionPredicates: the whole set of one role on one object (row-level-permission-predicate.service.ts). */
export function upsertRowLevelPermissionPredicates(
  args: Input,
  ws: Workspace,
  roleExists: (id: string) => boolean,
): Record<string, unknown> {
  if (!isEnterprise(ws)) throw disabled();
  const input = (args.input ?? {}) as Input;
  const roleId = String(input.roleId ?? '');
  const objectId = String(input.objectMetadataId ?? '');
  if (!roleExists(roleId)) throw notFound('Role', 'ROLE_NOT_FOUND');
  if (!ws.objects.get(objectId)) throw notFound('Object metadata', 'OBJECT_METADATA_NOT_FOUND');
  if (Array.isArray(input.predicateGroups) && input.predicateGroups.length > 0) {
    throw userInputError('The sandbox does not implement row-level predicate groups', {
      subCode: 'INVALID_ROW_LEVEL_PERMISSION_PREDICATE_DATA',
      userFriendlyMessage: 'Invalid row level permission predicate data.',
    });
  }
  const member = [...ws.objects.values()].find((o) => o.nameSingular === 'workspaceMember');
  const fieldOn = (objectMetadataId: string | undefined, id: unknown): FieldMeta => {
    const f = objectMetadataId ? ws.fieldsOf(objectMetadataId).find((x) => x.id === id) : undefined;
    if (!f) throw notFound('Field metadata', 'FIELD_METADATA_NOT_FOUND');
    return f;
  };
  const wanted = ((input.predicates ?? []) as Input[]).map((p, i): PredicateRow => {
    const field = fieldOn(objectId, p.fieldMetadataId);
    const operand = String(p.operand);
    const type = filterTypeOf(field.type);
    if (!(EVALUATED_OPERANDS[type] ?? []).includes(operand)) {
      throw userInputError(
        `The sandbox does not evaluate ${operand} on a ${field.type} field (${field.name}): Twenty may, the sandbox would not enforce it`,
        {
          subCode: 'INVALID_ROW_LEVEL_PERMISSION_PREDICATE_DATA',
          userFriendlyMessage: 'Invalid row level permission predicate data.',
        },
      );
    }
    const memberFieldId = typeof p.workspaceMemberFieldMetadataId === 'string' ? p.workspaceMemberFieldMetadataId : null;
    if (memberFieldId) fieldOn(member?.id, memberFieldId);
    return {
      id: typeof p.id === 'string' ? p.id : randomUUID(),
      roleId,
      objectMetadataId: objectId,
      fieldMetadataId: field.id,
      operand,
      value: p.value ?? null,
      subFieldName: typeof p.subFieldName === 'string' ? p.subFieldName : null,
      workspaceMemberFieldMetadataId: memberFieldId,
      workspaceMemberSubFieldName: typeof p.workspaceMemberSubFieldName === 'string' ? p.workspaceMemberSubFieldName : null,
      positionInRowLevelPermissionPredicateGroup:
        typeof p.positionInRowLevelPermissionPredicateGroup === 'number' ? p.positionInRowLevelPermissionPredicateGroup : i,
    };
  });
  // Rules of this role and object the input leaves out are deleted; the rest are replaced.
  const all = rows(ws);
  const kept = all.filter((p) => !(p.roleId === roleId && p.objectMetadataId === objectId));
  all.splice(0, all.length, ...kept, ...wanted);
  return { predicates: wanted.map(predicateDto), predicateGroups: [] };
}

/** When a role goes, its rules go with it. */
export function dropPredicatesOfRole(ws: Workspace, roleId: string): void {
  const all = rows(ws);
  all.splice(0, all.length, ...all.filter((p) => p.roleId !== roleId));
}

export const predicateDto = (p: PredicateRow): Record<string, unknown> => ({ ...p, rowLevelPermissionPredicateGroupId: null });
