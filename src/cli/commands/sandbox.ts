// `bankpack sandbox`: a local stand-in for a Twenty workspace (packages/twenty-sandbox), for
// a first run, tests and benchmarks. Loaded on demand: the engine never imports it.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { UsageError } from '../usage-error.ts';
import type { Done } from './types.ts';

interface SandboxCliOptions {
  port: string;
  apiKey?: string;
  state?: string;
  throttle?: boolean;
  enterprise?: boolean;
}

export function registerSandbox(program: Command, done: Done): void {
  program
    .command('sandbox')
    .description("Run a local Twenty sandbox: Twenty's /metadata and /graphql APIs on 127.0.0.1, with its rules and limits.")
    .option('--port <port>', 'port to listen on (0 picks a free one)', '3000')
    .option('--api-key <key>', 'the API key the sandbox accepts (default: the development key it prints)')
    .option('--state <file>', 'keep the workspace in this JSON file, so work survives a restart')
    .option('--throttle', "enforce Twenty's API throttle (records root fields sent with an API key: 100 per second and per minute)")
    .option(
      '--enterprise',
      'answer as Twenty Enterprise: row-level rules (upsertRowLevelPermissionPredicates) are taken and enforced on user sessions',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ bankpack sandbox\n  $ bankpack sandbox --port 3030 --state .sandbox/workspace.json --throttle\n' +
        '\nThen point the pack at it: TWENTY_URL=http://127.0.0.1:3000 and the key it prints. Stop with Ctrl-C.',
    )
    .action(async (opts: SandboxCliOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port must be a port number (0-65535), got "${opts.port}"`);
      const { startSandbox, DEFAULT_SANDBOX_API_KEY, DEFAULT_SANDBOX_USER_TOKEN } = await import('twenty-sandbox');
      let sandbox;
      try {
        sandbox = await startSandbox({
          port,
          ...(opts.apiKey ? { apiKey: opts.apiKey } : {}),
          ...(opts.state ? { statePath: resolve(opts.state) } : {}),
          throttle: opts.throttle === true,
          enterprise: opts.enterprise === true,
        });
      } catch (e) {
        const code = (e as { code?: string }).code;
        const message =
          code === 'EADDRINUSE'
            ? `port ${port} is already in use (try --port 0 for a free one)`
            : e instanceof Error
              ? e.message
              : String(e);
        process.stderr.write(`bankpack sandbox: ${message}\n`);
        done(1);
        return;
      }
      const key = opts.apiKey ? '(the key given with --api-key)' : DEFAULT_SANDBOX_API_KEY;
      process.stdout.write(
        `Twenty sandbox listening on ${sandbox.url}\n` +
          `  metadata API: ${sandbox.url}/metadata\n  records API:  ${sandbox.url}/graphql\n` +
          `  API key:      ${key}\n` +
          `  user token:   ${DEFAULT_SANDBOX_USER_TOKEN} (for workflows: TWENTY_USER_TOKEN)\n` +
          (opts.state ? `  state file:   ${resolve(opts.state)}\n` : '  state:        in memory (use --state FILE to keep it)\n') +
          (opts.throttle ? "  throttle:     on (Twenty's defaults)\n" : '') +
          (opts.enterprise ? '  enterprise:   on (row-level rules taken and enforced)\n' : '') +
          'Press Ctrl-C to stop.\n',
      );
      await new Promise<void>((stop) => {
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await sandbox.close();
      process.stdout.write('sandbox stopped\n');
      done(0);
    });
}
