// What the compile golden tests share: a one-workflow compile against the test catalogue,
// and the ids and settings Twenty's shapes expect.
import { compileWorkflow } from '../../src/workflows/compile.ts';
import { partUuid, stepUuid } from '../../src/workflows/graph.ts';
import { catalogue, WF, workflow } from './helpers.ts';

export const id = (key: string): string => stepUuid(WF, key);
export const part = (key: string, ...p: Array<string | number>): string => partUuid(WF, key, ...p);
export const compile = (steps: unknown[], trigger?: Record<string, unknown>) =>
  compileWorkflow(workflow(steps, trigger), { catalogue: catalogue(), connectedAccountId: 'acc-1' });
export const only = (steps: unknown[], trigger?: Record<string, unknown>) => compile(steps, trigger).steps[0]!;
export const settings = (input: unknown) => ({
  input,
  outputSchema: {},
  errorHandlingOptions: { retryOnFailure: { value: false }, continueOnFailure: { value: false } },
});
