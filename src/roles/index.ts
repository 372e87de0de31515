// Front door of roles: who in the bank may see and change what. Role files resolved to
// Twenty's names (resolve.ts), their cross-file checks (a rule family of `bankpack
// validate`), the permission flags, and the jobs' least-privilege role derived from what
// each job declares it reads and writes (jobs-role.ts).
export { PERMISSION_FLAGS, flagKey, type PermissionFlagKey } from './flags.ts';
export {
  accessTo,
  resolveRole,
  ROLE_DEFAULTS,
  ROLE_SETTING_KEYS,
  type ObjectAccess,
  type ResolvedFieldPermission,
  type ResolvedObjectPermission,
  type ResolvedPredicate,
  type ResolvedRole,
  type RoleSettings,
} from './resolve.ts';
export { checkRoles, rolesFamily } from './rule-family.ts';
export { deriveJobsRole, jobsRoleYaml, JOBS_ROLE_FILE, JOBS_ROLE_ID, type JobAccessLike } from './jobs-role.ts';
