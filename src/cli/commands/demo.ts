// `bankpack demo` (what `npm start` runs): the whole mechanism end to end on the embedded
// Twenty sandbox. Progress on stderr, one line per step; the summary on stdout.
import type { Command } from 'commander';
import type { Done } from './types.ts';

interface DemoCliOptions {
  dir: string;
  state: string;
  out: string;
  fresh?: boolean;
  asApp?: boolean;
  pdf: boolean;
  json?: boolean;
}

export function registerDemo(program: Command, done: Done): void {
  program
    .command('demo')
    .description('Run the whole pack on a local Twenty sandbox: validate, deploy, demo data, the five jobs, letters and emails.')
    .option('--dir <dir>', 'the pack folder', '.')
    .option('--state <dir>', 'keep the sandbox workspace and send log in <dir>/demo/ (relative to the pack folder)', '.bankpack')
    .option('--out <dir>', 'where letters, caught emails and job reports go (relative to the pack folder)', 'out')
    .option('--fresh', "forget the last run's workspace and send log first")
    .option(
      '--as-app',
      'install the schema as a Twenty app through syncApplication first (its own workspace, .bankpack/demo-app/), then the rest as usual',
    )
    .option('--no-pdf', 'HTML letters only, even where Chromium is installed')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ npm start                      # the same as: bankpack demo\n  $ bankpack demo --fresh --no-pdf\n  $ bankpack demo --json > demo.json\n\n' +
        'Nothing leaves the machine: the sandbox and the SMTP catcher listen on 127.0.0.1 and stop at the end.\n' +
        'A second run on the same state changes nothing and sends no email twice.\nExit codes: 0 every step worked, 1 a step failed (see the summary).',
    )
    .action(async (opts: DemoCliOptions) => {
      const { demoOptions, renderDemoSummary, runDemo } = await import('../../demo/index.ts');
      const options = demoOptions({
        dir: opts.dir,
        state: opts.state,
        out: opts.out,
        fresh: opts.fresh === true,
        pdf: opts.pdf,
        asApp: opts.asApp === true,
      });
      const progress = (line: string): void => {
        process.stderr.write(`${line}\n`);
      };
      progress(
        `bankpack demo: the pack in ${options.dir} on the embedded Twenty sandbox${options.fresh ? ' (fresh workspace)' : ''}${options.asApp ? ', the schema installed as a Twenty app' : ''}`,
      );
      const summary = await runDemo(options, progress);
      process.stdout.write(opts.json ? `${JSON.stringify(summary, null, 2)}\n` : `\n${renderDemoSummary(summary)}`);
      done(summary.ok ? 0 : 1);
    });
}
