// The flags and help every command that talks to Twenty shares. Registering them must
// stay cheap (`bankpack --help` loads this), so nothing here imports the engine; what
// the flags mean is decided by deploy/cli-support.ts's `connect`, loaded when a command runs.
import type { Command } from 'commander';

const integer =
  (name: string) =>
  (value: string): number => {
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
    .option(
      '--rate-limit <n>',
      "throttled requests per minute (records with the API key; Twenty throttles nothing else), 0 = no pacing (default 90, under Twenty's 100)",
      integer('--rate-limit'),
    )
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
