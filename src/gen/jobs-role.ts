// Regenerates roles/jobs.role.yaml: the jobs' API key role, derived from each job's declared
// reads and writes (src/roles/jobs-role.ts). Run after changing a job's `access`:
//   npm run gen:jobs-role
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOBS } from '../jobs/index.ts';
import { validatePack } from '../validate/index.ts';
import { deriveJobsRole, JOBS_ROLE_FILE, jobsRoleYaml } from '../roles/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function main(): Promise<number> {
  const { pack } = await validatePack(ROOT);
  const { role, problems } = deriveJobsRole(Object.values(JOBS), pack.refs);
  if (problems.length > 0) {
    process.stderr.write(`The jobs declare what the pack does not have; nothing written:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 1;
  }
  writeFileSync(join(ROOT, JOBS_ROLE_FILE), jobsRoleYaml(role));
  process.stdout.write(
    `Wrote ${JOBS_ROLE_FILE}: ${role.objectPermissions?.length ?? 0} objects, ${role.fieldPermissions?.length ?? 0} field restrictions\n`,
  );
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main();
