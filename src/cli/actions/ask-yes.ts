// The one confirmation both deploy and the app sync ask before they write: only "yes" goes on.
import { createInterface } from 'node:readline/promises';
import type { Confirmation } from '../../ops/index.ts';

export async function askYes(question: string, yes: boolean): Promise<Confirmation> {
  if (yes) return 'yes';
  if (!process.stdin.isTTY) return 'cannot-ask';
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(`${question} Only "yes" is accepted: `);
  rl.close();
  return answer.trim() === 'yes' ? 'yes' : 'no';
}
