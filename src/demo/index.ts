// Front door of the demo (`bankpack demo`, `npm start`).
export { runDemo, type DemoHooks, type DemoSummary } from './run.ts';
export { renderDemoSummary } from './summary.ts';
export { demoOptions, demoPaths, DEMO_NOW, type DemoOptions } from './options.ts';
export type { DemoSandbox, SandboxStarter } from './sandbox.ts';
