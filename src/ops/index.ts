// Front door of the operations layer: each op takes typed options and a progress
// callback, returns a result (a failure is a value), and never prints or exits.
// Commands parse flags, call one op and print; the demo composes ops.
export { plan, packFingerprint, type PlanInput, type PlanResult } from './plan.ts';
export { deploy, type DeployInput, type Deployed, type DeployFailure, type Confirmation } from './deploy.ts';
export { pull, type PullInput, type Pulled } from './pull.ts';
export { readSavedPlan, parseSavedPlan, serializeSavedPlan, SAVED_PLAN_FORMAT, SAVED_PLAN_VERSION, type SavedPlan } from './saved-plan.ts';
export { silent, type Progress, type Workspace, type OpFailure, type FailureReason } from './types.ts';
export { seed, type SeedInput, type Seeded, type SeedFailure } from './seed.ts';
export { runJob, type RunJobInput, type JobRan } from './run-job.ts';
export { runPackJob, type RunOptions, type RunOutcome } from './job-runner.ts';
export { validated, type PackInput } from './types.ts';
export { renderLetters, type RenderLettersInput, type LettersRendered } from './render-letters.ts';
export { sendLetters, type SendLettersInput, type LettersSent } from './send-letters.ts';
export { listLetters, previewLetters, type TemplateListing, type PreviewLettersInput } from './browse-letters.ts';
export type { LettersInput } from './letters.ts';
export { exportApp, type ExportInput, type Exported } from './export.ts';
export { installApp, describeBuild, type InstallAppInput, type AppInstalled } from './install-app.ts';
