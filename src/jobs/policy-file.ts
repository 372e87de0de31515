// Reading the policy files a job needs from the pack folder, with problems placed at
// file:line:col. Every file is read and checked before the job starts, so that one run
// reports every mistake.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sortProblems, type Problem } from '../pack/problems.ts';
import { parseYaml } from '../pack/yaml-source.ts';
import { decodePolicy, policyPath, type Policies, type PolicyName } from './policy.ts';

export type PoliciesResult<N extends PolicyName> = { ok: true; policies: Pick<Policies, N>; files: string[] } | { ok: false; problems: Problem[] };

export async function loadPolicies<N extends PolicyName>(packDir: string, names: readonly N[]): Promise<PoliciesResult<N>> {
  const problems: Problem[] = [];
  const policies: Partial<Pick<Policies, N>> = {};
  for (const name of names) {
    const loaded = await loadOne(packDir, name);
    if ('problems' in loaded) problems.push(...loaded.problems);
    else policies[name] = loaded.policy;
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, policies: policies as Pick<Policies, N>, files: names.map(policyPath) };
}

async function loadOne<N extends PolicyName>(packDir: string, name: N): Promise<{ policy: Policies[N] } | { problems: Problem[] }> {
  const file = policyPath(name);
  const fail = (message: string, hint: string, line = 1, col = 1): { problems: Problem[] } => ({
    problems: [{ file, line, col, message, hint, rule: 'policy', severity: 'error' }],
  });
  let text: string;
  try {
    text = await readFile(join(packDir, file), 'utf8');
  } catch {
    return fail(`no ${name} policy`, `create ${file} (docs/jobs.md lists its keys), or pass --dir with the pack folder`);
  }
  const { source, errors } = parseYaml(text.replace(/^\uFEFF/, ''));
  if (!source) {
    const e = errors[0];
    return fail(`YAML: ${e?.message ?? 'cannot be parsed'}`, 'fix the YAML syntax', e?.line, e?.col);
  }
  const { policy, problems } = decodePolicy(name, file, source.data ?? {});
  if (problems.length === 0) return { policy };
  return {
    problems: problems.map((p) => ({
      file,
      ...source.locate(p.path, p.atKey),
      message: p.message,
      rule: p.rule,
      severity: p.severity ?? 'error',
      ...(p.hint ? { hint: p.hint } : {}),
    })),
  };
}
