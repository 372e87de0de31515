// DELETE_RECORD (record-crud/delete-record.workflow-action.ts @41d24255): a soft
// delete of the record whose id the input resolves to.
import { softDeleteOne } from '../../../records/mutations.ts';
import { copy, modelOf } from '../records.ts';
import { resolveInput } from '../resolve.ts';
import type { StepExecutor } from '../types.ts';

export const deleteRecord: StepExecutor = ({ ws, step, context, countRecordOperation }) => {
  const input = resolveInput(step.settings.input, context) as { objectName?: string; objectRecordId?: unknown };
  if (typeof input.objectRecordId !== 'string' || input.objectRecordId === '')
    throw new Error('Failed to delete: Object record ID and name are required');
  const model = modelOf(ws, input.objectName);
  countRecordOperation();
  return { result: copy(softDeleteOne(ws, model, input.objectRecordId)) };
};
