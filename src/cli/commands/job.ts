// `bankpack job <name>`: run one of the pack's jobs against a Twenty workspace. Each job
// reads, decides, prints what it changes (and why), and writes only the differences.
import type { Command } from 'commander';
import type { JobName } from '../../jobs/index.ts';
import type { JobCliOptions } from '../actions/job.ts';
import { addConnectionOptions, CONNECTION_HELP } from '../connection-options.ts';
import { UsageError } from '../usage-error.ts';
import type { Complete, Done } from './types.ts';

const wholeNumber =
  (name: string, min: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} must be a whole number ≥ ${min}, not "${value}"`);
    return n;
  };

const EXAMPLES: Record<JobName, string> = {
  'assign-leads': '  $ bankpack job assign-leads --dry-run\n  $ bankpack job assign-leads --profile production',
  'compute-tiers': '  $ bankpack job compute-tiers --dry-run\n  $ bankpack job compute-tiers --json > tier-changes.json',
  'sample-surveys': '  $ bankpack job sample-surveys --dry-run\n  $ bankpack job sample-surveys --new-batch --seed 20261001',
  'score-assessments': '  $ bankpack job score-assessments --period 2026Q3\n  $ bankpack job score-assessments --period 2026 --dry-run',
  'award-bounties': '  $ bankpack job award-bounties --dry-run\n  $ bankpack job award-bounties --json',
};

/** Registers `job`; its sub-commands come from the jobs' registry, which loads the record
 *  engine, so they are added (the returned Complete) only when `job` is named. */
export function registerJob(program: Command, done: Done): Complete {
  const parent = program
    .command('job')
    .description('Run a job: assign leads, compute tiers, sample surveys, score assessments, award bounties.')
    .addHelpText('after', "\nRun `bankpack job <name> --help` for a job's options and the policy files it reads.");
  parent.exitOverride();
  return async () => {
    const { JOB_NAMES, JOB_POLICIES, JOBS } = await import('../../jobs/index.ts');
    for (const name of JOB_NAMES) {
      const cmd = parent.command(name).description(JOBS[name].summary);
      addConnectionOptions(cmd)
        .option('--dry-run', 'read and report, write nothing')
        .option('--json', 'print the report as JSON')
        .option('--page-size <n>', "records per read (default 60, Twenty's default page)", wholeNumber('--page-size', 1))
        .option('--now <iso-date>', 'run as of this moment instead of now (e.g. to replay a meeting day)');
      if (name === 'sample-surveys') {
        cmd
          .option('--batch <name>', "the batch to draw or top up (default: this quarter's latest, else its first)")
          .option('--new-batch', "start this quarter's next batch")
          .option(
            '--seed <n>',
            'the seed of the draw (default: the policy seed, else one derived from the batch name)',
            wholeNumber('--seed', 0),
          );
      }
      if (name === 'score-assessments')
        cmd.option(
          '--period <period>',
          'a quarter (2026Q3) for the qualitative assessments, a year (2026) for the quantitative ones; default: this quarter',
        );
      cmd
        .addHelpText(
          'after',
          `\nReads ${JOB_POLICIES[name].map((p) => `policies/${p}.policy.yaml`).join(', ')} (see docs/jobs.md).\n\nExamples:\n${EXAMPLES[name]}\n${CONNECTION_HELP}\n\nExit codes: 0 done, 1 a policy problem or a failed request, 2 wrong usage.`,
        )
        .exitOverride()
        .showHelpAfterError('(run with --help for usage)')
        .action(async (opts: JobCliOptions) => {
          const { runJobCommand } = await import('../actions/job.ts');
          done(await runJobCommand(name, opts));
        });
    }
  };
}
