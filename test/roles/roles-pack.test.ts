// roles/*.role.yaml: the bank's roles validate, take twenty-sdk's defineRole shape, and a
// role that asks for what Twenty refuses is caught at validate with its line and the fix.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineRole, SystemPermissionFlag } from 'twenty-sdk/define';
import { describe, expect, it } from 'vitest';
import { JOBS } from '../../src/jobs/index.ts';
import { formatProblem } from '../../src/pack/index.ts';
import { validatePack } from '../../src/validate/index.ts';
import { buildRefIndex } from '../../src/pack/refs.ts';
import { deriveJobsRole, JOBS_ROLE_FILE, jobsRoleYaml, PERMISSION_FLAGS, resolveRole } from '../../src/roles/index.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

async function packWith(roles: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bankpack-roles-'));
  for (const part of ['pack.yaml', 'objects', 'fields']) await cp(join(ROOT, part), join(dir, part), { recursive: true });
  await cp(join(ROOT, 'roles'), join(dir, 'roles'), { recursive: true });
  for (const [name, text] of Object.entries(roles)) await writeFile(join(dir, 'roles', name), text);
  return dir;
}

const roleProblems = async (roles: Record<string, string>): Promise<string[]> => {
  const { problems } = await validatePack(await packWith(roles));
  return problems.filter((p) => p.file.startsWith('roles/')).map(formatProblem);
};

const BAD = `universalIdentifier: 59398d59-60e6-4c50-b4fc-e39efc00c1bd
label: 试用角色
objectPermissions:
  - { objectUniversalIdentifier: intelLaed, canReadObjectRecords: true }
  - { objectUniversalIdentifier: projectAudit, canReadObjectRecords: false, canUpdateObjectRecords: true }
  - { objectUniversalIdentifier: assessment, canReadObjectRecords: true }
fieldPermissions:
  - { objectUniversalIdentifier: assessment, fieldUniversalIdentifier: scroe, canReadFieldValue: false }
  - { objectUniversalIdentifier: assessment, fieldUniversalIdentifier: period, canReadFieldValue: true }
  - { objectUniversalIdentifier: assessment, fieldUniversalIdentifier: manager, canReadFieldValue: false }
  - { objectUniversalIdentifier: assessment, fieldUniversalIdentifier: comments, canUpdateFieldValue: false }
permissionFlagUniversalIdentifiers: [WORKFLOW]
`;

describe('the bank roles', () => {
  it('validate without a problem, every one', async () => {
    expect(await roleProblems({})).toEqual([]);
  });

  it('resolve to twenty-sdk defineRole manifests that the SDK accepts', async () => {
    const { pack } = await validatePack(await packWith({}));
    const refs = buildRefIndex(pack);
    expect(pack.roles?.map((r) => r.label).sort()).toEqual(['分行行长', '后台审计', '客户经理', '批处理作业 Jobs API key', '营销管理']);
    for (const def of pack.roles ?? []) {
      const { role, problems } = resolveRole(def, refs);
      expect(problems).toEqual([]);
      const { source: _source, ...manifest } = def;
      const result = defineRole(manifest as Parameters<typeof defineRole>[0]);
      expect(result.errors ?? [], def.label).toEqual([]);
      expect(role.label).toBe(def.label);
    }
  });

  it('know the permission flags twenty-sdk 2.43 knows, by the same identifiers', () => {
    expect(PERMISSION_FLAGS).toEqual(SystemPermissionFlag);
  });
});

describe('a role Twenty would refuse', () => {
  it('is caught at validate, each mistake at its line with the fix', async () => {
    const found = await roleProblems({ 'trial.role.yaml': BAD.replace('[WORKFLOW]', '[WORKFLOWS]') });
    expect(found.join('\n')).toMatchInlineSnapshot(`
      "roles/trial.role.yaml:4:34  no object is named "intelLaed"  (did you mean "intelLead"?)
      roles/trial.role.yaml:5:5  the role may update projectAudit records but not read them  (Twenty refuses it ("Cannot give update permission to non-readable object"): set canReadObjectRecords: true, or drop the write)
      roles/trial.role.yaml:8:72  assessment has no field "scroe"  (did you mean "score"?)
      roles/trial.role.yaml:9:99  canReadFieldValue: true would grant more than the object permission gives  (a field permission can only restrict (ONLY_FIELD_RESTRICTION_ALLOWED): write false, or remove the key)
      roles/trial.role.yaml:10:5  assessment.manager is a relation: Twenty applies its permission to clientManager.assessments too  (add the same restriction on clientManager.assessments (canReadFieldValue: false, canUpdateFieldValue: unset), or restrict a non-relation field)
      roles/trial.role.yaml:11:103  making assessment.comments read-only means nothing: the role cannot update assessment  (Twenty refuses it (FIELD_RESTRICTION_ON_UPDATE_ONLY_ALLOWED_ON_UPDATABLE_OBJECT): remove canUpdateFieldValue)"
    `);
  });

  it('names an unknown permission flag with the one it resembles', async () => {
    expect(await roleProblems({ 'trial.role.yaml': BAD })).toMatchInlineSnapshot(`
      [
        "roles/trial.role.yaml:12:38  "WORKFLOW" is not a permission flag key  (did you mean "WORKFLOWS"?)",
      ]
    `);
  });
});

describe('a row-level rule', () => {
  const rule = (member: string): string => `universalIdentifier: 59398d59-60e6-4c50-b4fc-e39efc00c1be
label: 试用规则
objectPermissions:
  - { objectUniversalIdentifier: intelLead, canReadObjectRecords: true }
rowLevelPermissionPredicates:
  - { universalIdentifier: 3dfd9b0e-4915-4890-91c9-ff44352d3647, objectUniversalIdentifier: intelLead, fieldUniversalIdentifier: assignedManager, operand: IS, workspaceMemberFieldUniversalIdentifier: ${member} }
`;

  it('compared with a one-to-many relation of the member is refused: Twenty finds no value there and would drop it', async () => {
    expect(await roleProblems({ 'trial.role.yaml': rule('clientManagerProfiles') })).toMatchInlineSnapshot(`
      [
        "roles/trial.role.yaml:6:201  "clientManagerProfiles" is a one-to-many relation of the workspace member: Twenty finds no value in it, so this row-level rule would restrict nothing  (compare with a value the member holds itself (a field, or a many-to-one relation), or point the record at the member: a relation to standard:workspaceMember with value { isCurrentWorkspaceMemberSelected: true, selectedRecordIds: [] })",
      ]
    `);
  });
});

describe('the jobs role', () => {
  it('is what the jobs declare they read and write (npm run gen:jobs-role)', async () => {
    const { pack } = await validatePack(await packWith({}));
    const { role, problems } = deriveJobsRole(Object.values(JOBS), buildRefIndex(pack));
    expect(problems).toEqual([]);
    expect(await readFile(join(ROOT, JOBS_ROLE_FILE), 'utf8')).toBe(jobsRoleYaml(role));
  });
});
