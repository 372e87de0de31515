// What plan, deploy and pull share when they run: making the client, and printing
// errors as values. (Their flags are in src/cli/connection-options.ts.)
import { resolve } from 'node:path';
import { formatConfigProblem, resolveConnection, type Connection } from '../config/index.ts';
import { TwentyClient, isTwentyError } from '../twenty/index.ts';
import { resolveUserToken } from '../workflows/index.ts';

export interface ConnectionCliOptions {
  dir: string;
  profile?: string;
  url?: string;
  apiKeyFile?: string;
  rateLimit?: number;
  concurrency?: number;
  userTokenFile?: string;
}

export const err = (line: string): void => {
  // eslint-disable-next-line no-restricted-properties -- debt: these command helpers (only src/cli/actions import them) still live in the engine
  process.stderr.write(`${line}\n`);
};

const retryLine = ({ operation, delayMs, reason }: { operation: string; delayMs: number; reason: string }): void =>
  err(`    … ${operation}: ${reason}; trying again in ${(delayMs / 1000).toFixed(1)} s`);

/** Resolve the connection and make the client; print the problems and return undefined when it cannot. */
export async function connect(
  opts: ConnectionCliOptions,
): Promise<{ client: TwentyClient; connection: Connection; userClient?: TwentyClient } | undefined> {
  const result = await resolveConnection({
    flags: {
      ...(opts.url ? { url: opts.url } : {}),
      ...(opts.apiKeyFile ? { apiKeyFile: opts.apiKeyFile } : {}),
      ...(opts.profile ? { profile: opts.profile } : {}),
      ...(opts.rateLimit !== undefined ? { rateLimit: opts.rateLimit } : {}),
      ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
    },
    env: process.env,
    packDir: resolve(opts.dir),
  });
  if (!result.ok) {
    for (const p of result.problems) err(`bankpack: ${formatConfigProblem(p)}`);
    return undefined;
  }
  for (const w of result.warnings) err(`bankpack: ${formatConfigProblem(w)}`);
  const { connection } = result;
  const client = new TwentyClient({
    url: connection.url,
    apiKey: connection.apiKey,
    pacing: connection.pacing,
    ...(connection.concurrency !== undefined ? { concurrency: connection.concurrency } : {}),
    onRetry: retryLine,
  });
  // Workflows need a user session besides the API key (src/workflows/user-token.ts); never printed either.
  const user = await resolveUserToken({ env: process.env, ...(opts.userTokenFile ? { userTokenFile: opts.userTokenFile } : {}) });
  if (user.problem) {
    err(`bankpack: ${user.problem}`);
    return undefined;
  }
  // One workspace, one pacing budget and one request count: the user session is never throttled by
  // Twenty, but what it sends is part of what this command reports.
  const userClient = user.token
    ? new TwentyClient({
        url: connection.url,
        apiKey: user.token,
        caller: 'user',
        budget: client.budget,
        counter: client.counter,
        onRetry: retryLine,
      })
    : undefined;
  return { client, connection, ...(userClient ? { userClient } : {}) };
}

/** Print an error raised while talking to Twenty; never the key. */
export function reportError(e: unknown): void {
  if (isTwentyError(e)) err(`bankpack: ${e.describe()}`);
  else err(`bankpack: ${e instanceof Error ? e.message : String(e)}`);
}

/** Colour only on a terminal, and never under NO_COLOR. */
export function useColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !('NO_COLOR' in process.env);
}
