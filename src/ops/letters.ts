// What the letters ops share: the validated pack's letters, the template chosen and
// compiled, the --where parsed against its object, the letters' date. The letters
// front door is imported when an op runs, not when src/ops is: it brings Chromium's
// driver, pdf-lib and nodemailer, which plan, deploy and the jobs never need.
import type { CompiledTemplate, Filter, PackLetters } from '../letters/index.ts';
import type { ValidPack } from '../pack/index.ts';
import { failure, packOf, type OpFailure, type PackInput, type Workspace } from './types.ts';

export const lettersModule = () => import('../letters/index.ts');

/** What names the letters of one run: which template, for which records, dated when. */
export interface LettersInput extends PackInput {
  workspace: Workspace;
  /** letters/greeting, emails/launch-invitation, or just greeting. */
  template: string;
  /** The template in this locale (greeting → greeting.en). */
  locale?: string;
  /** Conditions on the template's object: 'clientTier=PLATINUM,marketingOptOut=false'. */
  where?: string;
  /** At most this many recipients. */
  limit?: number;
  /** The letters' date, YYYY-MM-DD (default: today in Asia/Shanghai). */
  date?: string;
}

export interface ChosenLetters {
  ok: true;
  pack: ValidPack;
  letters: PackLetters;
  template: CompiledTemplate;
  filter: Filter | undefined;
  today: string;
  /** The template's warnings, `file:line:col  message`. */
  warnings: string[];
}

export async function chooseLetters(input: LettersInput): Promise<ChosenLetters | OpFailure> {
  const checked = await packOf(input);
  if (!checked.ok) return checked;
  const { packLetters, chooseTemplate, parseWhere, todayIn } = await lettersModule();
  const letters = packLetters(checked);
  const chosen = chooseTemplate(letters, input.template, input.locale);
  if (!chosen.ok) return failure('letters', `template ${input.template} cannot be used (run \`bankpack validate\`)`, chosen.problems);
  const where = parseWhere(input.where, chosen.template.prepared.object, letters.catalogue);
  if (!where.ok) {
    const lines = where.problems.map((p) => `--where, column ${p.col}: ${p.message}${p.hint ? `  (${p.hint})` : ''}`);
    return failure('letters', `--where names what ${chosen.template.prepared.object.nameSingular} does not have; nothing was read`, lines);
  }
  if (input.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.date))
    return failure('letters', `--date must be YYYY-MM-DD, got "${input.date}"`);
  return {
    ok: true,
    pack: checked.pack,
    letters,
    template: chosen.template,
    filter: where.filter,
    today: input.date ?? todayIn(),
    warnings: chosen.warnings,
  };
}

/** The recipients a run reads: the filter and the limit. */
export const recipientQuery = (chosen: ChosenLetters, limit: number | undefined): { filter?: Filter; limit?: number } => ({
  ...(chosen.filter ? { filter: chosen.filter } : {}),
  ...(limit !== undefined ? { limit } : {}),
});
