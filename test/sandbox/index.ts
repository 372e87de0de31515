// The local Twenty sandbox: a separate program the engine never imports. Tests,
// benchmarks and `bankpack sandbox` start it with startSandbox().
export { DEFAULT_SANDBOX_API_KEY, startSandbox, type Sandbox, type SandboxOptions } from './server/http.ts';
export { DEFAULT_SANDBOX_USER_TOKEN } from './workflows/principal.ts';
export type { FaultRule } from './server/faults.ts';
export type { RequestLogEntry } from './server/request-log.ts';
