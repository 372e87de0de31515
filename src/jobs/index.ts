// Front door of the jobs concern: computations a workflow cannot express, each a pure
// rule between a read and a batched write.
export { JOBS } from './registry.ts';
export { renderReport, reportJson, type ReportOptions } from './report.ts';
export { JobOptionError, type JobAccess, type JobDefinition, type JobOptions, type JobPlan, type ReportItem } from './job.ts';
export type { JobChange, JobRecords } from './records-port.ts';
export { checkJobPolicies, decodeJobPolicies, JOB_NAMES, JOB_POLICIES, policyPath, type JobName } from './policy.ts';
export { policiesOf, type PoliciesResult } from './policy-file.ts';
