// Front door of deploy: desired state, actual state, diff, plan, render, apply.
export { preparePlan, ANCHOR_OBJECT, type PlanOptions, type Prepared } from './engine.ts';
export { applyPlan, type ApplyOptions, type ApplyReport } from './apply.ts';
export { titleOf } from './apply-context.ts';
export { renderPlan, summaryLine } from './render-plan.ts';
export { countPlan, hasChanges, planToJson, type Plan, type Change, type PlanCounts } from './plan.ts';
export { buildDesired } from './desired.ts';
export { diff } from './diff.ts';
export { idDeriver } from './ids.ts';
export type { DesiredState, ActualState } from './state.ts';
export { loadSeeds, type ObjectSeedCounts, type SeedLoadOptions, type SeedLoadResult, type SeedProgress } from './seed/load.ts';
export { readRoles, type WorkspaceRoles } from './roles-read.ts';
export { readPulledFiles, type PullReadOptions } from './pull-read.ts';
export type { PulledFile } from './pull.ts';
// What the commands that talk to Twenty share when they run (src/cli/actions).
export { connect, err, reportError, useColor, type ConnectionCliOptions } from './cli-support.ts';
export { planAppSync, syncApp, type AppManifest, type AppSync, type SyncAction } from './app-sync.ts';
export { countSyncActions, renderSyncActions, type AppSyncCounts } from './render-app-sync.ts';
