// Field name rules and availability on an object: twentyhq/twenty
// packages/twenty-server/src/engine/metadata-modules/flat-field-metadata/validators/
// utils/validate-flat-field-metadata-name-availability.util.ts @004f8d2 (no other
// field of that name, not `${relation}Id` of a MANY_TO_ONE relation, not a
// composite sub-column such as `createdBySource`).
import { compositeColumnNames } from '../records/composite-types.ts';
import type { Workspace } from '../state/workspace.ts';
import { nameErrors, type RuleError, ruleError } from './name-rules.ts';

export function takenNames(ws: Workspace, objectId: string, exceptFieldId?: string): Set<string> {
  const taken = new Set<string>();
  for (const f of ws.fieldsOf(objectId)) {
    if (f.id === exceptFieldId) continue;
    taken.add(f.name);
    const join = f.settings?.joinColumnName;
    if (f.type === 'RELATION' && typeof join === 'string') taken.add(join);
    for (const c of compositeColumnNames(f.name, f.type)) taken.add(c);
  }
  return taken;
}

export function fieldNameErrors(
  ws: Workspace,
  objectId: string,
  name: string,
  type: string,
  relationType?: string,
  exceptFieldId?: string,
): RuleError[] {
  const errors = nameErrors(name, 'INVALID_FIELD_INPUT', 'field');
  const taken = takenNames(ws, objectId, exceptFieldId);
  const wanted = [
    name,
    ...(type === 'RELATION' && relationType === 'MANY_TO_ONE' ? [`${name}Id`] : []),
    ...compositeColumnNames(name, type),
  ];
  if (wanted.some((n) => taken.has(n))) errors.push(ruleError('NOT_AVAILABLE', `Name "${name}" is not available`, name));
  return errors;
}
