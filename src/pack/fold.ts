// One mistake, one error, the cause first. A file that did not load, or failed its schema,
// is left out of the pack; the cross-checks then complain about everything that names what
// it defines ("no field feeIncome" in every seed row). Those knock-on problems are folded
// into one line under the file's own error ("12 more problems follow from this file; fix it
// first"), and the causes are listed before the remaining cross-check problems.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sortProblems, type Problem } from './problems.ts';

const DEFINED = /\b(?:name|nameSingular|namePlural|value)\s*:\s*["']?([A-Za-z_][\w]*)/g;

/** Names a broken file defines, read from its raw text (it may not parse). */
function namesIn(root: string, file: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(join(root, file), 'latin1');
  } catch {
    return new Set();
  }
  return new Set([...text.matchAll(DEFINED)].map((m) => m[1]!).filter((n) => n.length >= 3));
}

const mentions = (message: string, names: ReadonlySet<string>): boolean => {
  for (const word of message.match(/[A-Za-z_][\w]*/g) ?? []) if (names.has(word)) return true;
  return false;
};

/** `causes`: load and schema problems; `followOn`: cross-check problems. */
export function causeFirst(root: string, causes: Problem[], followOn: Problem[]): Problem[] {
  const broken = [...new Set(causes.filter((p) => p.severity === 'error').map((p) => p.file))];
  const names = new Map(broken.map((f) => [f, namesIn(root, f)]));
  const folded = new Map<string, number>();
  const kept: Problem[] = [];
  for (const p of followOn) {
    const source = p.severity === 'error' ? broken.find((f) => f !== p.file && mentions(p.message, names.get(f)!)) : undefined;
    if (source) folded.set(source, (folded.get(source) ?? 0) + 1);
    else kept.push(p);
  }
  const out: Problem[] = [];
  for (const p of sortProblems(causes)) {
    out.push(p);
    const n = folded.get(p.file);
    if (n && !out.some((q) => q.rule === 'knock-on' && q.file === p.file)) {
      const last = sortProblems(causes)
        .filter((c) => c.file === p.file)
        .pop()!;
      if (last === p)
        out.push({
          file: p.file,
          line: p.line,
          col: p.col,
          rule: 'knock-on',
          severity: 'error',
          message: `${n} more problem${n === 1 ? '' : 's'} follow${n === 1 ? 's' : ''} from this file; fix it first`,
        });
    }
  }
  return [...out, ...sortProblems(kept)];
}
