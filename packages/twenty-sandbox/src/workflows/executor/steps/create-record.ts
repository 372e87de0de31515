// CREATE_RECORD (record-crud/create-record.workflow-action.ts @41d24255): the
// objectRecord resolved, relations given as `{rel: {id}}` or their join column,
// keys that are not fields dropped (filterValidFieldsInRecord), then created
// through the records layer (so its record event can start other workflows).
import { createRecords } from '../../../records/mutations.ts';
import { copy, modelOf, onlyFields } from '../records.ts';
import { resolveInput } from '../resolve.ts';
import type { StepExecutor } from '../types.ts';

export const createRecord: StepExecutor = ({ ws, step, context, countRecordOperation }) => {
  const input = resolveInput(step.settings.input, context) as { objectName?: string; objectRecord?: Record<string, unknown> };
  const model = modelOf(ws, input.objectName);
  const data = onlyFields(model, input.objectRecord ?? {});
  countRecordOperation();
  const [row] = createRecords(ws, model, [data], false, false);
  return { result: copy(row!) };
};
