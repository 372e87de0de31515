// UPSERT_RECORD (record-crud/upsert-record.workflow-action.ts): creates the record,
// or updates the one it matches. The sandbox matches on `id` and unique fields, as
// its records API's upsert does (records/mutations.ts). None of the pack's
// workflows uses it.
import { createRecords } from '../../../records/mutations.ts';
import { copy, modelOf, onlyFields } from '../records.ts';
import { resolveInput } from '../resolve.ts';
import type { StepExecutor } from '../types.ts';

export const upsertRecord: StepExecutor = ({ ws, step, context, countRecordOperation }) => {
  const input = resolveInput(step.settings.input, context) as { objectName?: string; objectRecord?: Record<string, unknown> };
  const model = modelOf(ws, input.objectName);
  const record = input.objectRecord ?? {};
  const data = { ...onlyFields(model, record), ...(typeof record.id === 'string' ? { id: record.id } : {}) };
  countRecordOperation();
  const [row] = createRecords(ws, model, [data], true, false);
  return { result: copy(row!) };
};
