// What plan, deploy and pull share on the command line: the connection options,
// loading a valid pack, making the client, and printing errors as values.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { formatConfigProblem, resolveConnection, type Connection } from '../config/index.ts';
import { formatProblem, hasErrors, validatePack, type PendingProblem, type ValidPack } from '../pack/index.ts';
import { TwentyClient } from '../twenty/client.ts';
import { isTwentyError } from '../twenty/errors.ts';
import { resolveUserToken } from '../workflows/user-token.ts';

export interface ConnectionCliOptions {
  dir: string;
  profile?: string;
  url?: string;
  apiKeyFile?: string;
  rateLimit?: number;
  concurrency?: number;
  userTokenFile?: string;
}

const integer = (name: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0`);
  return n;
};

/** The options every command that talks to Twenty takes. */
export function addConnectionOptions(cmd: Command): Command {
  return cmd
    .option('--dir <dir>', 'the pack folder', '.')
    .option('--profile <name>', 'a named connection from bankpack.config.yaml or ~/.config/bankpack/profiles.yaml')
    .option('--url <url>', 'the Twenty server (default: TWENTY_URL)')
    .option('--api-key-file <path>', 'a file holding the API key (default: the TWENTY_API_KEY variable)')
    .option('--rate-limit <n>', 'throttled requests per minute (records with the API key; Twenty throttles nothing else), 0 = no pacing (default 90, under Twenty\'s 100)', integer('--rate-limit'))
    .option('--concurrency <n>', 'independent writes in flight at once (default 4)', integer('--concurrency'))
    .option('--user-token-file <path>', 'a file holding a user token, for the workflows (default: the TWENTY_USER_TOKEN variable)');
}

export const CONNECTION_HELP = `
Connection: --url or TWENTY_URL; the key from TWENTY_API_KEY or --api-key-file;
or --profile NAME from bankpack.config.yaml (pack folder) or ~/.config/bankpack/profiles.yaml:
  profiles:
    production:
      url: https://crm.bank.example
      apiKeyEnv: TWENTY_PRODUCTION_KEY     # or apiKeyFile: ~/.config/bankpack/production.key
      rateLimit: 90                       # throttled requests per minute; 0 for a local sandbox
Workflows also need a user token (TWENTY_USER_TOKEN or --user-token-file): Twenty lets only a signed-in
user edit workflow steps. A profile says where the key is, never the key itself. Keys are never printed.`;

export const err = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Load and validate the pack; print its problems and return undefined when it has errors. */
export async function loadValidPack(dir: string): Promise<ValidPack | undefined> {
  const { valid, problems } = await validatePack(resolve(dir));
  if (!valid || hasErrors(problems)) {
    for (const p of problems) err(formatProblem(p));
    err(`bankpack: the pack has ${problems.filter((p) => p.severity === 'error').length} error(s); nothing was sent to Twenty (run \`bankpack validate\`)`);
    return undefined;
  }
  return valid;
}

const retryLine = ({ operation, delayMs, reason }: { operation: string; delayMs: number; reason: string }): void =>
  err(`    … ${operation}: ${reason}; trying again in ${(delayMs / 1000).toFixed(1)} s`);

/** Resolve the connection and make the client; print the problems and return undefined when it cannot. */
export async function connect(opts: ConnectionCliOptions): Promise<{ client: TwentyClient; connection: Connection; userClient?: TwentyClient } | undefined> {
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
    ? new TwentyClient({ url: connection.url, apiKey: user.token, caller: 'user', budget: client.budget, counter: client.counter, onRetry: retryLine })
    : undefined;
  return { client, connection, ...(userClient ? { userClient } : {}) };
}

/** Print an error raised while talking to Twenty; never the key. */
export function reportError(e: unknown): void {
  if (isTwentyError(e)) err(`bankpack: ${e.describe()}`);
  else err(`bankpack: ${e instanceof Error ? e.message : String(e)}`);
}

export function reportRefProblems(problems: readonly PendingProblem[]): void {
  for (const p of problems) err(`${p.file}  ${p.message}${p.hint ? `  (${p.hint})` : ''}`);
}

/** Colour only on a terminal, and never under NO_COLOR. */
export function useColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !('NO_COLOR' in process.env);
}
