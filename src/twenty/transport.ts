// One HTTP round trip of a GraphQL request, through graphql-request, reduced to
// what the retry policy needs to know: an answer, an HTTP failure, or a network failure.
import { GraphQLClient } from 'graphql-request';
import type { GraphQLErrorShape } from './errors.ts';

export interface WireRequest {
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  headers: Record<string, string>;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export type WireOutcome =
  | { type: 'answer'; status: number; data: unknown; errors: GraphQLErrorShape[] }
  | { type: 'http-error'; status: number; retryAfter: string | null; errors: GraphQLErrorShape[]; bodySnippet: string }
  | {
      type: 'network';
      code: string;
      message: string;
      /** False only when the request certainly never reached the server (refused, DNS). */
      mayHaveReachedServer: boolean;
    };

/** Error codes that mean the connection was never made: the server cannot have seen the request. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export async function sendOnce(req: WireRequest): Promise<WireOutcome> {
  let failed: { status: number; retryAfter: string | null; body: string } | undefined;
  const baseFetch = req.fetch ?? globalThis.fetch;
  // graphql-request drops the body of a non-2xx answer; keep it, Twenty puts its errors there.
  const capturingFetch: typeof fetch = async (input, init) => {
    const res = await baseFetch(input, init);
    if (!res.ok) {
      failed = { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.clone().text() };
    }
    return res;
  };
  const client = new GraphQLClient(req.url, {
    fetch: capturingFetch,
    headers: req.headers,
    errorPolicy: 'all',
    signal: AbortSignal.timeout(req.timeoutMs),
  });
  try {
    const res = await client.rawRequest<unknown>(req.query, req.variables);
    const errors = (res.errors ?? []) as GraphQLErrorShape[];
    if (res.data === undefined && errors.length === 0) {
      return { type: 'http-error', status: res.status, retryAfter: null, errors: [], bodySnippet: 'an answer without data or errors' };
    }
    return { type: 'answer', status: res.status, data: res.data ?? null, errors };
  } catch (e) {
    if (failed) {
      return {
        type: 'http-error',
        status: failed.status,
        retryAfter: failed.retryAfter,
        errors: errorsFromBody(failed.body),
        bodySnippet: failed.body.slice(0, 200),
      };
    }
    return networkOutcome(e);
  }
}

function errorsFromBody(body: string): GraphQLErrorShape[] {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown };
    return Array.isArray(parsed.errors) ? (parsed.errors as GraphQLErrorShape[]) : [];
  } catch {
    return [];
  }
}

function networkOutcome(e: unknown): WireOutcome {
  const err = e instanceof Error ? e : new Error(String(e));
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    return { type: 'network', code: 'TIMEOUT', message: 'no answer before the timeout', mayHaveReachedServer: true };
  }
  const cause = (err as { cause?: unknown }).cause;
  const code = errorCode(cause) ?? errorCode(err) ?? 'NETWORK';
  const message = cause instanceof Error ? cause.message : err.message;
  // A JSON parse failure of a 2xx body means the body was cut or is not GraphQL: the server did see it.
  return { type: 'network', code, message, mayHaveReachedServer: !NEVER_SENT.has(code) };
}

function errorCode(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') return (e as { code: string }).code;
  return undefined;
}
