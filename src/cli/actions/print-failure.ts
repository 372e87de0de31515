// How a command prints an op's failure: the problems found, one a line, then the cause.
import type { OpFailure } from '../../ops/index.ts';

/** Print the failure on stderr; its exit code (2 when the command was used wrongly). */
const err = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

export function printFailure(f: OpFailure): number {
  for (const line of f.details) err(line);
  err(f.reason === 'not-confirmed' ? f.message : `bankpack: ${f.message}`);
  return f.reason === 'cannot-confirm' || f.reason === 'usage' ? 2 : 1;
}
