// The sandbox's workflow executor: runs workflows as Twenty does (see engine.ts for
// the whole, steps/ for each step type, triggers.ts for what starts a run).
export { attachEngine, engineOf, WorkflowEngine, type WorkflowEngineOptions } from './engine.ts';
export { clockRoute, parseDuration, webhookRoute } from './routes.ts';
export { SandboxClock } from './clock.ts';
export type { SmtpTarget } from './mail.ts';
export type { RunRow } from './run-store.ts';
export type { RunState, RunStatus, SentEmail, StepInfo, StepStatus } from './types.ts';
