import { Argument, type Command } from 'commander';
import { resolve } from 'node:path';
import type { ScaffoldKind } from '../../scaffold/index.ts';
import { UsageError } from '../usage-error.ts';
import type { Complete, Done } from './types.ts';

/** Registers `new`; the kinds it accepts come from the scaffolder (which loads the pack's
 *  validation), so they are added (the returned Complete) only when `new` is named. */
export function registerNew(program: Command, done: Done): Complete {
  const kind = new Argument('<kind>', 'what to create');
  program
    .command('new')
    .description('Write a new pack file with fresh UUIDs and the $schema line for editors.')
    .addArgument(kind)
    .argument('<name>', 'its name: an API name (intelLead) for objects and fields, words (leads-by-stage) for the others')
    .option('--dir <dir>', 'the pack folder', '.')
    .option(
      '--object <object>',
      'field, view, template: the object it belongs to; role: the first object it may read (company, standard:person, or a pack object)',
    )
    .option('--type <type>', 'field: its Twenty field type (TEXT, SELECT, NUMBER, …)', 'TEXT')
    .addHelpText(
      'after',
      `
Files are written as Twenty's SDK names them:
  objects/<name>.object.yaml  fields/<object>-<field>.field.yaml  views/<name>.view.yaml
  workflows/<name>.workflow.yaml  templates/letters/<name>.hbs  roles/<name>.role.yaml
An existing file is never overwritten.

Examples:
  $ bankpack new object clientTier
  $ bankpack new field riskLevel --object company --type SELECT
  $ bankpack new view leads-by-source --object intelLead
  $ bankpack new template tier-upgrade-notice --object company
  $ bankpack new role relationship-assistant --object intelLead

Exit codes: 0 written, 1 the file already exists, 2 wrong usage.`,
    )
    .action(async (kind: ScaffoldKind, name: string, opts: { dir: string; object?: string; type: string }) => {
      const { scaffold } = await import('../../scaffold/index.ts');
      const result = await scaffold({
        kind,
        name,
        dir: resolve(opts.dir),
        type: opts.type,
        ...(opts.object ? { object: opts.object } : {}),
      });
      if (result.ok) {
        process.stdout.write(`created ${result.relPath}\nedit it (labels, description), then run: bankpack validate\n`);
        done(0);
        return;
      }
      const text = `${result.message}${result.hint ? ` (${result.hint})` : ''}`;
      if (result.code === 2) throw new UsageError(text);
      process.stderr.write(`bankpack: ${text}\n`);
      done(1);
    });
  return async () => {
    kind.choices((await import('../../scaffold/index.ts')).SCAFFOLD_KINDS);
  };
}
