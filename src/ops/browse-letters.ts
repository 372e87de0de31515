// The letters ops that read the pack as it is being written: `letters list` and
// `letters preview` show templates with their problems (a template with an error is
// listed, not hidden), so they take the pack as validate read it, valid or not.
import type { PackLetters, PreviewServer } from '../letters/index.ts';
import { recordsPort } from '../records/index.ts';
import { validatePack } from '../validate/index.ts';
import { lettersModule } from './letters.ts';
import type { Workspace } from './types.ts';

export interface TemplateListing {
  id: string;
  /** Absent: the template cannot be used; `problem` says why. */
  object?: string;
  locale?: string;
  version?: string;
  description?: string;
  errors: number;
  problem?: string;
}

/** The pack's letters, as validate reads the folder (one read, the same linked model). */
async function readLetters(dir: string): Promise<PackLetters> {
  const { packLetters } = await lettersModule();
  return packLetters(await validatePack(dir));
}

/** Every letter and email template, by id. */
export async function listLetters(dir: string): Promise<TemplateListing[]> {
  const { prepareTemplate } = await lettersModule();
  const letters = await readLetters(dir);
  return [...letters.set.documents]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, def]): TemplateListing => {
      const prepared = prepareTemplate(def, letters.set, letters.catalogue);
      if (!('paths' in prepared))
        return { id, errors: prepared.problems.length, problem: prepared.problems[0]?.message ?? 'see bankpack validate' };
      return {
        id,
        object: prepared.meta.object,
        locale: prepared.meta.locale,
        version: prepared.version,
        ...(prepared.meta.description ? { description: prepared.meta.description } : {}),
        errors: prepared.problems.filter((p) => p.severity === 'error').length,
      };
    });
}

export interface PreviewLettersInput {
  dir: string;
  workspace: Workspace;
  /** Recipients listed per template. */
  limit: number;
  /** The letters' date, YYYY-MM-DD (default: today in Asia/Shanghai). */
  date?: string;
  port: number;
}

/** The preview server on 127.0.0.1; it validates the folder again on each page load, so an edited template shows as saved. */
export async function previewLetters(input: PreviewLettersInput): Promise<PreviewServer> {
  const { startPreview, todayIn } = await lettersModule();
  return startPreview({
    loadLetters: () => readLetters(input.dir),
    records: recordsPort(input.workspace.client),
    limit: input.limit,
    today: input.date ?? todayIn(),
    port: input.port,
  });
}
