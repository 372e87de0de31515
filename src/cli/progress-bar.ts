// A one-line progress bar on a terminal (stderr), redrawn at most ten times a
// second; nothing at all when the output is a file or a pipe.
import type { LettersProgress as Progress } from '../letters/index.ts';

export function progressBar(what: string, stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now): Progress {
  if (!stream.isTTY) return { tick: () => undefined, setTotal: () => undefined, done: () => undefined };
  let count = 0;
  let total: number | undefined;
  let last = 0;
  const width = 28;
  const draw = (label = ''): void => {
    const cols = stream.columns ?? 80;
    const bar = total ? `[${'#'.repeat(Math.round((width * count) / Math.max(total, 1))).padEnd(width, ' ')}] ` : '';
    const line = `${bar}${count}${total ? `/${total}` : ''} ${what} ${label}`;
    stream.write(`\r${line.slice(0, cols - 1).padEnd(Math.min(cols - 1, line.length + 2), ' ')}`);
  };
  return {
    tick(label) {
      count++;
      const t = now();
      if (t - last >= 100 || count === total) {
        last = t;
        draw(label);
      }
    },
    setTotal(n) {
      total = n;
    },
    done() {
      draw();
      stream.write('\n');
    },
  };
}
