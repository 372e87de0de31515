import type { Command } from 'commander';
import { resolve } from 'node:path';
import { summarizeProblems } from '../output.ts';
import type { Done } from './types.ts';

export function registerValidate(program: Command, done: Done): void {
  program
    .command('validate')
    .description("Check every pack file: YAML syntax, JSON Schema, and cross-checks against Twenty's rules.")
    .option('--dir <dir>', 'the pack folder', '.')
    .option('--json', 'print the problems as a JSON array')
    .addHelpText(
      'after',
      '\nExamples:\n  $ bankpack validate\n  $ bankpack validate --dir ./my-pack --json\n\nExit codes: 0 valid, 1 problems found, 2 wrong usage.',
    )
    .action(async (opts: { dir: string; json?: boolean }) => {
      const [{ formatProblem, hasErrors }, { validatePack }] = await Promise.all([
        import('../../pack/index.ts'),
        import('../../validate/index.ts'),
      ]);
      const { problems } = await validatePack(resolve(opts.dir));
      if (opts.json) process.stdout.write(`${JSON.stringify(problems, null, 2)}\n`);
      else {
        for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
        process.stdout.write(`${summarizeProblems(problems)}\n`);
      }
      done(hasErrors(problems) ? 1 : 0);
    });
}
