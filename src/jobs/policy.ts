// The policies the jobs read from `policies/*.policy.yaml`: which job reads which file,
// and decoding a file into its typed policy (shapes in policy-types.ts, checks in
// policy-decoders.ts). The bank sets the values; docs/jobs.md lists every key.
import type { PendingProblem } from '../pack/index.ts';
import { DECODERS } from './policy-decoders.ts';
import { PolicyReader } from './policy-reader.ts';
import { POLICY_NAMES, type Policies, type PolicyName } from './policy-types.ts';

export * from './policy-types.ts';

export type JobName = 'assign-leads' | 'compute-tiers' | 'sample-surveys' | 'score-assessments' | 'award-bounties';
export const JOB_NAMES: readonly JobName[] = ['assign-leads', 'compute-tiers', 'sample-surveys', 'score-assessments', 'award-bounties'];

/** The policy files each job reads. */
export const JOB_POLICIES = {
  'assign-leads': ['assignment'],
  'compute-tiers': ['tiers'],
  'sample-surveys': ['surveys'],
  'score-assessments': ['assessments', 'tiers'],
  'award-bounties': ['bounties', 'assessments', 'assignment'],
} as const satisfies Record<JobName, readonly PolicyName[]>;

export const policyPath = (name: PolicyName): string => `policies/${name}.policy.yaml`;

/** Decodes one policy file's data; the policy is only usable when there are no problems. */
export function decodePolicy<N extends PolicyName>(
  name: N,
  file: string,
  data: unknown,
): { policy: Policies[N]; problems: PendingProblem[] } {
  const reader = new PolicyReader(file, data);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    reader.problem([], 'a policy file holds a YAML mapping (key: value)');
    return { policy: DECODERS[name](new PolicyReader(file, {})) as Policies[N], problems: reader.problems };
  }
  const policy = DECODERS[name](reader) as Policies[N];
  return { policy, problems: reader.problems };
}

type PolicyFile = { name: string; data: unknown; source: { file: string } };

/** Every policy the jobs read, decoded once (by `bankpack validate`): the typed policies, and the problems of the files. */
export function decodeJobPolicies(files: readonly PolicyFile[]): { policies: Partial<Policies>; problems: PendingProblem[] } {
  const problems: PendingProblem[] = [];
  const policies: Partial<Record<PolicyName, Policies[PolicyName]>> = {};
  for (const p of files) {
    const name = POLICY_NAMES.find((n) => n === p.name);
    if (!name) continue;
    const decoded = decodePolicy(name, p.source.file, p.data);
    problems.push(...decoded.problems);
    if (decoded.problems.length === 0) policies[name] = decoded.policy;
  }
  return { policies: policies as Partial<Policies>, problems };
}

/** For `bankpack validate`: the shape problems of every policy the jobs read. */
export function checkJobPolicies(files: readonly PolicyFile[]): PendingProblem[] {
  return decodeJobPolicies(files).problems;
}
