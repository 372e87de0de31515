// Who is calling: a workspace API key, or a user session. Twenty's workflow
// builder mutations are user-only in most versions: WorkflowVersionStepResolver
// (createWorkflowVersionStep, updateWorkflowVersionStep, deleteWorkflowVersionStep,
// updateWorkflowVersionTrigger) and WorkflowVersionResolver
// (createDraftFromWorkflowVersion) guard with UserAuthGuard / AuthPrincipalGuard
// ({apiKey: false}) — twentyhq/twenty workflow-version-step.resolver.ts @959a8fc,
// ../shared/twenty/workflows.md §2.2, issue #21714 — and refuse an API key with
// "Forbidden resource". activate/deactivateWorkflowVersion accept API keys since
// PR #22924 (workflow-trigger.resolver.ts).
import { forbiddenError } from '../server/twenty-errors.ts';

export type Principal = 'apiKey' | 'user';

/** The user-session token `bankpack sandbox` accepts unless --user-token sets one. Not a secret: it only opens a local sandbox. */
export const DEFAULT_SANDBOX_USER_TOKEN = 'sandbox-dev-user-token';

export interface PrincipalContext {
  principal?: Principal;
}

/** Throws Twenty's guard error unless a user session is calling. */
export function requireUser(ctx: PrincipalContext): void {
  if (ctx.principal !== 'user') throw forbiddenError('Forbidden resource');
}
