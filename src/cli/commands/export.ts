import type { Command } from 'commander';
import type { ExportCliOptions } from '../actions/export.ts';
import { UsageError } from '../usage-error.ts';
import type { Done } from './types.ts';

export function registerExport(program: Command, done: Done): void {
  const exportCmd = program.command('export').description("Write the pack in another tool's format.");
  exportCmd
    .command('twenty-app [out]')
    .description(
      "Write the pack as a twenty-sdk application project (objects, fields, views, navigation, roles), installable with Twenty's own tools; --check builds it with twenty-sdk and compares the result with the pack.",
    )
    .option('--dir <dir>', 'the pack folder', '.')
    .option(
      '--check',
      "build the export with twenty-sdk (Twenty's own manifest rules and a typecheck) and compare it with the pack; exit 1 if either fails",
    )
    .option('--source-locale <locale>', "the locale the app's labels are written in (default: the pack's defaultLocale)")
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ bankpack export twenty-app ./bank-app            # write the project\n  $ bankpack export twenty-app ./bank-app --check    # write it, then build it with twenty-sdk\n  $ bankpack export twenty-app --check               # CI: build in a temporary folder only\n\nExit codes: 0 exported (and, with --check, accepted by twenty-sdk), 1 the pack is invalid or twenty-sdk refused it, 2 wrong usage.',
    )
    .action(async (out: string | undefined, opts: ExportCliOptions) => {
      if (out === undefined && !opts.check) throw new UsageError('name the folder to write the app into, or pass --check to only build it');
      const { runExport } = await import('../actions/export.ts');
      done(await runExport(out, opts));
    });
}
