// FIND_RECORDS (workflow-actions/record-crud/find-records.workflow-action.ts
// @41d24255): the input resolved, every recordFilter must keep a value after
// resolution ("Filter condition has an empty value after variable resolution…"),
// the filter computed from recordFilters / recordFilterGroups only (a
// gqlOperationFilter is never read), and a non-empty recordFilters that computes
// to nothing fails the step. Answers {first, all, totalCount}.
import type { FilterInput } from '../../../records/filter.ts';
import { computeRecordFilter, isRecordFilterValueValid, type RecordFilter, type RecordFilterGroup } from '../record-filter.ts';
import { findRows, modelOf } from '../records.ts';
import { resolveInput } from '../resolve.ts';
import type { StepExecutor } from '../types.ts';

/** QUERY_MAX_RECORDS as the sandbox takes it (records/find-many.ts). */
const MAX_LIMIT = 200;

interface Input {
  objectName?: string;
  limit?: number | string;
  offset?: number | string;
  filter?: { recordFilters?: RecordFilter[]; recordFilterGroups?: RecordFilterGroup[] };
}

export const findRecords: StepExecutor = ({ ws, step, context, countRecordOperation }) => {
  const input = resolveInput(step.settings.input, context) as Input;
  const model = modelOf(ws, input.objectName);
  const recordFilters = input.filter?.recordFilters;
  for (const f of recordFilters ?? []) {
    if (!isRecordFilterValueValid(f)) {
      throw new Error(
        `Filter condition has an empty value after variable resolution. This likely means a workflow variable could not be resolved. Filter field: ${f.fieldMetadataId}, operand: ${f.operand}`,
      );
    }
  }
  let filter: FilterInput;
  try {
    filter = recordFilters ? computeRecordFilter(recordFilters, input.filter?.recordFilterGroups ?? [], ws.fieldsOf(model.object.id)) : {};
  } catch (e) {
    throw new Error(`Filter could not be computed: ${(e as Error).message}`, { cause: e });
  }
  if (recordFilters && recordFilters.length > 0 && Object.keys(filter).length === 0) {
    throw new Error(
      'Filter could not be resolved to a valid query. Check that filtered fields exist and that grouped filters include their recordFilterGroups.',
    );
  }
  const limit = Math.min(Math.max(Number(input.limit ?? MAX_LIMIT) || MAX_LIMIT, 1), MAX_LIMIT);
  const offset = Math.max(Number(input.offset ?? 0) || 0, 0);
  countRecordOperation();
  const rows = findRows(ws, model, filter);
  const page = rows.slice(offset, offset + limit).map((r) => structuredClone(r));
  return { result: { first: page[0], all: page, totalCount: rows.length } };
};
