// The local Twenty sandbox: a separate program the engine never imports. Tests,
// benchmarks and `bankpack sandbox` start it with startSandbox().
export { DEFAULT_SANDBOX_API_KEY, startSandbox, type Sandbox, type SandboxOptions } from './server/http.ts';
export { DEFAULT_SANDBOX_USER_TOKEN } from './workflows/principal.ts';
export type { FaultRule } from './server/faults.ts';
export type { RequestLogEntry } from './server/request-log.ts';
export type { RecordRow } from './state/types.ts';
// The standard objects a new workspace is seeded with (loaded on first call).
export { loadStandardObjects } from './state/seed.ts';
export type { StandardObject } from './catalogue/types.ts';
export type { RunRow } from './workflows/executor/index.ts';
// Twenty's workflow step shapes, for tests that hold the engine's output to them.
export { droppedFilterReasons } from './workflows/find-records-filter.ts';
export { stepShapeErrors } from './workflows/twenty-shapes.ts';
