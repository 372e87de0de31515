// Record values: defaults from field metadata (quoted strings unquoted, `now`,
// `uuid`), composite values filled out with their sub-fields, and the fields
// that record writes are allowed to set.
import { randomUUID } from 'node:crypto';
import type { FieldMeta } from '../state/types.ts';
import { QUOTED_STRING_REGEX } from '../metadata/field-rules.ts';
import { COMPOSITE_TYPES } from './composite-types.ts';

function unquote(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const m = QUOTED_STRING_REGEX.exec(v);
  return m ? (m[1] ?? '') : v;
}

/** The value a field has when a record is created without it (or before the field existed). */
export function defaultValueOf(field: FieldMeta, now: string): unknown {
  const d = field.defaultValue;
  const composite = COMPOSITE_TYPES[field.type];
  if (composite) {
    const out: Record<string, unknown> = {};
    const given = (typeof d === 'object' && d !== null ? d : {}) as Record<string, unknown>;
    for (const s of composite.subFields) out[s.name] = s.name in given ? unquote(given[s.name]) : null;
    return out;
  }
  if (d === null || d === undefined) return null;
  if (d === 'now') return now;
  if (d === 'uuid') return randomUUID();
  if (Array.isArray(d)) return d.map(unquote);
  return unquote(d);
}

/** Merges a composite input over the stored value (unset sub-fields keep theirs). */
export function mergeComposite(field: FieldMeta, stored: unknown, input: unknown): unknown {
  const composite = COMPOSITE_TYPES[field.type];
  if (!composite || input === null) return input;
  const base = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const patch = (input ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const s of composite.subFields) out[s.name] = s.name in patch ? patch[s.name] : (base[s.name] ?? null);
  return out;
}

/** Columns a record write never sets directly (server-managed). */
export const SERVER_MANAGED = new Set(['createdAt', 'updatedAt', 'deletedAt', 'searchVector']);

export function apiActor(): Record<string, unknown> {
  // Records written with an API key are attributed to the key (source API).
  return { source: 'API', workspaceMemberId: null, name: 'API', context: {} };
}
