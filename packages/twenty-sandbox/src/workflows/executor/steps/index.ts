// One executor per step type (Twenty's WorkflowActionFactory).
import type { StepExecutor } from '../types.ts';
import { createRecord } from './create-record.ts';
import { delay } from './delay.ts';
import { deleteRecord } from './delete-record.ts';
import { filter } from './filter.ts';
import { findRecords } from './find-records.ts';
import { ifElse } from './if-else.ts';
import { iterator } from './iterator.ts';
import { empty, notExecuted } from './not-executed.ts';
import { sendEmail } from './send-email.ts';
import { updateRecord } from './update-record.ts';
import { upsertRecord } from './upsert-record.ts';

export type { Branch } from './if-else.ts';
export type { IteratorResult } from './iterator.ts';

const EXECUTORS: Record<string, StepExecutor> = {
  FIND_RECORDS: findRecords,
  CREATE_RECORD: createRecord,
  UPDATE_RECORD: updateRecord,
  DELETE_RECORD: deleteRecord,
  UPSERT_RECORD: upsertRecord,
  FILTER: filter,
  IF_ELSE: ifElse,
  ITERATOR: iterator,
  DELAY: delay,
  SEND_EMAIL: sendEmail,
  EMPTY: empty,
};

export function executorFor(type: string): StepExecutor {
  return EXECUTORS[type] ?? notExecuted;
}
