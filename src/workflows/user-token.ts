// The user-session token the workflow builder mutations need (Twenty refuses them
// to API keys, twentyhq/twenty#21714, workflows.md §2.2): from --user-token-file or
// TWENTY_USER_TOKEN. Like the API key, it is never printed, logged or written.
import { readFile } from 'node:fs/promises';

export const USER_TOKEN_ENV = 'TWENTY_USER_TOKEN';

/** What to tell an admin who has only an API key. */
export const USER_TOKEN_HELP =
  'workflows need a user token: Twenty lets only a signed-in user edit workflow steps and triggers (an API key gets "Forbidden resource", twentyhq/twenty#21714). ' +
  'Sign in to Twenty in a browser as a member whose role may manage workflows, open the developer tools → Application → Cookies → tokenPair, ' +
  `copy accessOrWorkspaceAgnosticToken.token, and pass it with ${USER_TOKEN_ENV} or --user-token-file (it expires after ACCESS_TOKEN_EXPIRES_IN, 30 minutes by default). ` +
  'Against `bankpack sandbox`, use the user token it prints. Everything else was deployed; run deploy again with the token to deploy the workflows';

export interface UserTokenSource {
  userTokenFile?: string;
  env: NodeJS.ProcessEnv;
  readText?: (path: string) => Promise<string>;
}

export type UserTokenResult = { token: string; source: string; problem?: undefined } | { token?: undefined; problem?: string };

export async function resolveUserToken(src: UserTokenSource): Promise<UserTokenResult> {
  if (src.userTokenFile) {
    let text: string;
    try {
      text = await (src.readText ?? ((p: string) => readFile(p, 'utf8')))(src.userTokenFile);
    } catch {
      return { problem: `cannot read the user token file ${src.userTokenFile}` };
    }
    const token = text.trim();
    return token ? { token, source: `file ${src.userTokenFile}` } : { problem: `the user token file ${src.userTokenFile} is empty` };
  }
  const token = src.env[USER_TOKEN_ENV]?.trim();
  return token ? { token, source: USER_TOKEN_ENV } : {};
}
