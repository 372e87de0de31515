// A write whose answer was lost is never repeated blindly: first read the
// workspace and check whether it took effect; only if it did not, send it again.
import { isTwentyError, TwentyError } from '../twenty/index.ts';

export interface SafeWriteOptions<T> {
  /** Send the write once. */
  write: () => Promise<T>;
  /** Read the workspace: the result if the write took effect, undefined if it did not. */
  verify: () => Promise<T | undefined>;
  /** Called when an answer was lost, for the progress output. */
  onLost?: (attempt: number) => void;
  attempts?: number;
}

export async function safeWrite<T>(options: SafeWriteOptions<T>): Promise<T> {
  const attempts = options.attempts ?? 3;
  let last: TwentyError | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await options.write();
    } catch (e) {
      if (!isTwentyError(e) || e.kind !== 'outcome-unknown') throw e;
      last = e;
      options.onLost?.(attempt);
      const found = await options.verify();
      if (found !== undefined) return found;
    }
  }
  throw last ?? new Error('write failed');
}

/**
 * Updates set absolute values: sending one again after a lost answer has the same
 * effect as sending it once, so the check is the write itself.
 */
export function idempotentWrite<T>(write: () => Promise<T>, onLost?: (attempt: number) => void): Promise<T> {
  return safeWrite({ write, verify: async () => undefined, ...(onLost ? { onLost } : {}) });
}
