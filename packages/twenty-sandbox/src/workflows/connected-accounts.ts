// `myConnectedAccounts` (/metadata, 2.43: [ConnectedAccountPublicDTO!]!): the
// signed-in user's email accounts, which SEND_EMAIL steps send from. The sandbox
// connects no mailbox, so a user has none; an API key is no user (the resolver is
// user-only, workflows.md §2.1).
import { type PrincipalContext, requireUser } from './principal.ts';

export function myConnectedAccounts(ctx: PrincipalContext): Array<{ id: string; handle: string; provider: string }> {
  requireUser(ctx);
  return [];
}
