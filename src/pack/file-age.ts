// Which of two pack files is the newer one, to blame for a clash between them: the one not in
// git's HEAD when the pack is a repository, else the one modified later. The older one's ids
// may already be deployed; the admin must never be told to change those.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';

function inHead(root: string, file: string): boolean | undefined {
  try {
    execFileSync('git', ['-C', root, 'rev-parse', '--verify', '-q', 'HEAD'], { stdio: 'ignore' });
  } catch {
    return undefined; // not a repository, or no commit yet
  }
  try {
    execFileSync('git', ['-C', root, 'cat-file', '-e', `HEAD:./${file}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const mtime = (root: string, file: string): number => {
  try {
    return statSync(join(root, file)).mtimeMs;
  } catch {
    return 0;
  }
};

/** The newer of `a` and `b` (paths relative to `root`); `b` when they cannot be told apart. */
export function newerFile(root: string, a: string, b: string): string {
  const [ha, hb] = [inHead(root, a), inHead(root, b)];
  if (ha !== undefined && hb !== undefined && ha !== hb) return ha ? b : a;
  return mtime(root, a) > mtime(root, b) ? a : b;
}
