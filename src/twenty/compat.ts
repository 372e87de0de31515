// One introspection read at the start: is this a Twenty 2.x whose /metadata API
// bankpack speaks? The markers come from the 2.43.0 SDL (twenty-client-sdk
// dist/metadata/generated/schema.d.ts) and the version table of
// ../shared/twenty/metadata-api.md §9: views lost their `Core` prefix in 2.x, and
// relations became RELATION fields (no more createOneRelation).
import type { TwentyClient } from './client.ts';
import { isTwentyError, TwentyError } from './errors.ts';

/** Operations the deploy uses: all must exist. */
export const REQUIRED_OPERATIONS = [
  'objects',
  'getViews',
  'createOneObject',
  'updateOneObject',
  'createOneField',
  'updateOneField',
  'deleteOneField',
  'createView',
  'createManyViewFields',
  'createManyViewGroups',
] as const;

/** Operations whose presence means an older Twenty this version does not speak. */
export const LEGACY_OPERATIONS: Readonly<Record<string, string>> = {
  createCoreView: 'a Twenty 1.x ("core view" era): views are created with createCoreView there',
  createOneRelation: 'a Twenty before the RELATION field type (pre-1.0): relations are created with createOneRelation there',
};

/** Optional operations: used when present, worked around when not. */
export const OPTIONAL_OPERATIONS = ['updateManyObjects', 'objectRecordCounts', 'updateManyViewGroups', 'createViewSort'] as const;

export interface ServerCapabilities {
  ok: boolean;
  /** What was found, in words, when not ok. */
  problem?: string;
  hint?: string;
  /** Introspection was refused: carry on and let the first real request tell. */
  unchecked?: boolean;
  has: (operation: string) => boolean;
  /** Every query and mutation the server offers (absent when unchecked): what a saved plan keeps of the check. */
  operations?: readonly string[];
}

const INTROSPECT = /* GraphQL */ `
  query BankpackIntrospect {
    __schema {
      queryType {
        fields {
          name
        }
      }
      mutationType {
        fields {
          name
        }
      }
    }
  }
`;

interface IntrospectionAnswer {
  __schema: { queryType: { fields: Array<{ name: string }> } | null; mutationType: { fields: Array<{ name: string }> } | null };
}

/** Pure: judge an introspection answer. */
export function judgeCapabilities(queryNames: readonly string[], mutationNames: readonly string[]): ServerCapabilities {
  const names = new Set([...queryNames, ...mutationNames]);
  const has = (op: string): boolean => names.has(op);
  const operations = [...names].sort();
  const legacy = Object.entries(LEGACY_OPERATIONS).find(([op]) => names.has(op));
  const missing = REQUIRED_OPERATIONS.filter((op) => !names.has(op));
  if (!names.has('objects') && !names.has('createOneObject')) {
    return {
      ok: false,
      has,
      operations,
      problem: 'this is not a Twenty metadata API (no `objects` query, no `createOneObject` mutation)',
      hint: 'give the base URL of the Twenty server, e.g. https://crm.example.com',
    };
  }
  if (legacy) {
    return {
      ok: false,
      has,
      operations,
      problem: `the server looks like ${legacy[1]}; bankpack supports Twenty 2.x (it has ${legacy[0]})`,
      hint: 'upgrade the Twenty server to 2.40 or later',
    };
  }
  if (missing.length > 0) {
    return {
      ok: false,
      has,
      operations,
      problem: `the server's metadata API lacks ${missing.join(', ')}, which bankpack needs; it is not a Twenty 2.x this version supports`,
      hint: 'upgrade the Twenty server to 2.40 or later',
    };
  }
  return { ok: true, has, operations };
}

/** What a saved plan keeps of the server check: the operations, or that introspection was refused. */
export type SavedCapabilities = { unchecked: true } | { operations: string[] };

export function saveCapabilities(caps: ServerCapabilities): SavedCapabilities {
  return caps.unchecked || !caps.operations ? { unchecked: true } : { operations: [...caps.operations] };
}

export function restoreCapabilities(saved: SavedCapabilities): ServerCapabilities {
  return 'unchecked' in saved ? { ok: true, unchecked: true, has: () => true } : judgeCapabilities(saved.operations, []);
}

/** Read the server's schema once and judge it. Network and auth errors are thrown to the caller. */
export async function checkServer(client: TwentyClient): Promise<ServerCapabilities> {
  try {
    const data = await client.metadata<IntrospectionAnswer>(INTROSPECT, undefined, { operation: 'read the server schema', kind: 'schema' });
    const q = data.__schema.queryType?.fields.map((f) => f.name) ?? [];
    const m = data.__schema.mutationType?.fields.map((f) => f.name) ?? [];
    return judgeCapabilities(q, m);
  } catch (e) {
    // Production servers may turn introspection off; that is not a reason to stop.
    if (isTwentyError(e) && (e.kind === 'schema-mismatch' || (e.kind === 'invalid-input' && /introspection/i.test(e.message)))) {
      return { ok: true, unchecked: true, has: () => true };
    }
    throw e;
  }
}

export function unsupportedServerError(caps: ServerCapabilities, url: string): TwentyError {
  return new TwentyError({
    kind: 'unsupported-server',
    operation: `check the server at ${url}`,
    message: caps.problem ?? 'unsupported server',
    ...(caps.hint ? { hint: caps.hint } : {}),
  });
}
