// Steps the sandbox refuses to run: FORM waits for a person to submit it in
// Twenty's UI, CODE / LOGIC_FUNCTION run user code in Twenty's serverless runtime,
// HTTP_REQUEST and AI steps reach the outside world. The step fails with a message
// that says so, and so does the run: a test can never pass by skipping them.
import type { StepExecutor } from '../types.ts';

export const notExecuted: StepExecutor = ({ step }) => {
  throw new Error(
    `the sandbox does not execute ${step.type} steps (step "${step.name ?? step.id}"): ${step.type === 'FORM' ? 'a form waits for a person in Twenty' : 'it runs outside Twenty’s records'}`,
  );
};

/** EMPTY (empty.workflow-action.ts): a placeholder that succeeds with no output. */
export const empty: StepExecutor = () => ({ result: {} });
