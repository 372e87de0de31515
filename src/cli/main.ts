// `bankpack`: one command-line tool, one sub-command per job. Exit codes:
// 0 success, 1 the job found problems or failed, 2 the command itself was misused.
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.ts';
import { UsageError } from './usage-error.ts';

export const EXIT_OK = 0;
export const EXIT_FAIL = 1;
export const EXIT_USAGE = 2;

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let code = EXIT_OK;
  const program = new Command('bankpack')
    .description("Deploy and run a bank's high-end client marketing pack on Twenty CRM.")
    .version(process.env.npm_package_version ?? '0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const complete = registerCommands(program, (c) => {
    code = c;
  });
  for (const sub of program.commands) sub.exitOverride().showHelpAfterError('(run with --help for usage)');
  try {
    // The program's only own options are --help and --version, so the first word names the
    // command (`bankpack help job` names job). Only that command's heavy details are loaded.
    const named = argv[0] === 'help' ? argv[1] : argv[0];
    if (named !== undefined) await complete.get(named)?.();
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`bankpack: ${e.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`bankpack: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_FAIL;
  }
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT_USAGE;
  }
  return code;
}
