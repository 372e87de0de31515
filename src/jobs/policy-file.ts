// The policies a job needs, from the validated pack: validate decoded every policy file
// once (rule-family.ts); a file the job needs but the pack lacks is a problem at that
// file, so one run reports every missing one before anything is read.
import type { Problem } from '../pack/index.ts';
import type { ValidPack } from '../pack/index.ts';
import { policyPath, type Policies, type PolicyName } from './policy.ts';
import { JOB_POLICIES_FAMILY } from './rule-family.ts';

export type PoliciesResult<N extends PolicyName> =
  { ok: true; policies: Pick<Policies, N>; files: string[] } | { ok: false; problems: Problem[] };

export function policiesOf<N extends PolicyName>(pack: ValidPack, names: readonly N[]): PoliciesResult<N> {
  // Written by jobPoliciesFamily, the only writer of this key; a pack validated without it holds none.
  const decoded = (pack.decoded.get(JOB_POLICIES_FAMILY) ?? {}) as Partial<Policies>;
  const policies: Partial<Pick<Policies, N>> = {};
  const problems: Problem[] = [];
  for (const name of names) {
    const policy = decoded[name];
    if (policy) policies[name] = policy;
    else {
      const file = policyPath(name);
      problems.push({
        file,
        line: 1,
        col: 1,
        message: `no ${name} policy`,
        hint: `create ${file} (docs/jobs.md lists its keys), or pass --dir with the pack folder`,
        rule: 'policy',
        severity: 'error',
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, policies: policies as Pick<Policies, N>, files: names.map(policyPath) };
}
