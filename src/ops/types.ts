// What every op shares: the workspace it acts on, how it reports progress, and how it
// fails. Ops never print and never exit: a failure is a value the command prints.
import { resolve } from 'node:path';
import { formatProblem, hasErrors, type PackFile, type PendingProblem, type Problem, type ValidPack } from '../pack/index.ts';
import { validatePack } from '../validate/index.ts';
import { isTwentyError, type TwentyClient } from '../twenty/index.ts';

/** One progress line (the CLI writes it to stderr; the demo folds it into its step line). */
export type Progress = (line: string) => void;

export const silent: Progress = () => undefined;

/** The workspace an op talks to: the API-key client and, for workflows, a user session. */
export interface Workspace {
  client: TwentyClient;
  userClient?: TwentyClient;
}

export type FailureReason =
  | 'invalid-pack'
  | 'unresolved-references'
  | 'workspace'
  | 'conflicts'
  | 'not-confirmed'
  | 'cannot-confirm'
  | 'bad-plan-file'
  | 'other-workspace'
  | 'stale-plan'
  | 'apply'
  | 'invalid-policy'
  | 'usage'
  | 'seed'
  | 'file'
  | 'letters'
  | 'app-build';

export interface OpFailure {
  ok: false;
  reason: FailureReason;
  /** One sentence, the cause first. */
  message: string;
  /** Lines before it: each problem found, `file:line:col  message  (hint)`. */
  details: string[];
}

export const failure = (reason: FailureReason, message: string, details: string[] = []): OpFailure => ({
  ok: false,
  reason,
  message,
  details,
});

/** An error thrown while talking to Twenty, as a value; never the key (the client scrubs it). */
export function workspaceFailure(e: unknown): OpFailure {
  return failure('workspace', isTwentyError(e) ? e.describe() : e instanceof Error ? e.message : String(e));
}

export type Validated = { ok: true; pack: ValidPack; files: PackFile[]; problems: Problem[] } | OpFailure;

/** Validate the pack; its errors as a failure, `nothing` said to have happened. */
export async function validated(dir: string, nothing = 'nothing was sent to Twenty'): Promise<Validated> {
  const { valid: pack, files, problems } = await validatePack(dir);
  if (!pack || hasErrors(problems)) {
    const errors = problems.filter((p) => p.severity === 'error').length;
    return failure('invalid-pack', `the pack has ${errors} error(s); ${nothing} (run \`bankpack validate\`)`, problems.map(formatProblem));
  }
  return { ok: true, pack, files, problems };
}

/** The pack an op acts on: the folder validated, or the pack its caller validated already (the demo). */
export interface PackInput {
  dir: string;
  pack?: { pack: ValidPack; files: readonly PackFile[] };
}

export async function packOf(
  input: PackInput,
  nothing?: string,
): Promise<Validated | { ok: true; pack: ValidPack; files: readonly PackFile[] }> {
  return input.pack ? { ok: true, ...input.pack } : validated(resolve(input.dir), nothing);
}

export function referenceFailure(problems: readonly PendingProblem[]): OpFailure {
  return failure(
    'unresolved-references',
    `deploy cannot resolve ${problems.length} reference(s) of the pack; nothing was sent`,
    problems.map((p) => `${p.file}  ${p.message}${p.hint ? `  (${p.hint})` : ''}`),
  );
}
