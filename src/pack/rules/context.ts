// What every rule family receives, and the small helpers they share to build problems.
import type { LinkedPack } from '../linked-pack.ts';
import type { FieldDef, NodePath, SourceRef } from '../model.ts';
import type { PendingProblem } from '../problems.ts';
import { refOf, type FieldTarget, type NotFound, type RefIndex } from '../refs.ts';

export interface RuleContext {
  /** The pack as read, with its linked model (pack.model) and default locale. */
  pack: LinkedPack;
  /** The pack's reference index (= pack.refs). */
  refs: RefIndex;
  /**
   * What a family decoded while checking (the jobs' typed policies), by family name: a
   * pack that passes carries it as ValidPack.decoded, so nothing decodes a file twice.
   */
  decoded: Map<string, unknown>;
}

/** One family of cross-checks (names, relations, views…), registered in rules/index.ts. */
export interface RuleFamily {
  name: string;
  check(ctx: RuleContext): PendingProblem[];
}

export interface ProblemOptions {
  hint?: string | undefined;
  atKey?: boolean;
  severity?: 'warning';
}

/** A problem at `path` below an entity's own node (its file's root, or its item in an object's `fields`). */
export function problemAt(source: SourceRef, path: NodePath, rule: string, message: string, opts: ProblemOptions = {}): PendingProblem {
  return {
    file: source.file,
    path: [...source.path, ...path],
    rule,
    message,
    ...(opts.hint ? { hint: opts.hint } : {}),
    ...(opts.atKey ? { atKey: true } : {}),
    ...(opts.severity ? { severity: opts.severity } : {}),
  };
}

/** A reference that did not resolve, reported with the resolver's own words. */
export function unresolved(source: SourceRef, path: NodePath, rule: string, found: NotFound, prefix?: string): PendingProblem {
  return problemAt(source, path, rule, prefix ? `${prefix}: ${found.message}` : found.message, { hint: found.hint });
}

/** Every field the pack declares (inline, then standalone), with its target when its object resolves. */
export function packFields(ctx: RuleContext): Array<{ def: FieldDef; target: FieldTarget | undefined }> {
  const defs = [...ctx.pack.objects.flatMap((o) => o.fields), ...ctx.pack.fields];
  return defs.map((def) => ({ def, target: ctx.refs.targetOf(def) }));
}

/** `intelLead.stage` for a pack field, falling back to its bare name when its object does not resolve. */
export function fieldLabel(def: FieldDef, target: FieldTarget | undefined): string {
  return target ? refOf(target) : def.name;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
