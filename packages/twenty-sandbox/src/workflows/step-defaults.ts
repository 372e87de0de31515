// A new step of each type as Twenty builds it before the editor fills it in:
// runStepCreationSideEffectsAndBuildStep in twentyhq/twenty
// packages/twenty-server/src/modules/workflow/workflow-builder/workflow-version-step/
// workflow-version-step-operations.workspace-service.ts. IF_ELSE and ITERATOR also
// create EMPTY "Add an Action" steps for their branches and loop body.
import { randomUUID } from 'node:crypto';
import { userInputError } from '../server/twenty-errors.ts';

export type Step = Record<string, unknown> & { id: string; type: string; settings: Record<string, unknown> };

const BASE_SETTINGS = {
  outputSchema: {},
  errorHandlingOptions: { continueOnFailure: { value: false }, retryOnFailure: { value: 0 } },
};

/** IF_ELSE_BRANCH_POSITION_OFFSETS (twenty-shared workflow constants): where the empty branch nodes go. */
const BRANCH_OFFSETS = { IF: { x: -200, y: 120 }, ELSE: { x: 200, y: 120 } };
const ITERATOR_EMPTY_OFFSET = { x: 174, y: 83 };

export function emptyStep(position?: { x: number; y: number }): Step {
  return {
    id: randomUUID(),
    name: 'Add an Action',
    type: 'EMPTY',
    valid: true,
    nextStepIds: [],
    ...(position ? { position } : {}),
    settings: { ...BASE_SETTINGS, input: {} },
  };
}

const at = (p: { x: number; y: number } | undefined, d: { x: number; y: number }) => ({ x: (p?.x ?? 0) + d.x, y: (p?.y ?? 0) + d.y });

export function buildStep(
  type: string,
  id: string | undefined,
  position: { x: number; y: number } | undefined,
  firstObjectName: string,
): { step: Step; extra: Step[] } {
  const base = { id: id || randomUUID(), ...(position ? { position } : {}), valid: false, nextStepIds: [] };
  const make = (name: string, input: unknown, more: Record<string, unknown> = {}): Step =>
    ({ ...base, name, type, settings: { ...BASE_SETTINGS, ...more, input } }) as Step;
  switch (type) {
    case 'SEND_EMAIL':
      return {
        step: make('Send Email', { connectedAccountId: '', recipients: { to: '', cc: '', bcc: '' }, subject: '', body: '' }),
        extra: [],
      };
    case 'CREATE_RECORD':
      return { step: make('Create Record', { objectName: firstObjectName, objectRecord: {} }), extra: [] };
    case 'UPDATE_RECORD':
      return {
        step: make('Update Record', { objectName: firstObjectName, objectRecord: {}, objectRecordId: '', fieldsToUpdate: [] }),
        extra: [],
      };
    case 'DELETE_RECORD':
      return { step: make('Delete Record', { objectName: firstObjectName, objectRecordId: '' }), extra: [] };
    case 'UPSERT_RECORD':
      return { step: make('Create or Update Record', { objectName: firstObjectName, objectRecord: {}, fieldsToUpdate: [] }), extra: [] };
    case 'FIND_RECORDS':
      return { step: make('Search Records', { objectName: firstObjectName, limit: 1, offset: 0 }), extra: [] };
    case 'FORM':
      return { step: make('Form', []), extra: [] };
    case 'FILTER':
      return { step: make('Filter', { stepFilterGroups: [], stepFilters: [] }), extra: [] };
    case 'HTTP_REQUEST':
      return { step: make('HTTP Request', { url: '', method: 'GET', headers: {}, body: {} }, { expectedOutputSchema: {} }), extra: [] };
    case 'DELAY':
      return { step: make('Delay', { delayType: 'DURATION', duration: { days: 0, hours: 0, minutes: 0, seconds: 0 } }), extra: [] };
    case 'EMPTY':
      return { step: { ...emptyStep(position), id: base.id }, extra: [] };
    case 'ITERATOR': {
      const body = emptyStep(at(position, ITERATOR_EMPTY_OFFSET));
      return {
        step: make('Iterator', { items: [], initialLoopStepIds: [body.id], shouldContinueOnIterationFailure: true }),
        extra: [body],
      };
    }
    case 'IF_ELSE': {
      const ifNode = emptyStep(at(position, BRANCH_OFFSETS.IF));
      const elseNode = emptyStep(at(position, BRANCH_OFFSETS.ELSE));
      const groupId = randomUUID();
      const input = {
        stepFilterGroups: [{ id: groupId, logicalOperator: 'AND' }],
        stepFilters: [
          {
            id: randomUUID(),
            type: 'unknown',
            stepOutputKey: '',
            operand: 'IS',
            value: '',
            stepFilterGroupId: groupId,
            positionInStepFilterGroup: 0,
          },
        ],
        branches: [
          { id: randomUUID(), nextStepIds: [ifNode.id], filterGroupId: groupId },
          { id: randomUUID(), nextStepIds: [elseNode.id] },
        ],
      };
      return { step: make('If/Else', input), extra: [ifNode, elseNode] };
    }
    case 'CODE':
    case 'LOGIC_FUNCTION':
    case 'AI_AGENT':
    case 'CLASSIFY':
    case 'PICK_RECORD':
    case 'DRAFT_EMAIL':
    case 'CREATE_CALENDAR_EVENT':
    case 'WAIT_FOR_EVENT':
      throw userInputError(`WorkflowActionType '${type}' is not served by the sandbox`);
    default:
      throw userInputError(`WorkflowActionType '${type}' unknown`);
  }
}
