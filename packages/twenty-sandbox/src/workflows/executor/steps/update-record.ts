// UPDATE_RECORD (record-crud/update-record.workflow-action.ts @41d24255): the
// record id must be a UUID ("Failed to update: Object record ID and name are
// required"); keys that are not fields are dropped; only `fieldsToUpdate` that
// remain are written, and none left fails the step ("Failed to update: No fields
// to update").
import { updateOne } from '../../../records/mutations.ts';
import { copy, modelOf, onlyFields } from '../records.ts';
import { resolveInput } from '../resolve.ts';
import type { StepExecutor } from '../types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const updateRecord: StepExecutor = ({ ws, step, context, countRecordOperation }) => {
  const input = resolveInput(step.settings.input, context) as {
    objectName?: string;
    objectRecordId?: unknown;
    objectRecord?: Record<string, unknown>;
    fieldsToUpdate?: string[];
  };
  if (typeof input.objectRecordId !== 'string' || !UUID.test(input.objectRecordId) || !input.objectName) {
    throw new Error('Failed to update: Object record ID and name are required');
  }
  const model = modelOf(ws, input.objectName);
  const record = onlyFields(model, input.objectRecord ?? {});
  const wanted = input.fieldsToUpdate?.map((f) => model.joins.find((j) => j.field.name === f)?.column ?? f).filter((f) => f in record);
  if (wanted && wanted.length === 0) throw new Error('Failed to update: No fields to update');
  const data = wanted ? Object.fromEntries(wanted.map((k) => [k, record[k]])) : record;
  countRecordOperation();
  return { result: copy(updateOne(ws, model, input.objectRecordId, data)) };
};
