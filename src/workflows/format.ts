// The workflow YAML format (workflows/*.workflow.yaml) as typed data: a trigger
// and a list of steps, where IF_ELSE branches and ITERATOR loops hold their own
// step lists. Key names follow Twenty's step types (WorkflowActionType) and
// settings; docs/workflows.md describes the format for admins.

export type RecordEvent = 'created' | 'updated' | 'deleted' | 'upserted';

export type TriggerSpec = { name?: string } & (
  | { type: 'DATABASE_EVENT'; object: string; event: RecordEvent; fields?: string[]; when?: ConditionSpec }
  | { type: 'CRON'; pattern?: string; every?: { days?: number; hours?: number; minutes?: number; hour?: number; minute?: number } }
  | { type: 'MANUAL'; object?: string; availability?: 'GLOBAL' | 'SINGLE_RECORD' | 'BULK_RECORDS'; icon?: string; pinned?: boolean }
  | { type: 'WEBHOOK'; method: 'GET' | 'POST'; expectedBody?: Record<string, unknown>; authentication?: 'API_KEY' | null }
);

/** A comparison: the value of a variable against a literal. */
export interface ComparisonSpec {
  value: string;
  is?: unknown;
  isNot?: unknown;
  in?: unknown[];
  notIn?: unknown[];
  contains?: string;
  doesNotContain?: string;
  atLeast?: number | string;
  atMost?: number | string;
  before?: string;
  after?: string;
  isEmpty?: boolean;
}

/** `all:` (AND) or `any:` (OR) of comparisons and nested groups. */
export interface ConditionSpec {
  all?: Array<ComparisonSpec | ConditionSpec>;
  any?: Array<ComparisonSpec | ConditionSpec>;
}

interface StepBase {
  /** The step's key: stable across deploys, and how later steps name its output (`{{steps.<id>…}}`). */
  id: string;
  name?: string;
  /** Twenty's error handling: retry on failure, carry on with the next step. */
  retryOnFailure?: boolean;
  continueOnFailure?: boolean;
}

export type FieldValues = Record<string, unknown>;

export interface BranchSpec {
  name?: string;
  /** Absent on the else branch (the last one). */
  when?: ConditionSpec;
  steps: StepSpec[];
}

export interface FormFieldSpec {
  name: string;
  label: string;
  type: 'TEXT' | 'NUMBER' | 'DATE' | 'SELECT' | 'MULTI_SELECT' | 'RECORD';
  placeholder?: string;
  /** SELECT / MULTI_SELECT: the choices; RECORD: `object`. */
  options?: Array<{ value: string; label: string }>;
  object?: string;
}

export type StepSpec =
  | (StepBase & { type: 'CREATE_RECORD'; object: string; set: FieldValues })
  | (StepBase & { type: 'UPDATE_RECORD'; object: string; record: string; set: FieldValues })
  | (StepBase & { type: 'DELETE_RECORD'; object: string; record: string })
  | (StepBase & {
      type: 'FIND_RECORDS';
      object: string;
      where?: Record<string, unknown>;
      orderBy?: Record<string, 'ASC' | 'DESC'>;
      limit?: number;
    })
  | (StepBase & { type: 'SEND_EMAIL'; to: string; cc?: string; bcc?: string; subject: string; body?: string; template?: string })
  | (StepBase & {
      type: 'HTTP_REQUEST';
      url: string;
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      headers?: Record<string, string>;
      body?: Record<string, unknown> | string;
    })
  | (StepBase & { type: 'FILTER'; when: ConditionSpec })
  | (StepBase & { type: 'IF_ELSE'; branches: BranchSpec[] })
  | (StepBase & { type: 'ITERATOR'; items: string | unknown[]; steps: StepSpec[] })
  | (StepBase & { type: 'DELAY'; for?: { days?: number; hours?: number; minutes?: number; seconds?: number }; until?: string })
  | (StepBase & { type: 'FORM'; fields: FormFieldSpec[] })
  /** Not written in YAML: the placeholder an empty IF_ELSE branch gets, as Twenty's editor gives it ("Add an Action"). */
  | (StepBase & { type: 'EMPTY' });

export interface WorkflowSpec {
  universalIdentifier: string;
  name: string;
  description?: string;
  trigger: TriggerSpec;
  steps: StepSpec[];
}
