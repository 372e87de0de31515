// What `letters render`, `send` and `preview` share on the command line: the pack's
// templates loaded, the template chosen, the --where parsed, the client connected.
import { resolve } from 'node:path';
import type { ConnectionCliOptions } from '../deploy/cli-support.ts';
import type { TwentyClient } from '../twenty/client.ts';
import type { CompiledTemplate } from './compile.ts';
import { chooseTemplate, loadPackLetters, todayIn, type PackLetters } from './setup.ts';
import { parseWhere, type Filter } from './where.ts';

export type Connect = (opts: ConnectionCliOptions) => Promise<{ client: TwentyClient } | undefined>;

export const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
export const complain = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

export interface LetterRun {
  letters: PackLetters;
  template: CompiledTemplate;
  filter: Filter | undefined;
  today: string;
}

/** Template, filter and date from the options; prints the problems and returns undefined when one is wrong. */
export async function prepareRun(opts: ConnectionCliOptions & { template: string; where?: string; locale?: string; date?: string }): Promise<LetterRun | undefined> {
  const letters = await loadPackLetters(resolve(opts.dir));
  const chosen = chooseTemplate(letters, opts.template, opts.locale);
  if (!chosen.ok) {
    for (const p of chosen.problems) complain(p);
    complain(`bankpack: template ${opts.template} cannot be used (run \`bankpack validate\`)`);
    return undefined;
  }
  for (const w of chosen.warnings) complain(w);
  const where = parseWhere(opts.where, chosen.template.prepared.object, letters.catalogue);
  if (!where.ok) {
    for (const p of where.problems) complain(`--where, column ${p.col}: ${p.message}${p.hint ? `  (${p.hint})` : ''}`);
    return undefined;
  }
  if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) {
    complain(`--date must be YYYY-MM-DD, got "${opts.date}"`);
    return undefined;
  }
  return { letters, template: chosen.template, filter: where.filter, today: opts.date ?? todayIn() };
}
