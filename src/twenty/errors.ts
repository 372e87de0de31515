// What can go wrong talking to Twenty, classified from the server's own error shape
// (`errors[].extensions.code`, packages/twenty-server/src/engine/core-modules/graphql/utils/graphql-errors.util.ts)
// into messages an admin can act on. The API key never appears in any of them.

export type TwentyErrorKind =
  | 'unauthenticated'
  | 'forbidden'
  | 'invalid-input'
  | 'not-found'
  | 'metadata-validation'
  | 'conflict'
  | 'schema-mismatch'
  | 'throttled'
  | 'server-error'
  | 'network'
  /** A write was sent but its answer was lost: it may or may not have taken effect. Verify before retrying. */
  | 'outcome-unknown'
  | 'unsupported-server'
  | 'bad-response';

export interface GraphQLErrorShape {
  message?: string;
  extensions?: Record<string, unknown>;
  path?: ReadonlyArray<string | number>;
}

export class TwentyError extends Error {
  readonly kind: TwentyErrorKind;
  /** The operation that failed, e.g. `createOneField intelLead.stage`. */
  readonly operation: string;
  readonly status?: number;
  /** Twenty's `extensions.code`, when it sent one. */
  readonly code?: string;
  /** Every individual complaint (METADATA_VALIDATION_FAILED lists several). */
  readonly details: string[];
  readonly hint?: string;
  /** For throttling: how long the server asked us to wait. */
  readonly retryAfterMs?: number;

  constructor(init: {
    kind: TwentyErrorKind;
    operation: string;
    message: string;
    status?: number;
    code?: string;
    details?: string[];
    hint?: string;
    retryAfterMs?: number;
  }) {
    super(init.message);
    this.name = 'TwentyError';
    this.kind = init.kind;
    this.operation = init.operation;
    this.details = init.details ?? [];
    if (init.status !== undefined) this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    if (init.hint !== undefined) this.hint = init.hint;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }

  /** One line for the terminal: `createOneField intelLead.stage: message (hint)`. */
  describe(): string {
    const details = this.details.filter((d) => d !== this.message);
    const body = details.length > 0 ? `${this.message}: ${details.join('; ')}` : this.message;
    return `${this.operation}: ${body}${this.hint ? `  (${this.hint})` : ''}`;
  }
}

export function isTwentyError(e: unknown): e is TwentyError {
  return e instanceof TwentyError;
}

/**
 * Twenty's API-key throttle: `ThrottlerException("Limit reached (100 tokens per 60000 ms)")`, wrapped as a
 * UserInputError (packages/twenty-server/src/engine/core-modules/throttler/throttler.service.ts,
 * utils/throttler-to-graphql-api-exception-handler.util.ts @41d2425), so match the message, not the code.
 */
const THROTTLE = /Limit reached \((\d+) tokens per (\d+) ms\)/;

/** Milliseconds until one token is back in Twenty's bucket, from its throttle message; undefined if it is not one. */
export function throttleWaitMs(message: string): number | undefined {
  const m = THROTTLE.exec(message);
  if (!m) return /limit reached/i.test(message) ? 1000 : undefined;
  const tokens = Number(m[1]);
  const windowMs = Number(m[2]);
  return tokens > 0 ? Math.ceil(windowMs / tokens) : 1000;
}

/** The server's own limit in requests per minute, from its throttle message. */
export function throttleRatePerMinute(message: string): number | undefined {
  const m = THROTTLE.exec(message);
  if (!m) return undefined;
  const tokens = Number(m[1]);
  const windowMs = Number(m[2]);
  return windowMs > 0 ? (tokens * 60_000) / windowMs : undefined;
}

const KEY_HINT = 'check TWENTY_API_KEY or --api-key-file: the key may be wrong, revoked or expired (Settings → APIs & Webhooks)';

/** Turn the `errors` of a GraphQL answer into one classified error. */
export function classifyGraphQLErrors(errors: readonly GraphQLErrorShape[], operation: string, status?: number): TwentyError {
  const first = errors[0] ?? {};
  const message = first.message ?? 'unknown error';
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : undefined;
  const base = { operation, ...(status !== undefined ? { status } : {}), ...(code ? { code } : {}) };
  const friendly = (e: GraphQLErrorShape): string => {
    const f = e.extensions?.userFriendlyMessage;
    return typeof f === 'string' && f.trim() !== '' ? f : (e.message ?? '');
  };

  const wait = throttleWaitMs(message);
  if (wait !== undefined) {
    return new TwentyError({
      ...base,
      kind: 'throttled',
      message: `Twenty's rate limit was reached (${message})`,
      retryAfterMs: wait,
      hint: 'lower --rate-limit, or raise API_RATE_LIMITING_LONG_LIMIT on a self-hosted server',
    });
  }
  switch (code) {
    case 'UNAUTHENTICATED':
      return new TwentyError({ ...base, kind: 'unauthenticated', message: `Twenty refused the API key (${message})`, hint: KEY_HINT });
    case 'FORBIDDEN':
      return new TwentyError({
        ...base,
        kind: 'forbidden',
        message: `the API key is not allowed to do this: ${friendly(first)}`,
        hint: "give the key's role the Data Model permission (Settings → Members → Roles → Assignment → API keys)",
      });
    case 'NOT_FOUND':
      return new TwentyError({ ...base, kind: 'not-found', message: friendly(first) });
    case 'CONFLICT':
      return new TwentyError({
        ...base,
        kind: 'conflict',
        message: friendly(first),
        hint: 'run `bankpack plan` to see what already exists',
      });
    case 'METADATA_VALIDATION_FAILED':
      return new TwentyError({
        ...base,
        kind: 'metadata-validation',
        message: `Twenty rejected the change: ${friendly(first)}`,
        details: metadataValidationDetails(first.extensions),
      });
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'GRAPHQL_PARSE_FAILED':
      return new TwentyError({
        ...base,
        kind: 'schema-mismatch',
        message: `the server does not understand this request: ${message}`,
        details: errors.slice(1).map((e) => e.message ?? ''),
        hint: 'the server may not be a Twenty 2.x that bankpack supports; run `bankpack plan` to see what it reports',
      });
    case 'BAD_USER_INPUT':
      return new TwentyError({
        ...base,
        kind: 'invalid-input',
        message: `Twenty rejected the input: ${friendly(first)}`,
        details: errors.slice(1).map(friendly),
      });
    case 'INTERNAL_SERVER_ERROR':
      return new TwentyError({
        ...base,
        kind: 'server-error',
        message: `Twenty failed internally: ${message}`,
        hint: 'run the command again; if it persists, check the server logs',
      });
    default:
      if (status === 401 || /unauthori[sz]ed/i.test(message)) {
        return new TwentyError({ ...base, kind: 'unauthenticated', message: `Twenty refused the API key (${message})`, hint: KEY_HINT });
      }
      return new TwentyError({ ...base, kind: 'invalid-input', message, details: errors.slice(1).map(friendly) });
  }
}

/**
 * `extensions.errors` of METADATA_VALIDATION_FAILED is keyed by metadata name, each with an `errors` list of
 * `{ code, message, userFriendlyMessage }`; the exact shape varies across versions, so read it defensively.
 */
export function metadataValidationDetails(extensions: Record<string, unknown> | undefined): string[] {
  const out: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const rec = value as Record<string, unknown>;
    const text = rec.userFriendlyMessage ?? rec.message;
    if (typeof text === 'string' && (typeof rec.code === 'string' || depth > 0)) {
      out.push(typeof rec.code === 'string' ? `${text} [${rec.code}]` : text);
      return;
    }
    for (const v of Object.values(rec)) visit(v, depth + 1);
  };
  visit(extensions?.errors, 0);
  return [...new Set(out)];
}

/** Remove every occurrence of the secret (and of `Bearer <secret>`) from a text. */
export function redact(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('[redacted]');
}
