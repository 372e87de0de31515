// The definition hash: what decides whether a deploy needs a new version. Over the
// trigger and steps without what the server or the canvas changes on its own
// (`position`, `settings.outputSchema`: Twenty recomputes output schemas on write,
// workflow-version-step-update.workspace-service.ts enrichOutputSchema), with keys
// sorted and steps ordered by id, so the same definition always hashes the same.
// Twenty 2.45's app workflows hash {trigger, steps} the same way (versionDefinitionHash).
import { createHash } from 'node:crypto';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function canonical(value: unknown): Json {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  if (value === undefined) return null;
  return value as Json;
}

function withoutLayout(node: unknown): unknown {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const { position: _position, settings, ...rest } = node as Record<string, unknown>;
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) return { ...rest, settings };
  const { outputSchema: _outputSchema, ...keep } = settings as Record<string, unknown>;
  return { ...rest, settings: keep };
}

/** The comparable form of one step or trigger. */
export function comparable(node: unknown): string {
  return JSON.stringify(canonical(withoutLayout(node)));
}

export function definitionHash(trigger: unknown, steps: readonly unknown[]): string {
  const ordered = [...steps].map(withoutLayout).sort((a, b) => idOf(a).localeCompare(idOf(b)));
  const text = JSON.stringify(canonical({ trigger: withoutLayout(trigger), steps: ordered }));
  return createHash('sha256').update(text).digest('hex');
}

function idOf(step: unknown): string {
  return step !== null && typeof step === 'object' && typeof (step as { id?: unknown }).id === 'string' ? (step as { id: string }).id : '';
}
