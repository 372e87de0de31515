import type { Command } from 'commander';
import { resolve } from 'node:path';
import { summarizeProblems } from '../output.ts';
import { UsageError } from '../usage-error.ts';
import type { Done } from './index.ts';

interface Options {
  dir: string;
  check?: boolean;
  sourceLocale?: string;
  json?: boolean;
}

export function registerExport(program: Command, done: Done): void {
  const exportCmd = program.command('export').description('Write the pack in another tool\'s format.');
  exportCmd
    .command('twenty-app [out]')
    .description('Write the pack as a twenty-sdk application project (objects, fields, views, navigation, roles), installable with Twenty\'s own tools; --check builds it with twenty-sdk and compares the result with the pack.')
    .option('--dir <dir>', 'the pack folder', '.')
    .option('--check', 'build the export with twenty-sdk (Twenty\'s own manifest rules and a typecheck) and compare it with the pack; exit 1 if either fails')
    .option('--source-locale <locale>', 'the locale the app\'s labels are written in (default: the pack\'s defaultLocale)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ bankpack export twenty-app ./bank-app            # write the project\n  $ bankpack export twenty-app ./bank-app --check    # write it, then build it with twenty-sdk\n  $ bankpack export twenty-app --check               # CI: build in a temporary folder only\n\nExit codes: 0 exported (and, with --check, accepted by twenty-sdk), 1 the pack is invalid or twenty-sdk refused it, 2 wrong usage.',
    )
    .action(async (out: string | undefined, opts: Options) => {
      if (out === undefined && !opts.check) throw new UsageError('name the folder to write the app into, or pass --check to only build it');
      const [{ exportTwentyApp }, { formatProblem, hasErrors, validatePack }] = await Promise.all([import('../../export/index.ts'), import('../../pack/index.ts')]);
      const { valid: pack, problems } = await validatePack(resolve(opts.dir));
      if (!pack || hasErrors(problems)) {
        for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
        process.stderr.write(`${summarizeProblems(problems)}; nothing exported\n`);
        done(1);
        return;
      }
      const result = await exportTwentyApp({
        pack,
        ...(out !== undefined ? { dir: resolve(out) } : {}),
        check: opts.check === true,
        ...(opts.sourceLocale ? { sourceLocale: opts.sourceLocale } : {}),
        onProgress: (m) => process.stderr.write(`  ${m}\n`),
      });
      if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else {
        const counts = Object.entries(result.entities).map(([k, n]) => `${n} ${k.replace(/^define/, '')}`).join(', ');
        if (result.write) process.stdout.write(`wrote ${result.write.written} files to ${out} (${counts})${result.write.removed.length > 0 ? `; removed ${result.write.removed.length} that the pack no longer makes` : ''}\n`);
        if (result.collisions.length > 0) process.stdout.write(`${result.collisions.length} source text(s) needed two translations; the first was kept (listed in the export's README.md)\n`);
        if (result.check?.ok) process.stdout.write(`twenty-sdk ${result.sdkVersion} built the app and its manifest matches the pack\n`);
        else if (result.check) {
          if (result.check.error) process.stdout.write(`twenty-sdk ${result.sdkVersion} refused the app:\n${result.check.error}\n`);
          for (const d of result.check.differences) process.stdout.write(`differs: ${d}\n`);
        }
      }
      done(result.check && !result.check.ok ? 1 : 0);
    });
}
