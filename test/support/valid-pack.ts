// A test's way to a ValidPack: validate a pack folder, as every command does, and fail
// the test with validate's own words when the pack has errors.
import { formatProblem, type ValidPack } from '../../src/pack/index.ts';
import { validatePack } from '../../src/validate/index.ts';

export async function validPack(dir: string): Promise<ValidPack> {
  const { valid, problems } = await validatePack(dir);
  if (!valid)
    throw new Error(
      `the pack at ${dir} is not valid:\n${problems
        .filter((p) => p.severity === 'error')
        .map(formatProblem)
        .join('\n')}`,
    );
  return valid;
}
