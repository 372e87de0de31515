// The Twenty client: the only network I/O of the engine. It authenticates, paces
// itself under Twenty's throttle, retries what is safe to retry, and refuses to
// blindly repeat a write whose answer was lost (that is the caller's decision,
// after it has checked whether the write took effect).
import { fullJitterDelay, parseRetryAfter, type BackoffOptions, DEFAULT_BACKOFF } from './backoff.ts';
import { throttleCost, type Caller } from './cost.ts';
import { RequestCounter, type Endpoint } from './counter.ts';
import { classifyGraphQLErrors, redact, throttleRatePerMinute, TwentyError, type GraphQLErrorShape } from './errors.ts';
import { createLimiter, type Limiter } from './limit.ts';
import { DEFAULT_PACING, realClock, TokenBucket, type Clock, type PacingOptions } from './pacing.ts';
import { sendOnce, type WireOutcome } from './transport.ts';

/**
 * Independent writes in flight at once. Twenty runs every metadata write as a
 * workspace migration in one transaction against its cached metadata maps, with
 * `lock_timeout = 8s` and, on newer servers, a per-workspace schema-migration lock
 * that makes a second concurrent DDL change fail with "Another schema migration is
 * already running" (workspace-migration-runner.service.ts @03e415d,
 * workspace-schema-migration-lock.service.ts @0a280a9). So the deploy sends object
 * and field changes one at a time, and only runs views and records concurrently.
 * Four keeps well inside the server's database pool and Twenty's short throttle
 * window (100 per second), while cutting wall time on a high-latency link.
 */
export const DEFAULT_CONCURRENCY = 4;

export interface TwentyClientOptions {
  /** Base URL of the workspace server, e.g. `https://crm.example.com` (no `/graphql`). */
  url: string;
  apiKey: string;
  /** Whom the token authenticates: Twenty throttles API keys, never user sessions (default apiKey). */
  caller?: Caller;
  pacing?: PacingOptions;
  /** The workspace's pacing budget, shared by every client of the workspace (default: a budget of this client's own). */
  budget?: TokenBucket;
  /** A counter shared with the workspace's other clients, so that a command reports every request it sent. */
  counter?: RequestCounter;
  concurrency?: number;
  /** Attempts after the first, for what is safe to retry. */
  maxRetries?: number;
  timeoutMs?: number;
  backoff?: BackoffOptions;
  clock?: Clock;
  random?: () => number;
  fetch?: typeof fetch;
  /** Called before each retry, for progress output (never includes the key). */
  onRetry?: (info: { operation: string; attempt: number; delayMs: number; reason: string }) => void;
}

export interface RequestOptions {
  /** What this request does, in the admin's words, e.g. `create field intelLead.stage`. */
  operation: string;
  /** A write changes the workspace: never repeated blindly once it may have reached the server. */
  write?: boolean;
  /** The kind of read, for the request counter (`metadata`, `views`, `records:branch`, …). */
  kind?: string;
  /** Ask Twenty for labels in this locale (`x-locale`), to read translations back. */
  locale?: string;
  /** Override the client's retry count (0 for an optional probe that has a fallback). */
  maxRetries?: number;
}

/** A read the server answered, as sent: a saved plan replays its reads to see whether the workspace moved. */
export interface AnsweredRead {
  endpoint: Endpoint;
  query: string;
  variables?: Record<string, unknown>;
  operation: string;
  kind?: string;
  locale?: string;
  data: unknown;
}

export class TwentyClient {
  readonly counter: RequestCounter;
  private readonly readListeners = new Set<(read: AnsweredRead) => void>();
  readonly limit: Limiter;
  readonly concurrency: number;
  private readonly bucket: TokenBucket;
  private readonly baseUrl: string;

  constructor(private readonly options: TwentyClientOptions) {
    this.baseUrl = options.url.replace(/\/+$/, '');
    this.bucket = options.budget ?? new TokenBucket(options.pacing ?? DEFAULT_PACING, options.clock ?? realClock);
    this.counter = options.counter ?? new RequestCounter();
    this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    this.limit = createLimiter(this.concurrency);
  }

  get url(): string {
    return this.baseUrl;
  }

  /** The pacing budget, to share with another client of the same workspace. */
  get budget(): TokenBucket {
    return this.bucket;
  }

  /** Be told of every read answered from now on, until the returned function is called. */
  onRead(listener: (read: AnsweredRead) => void): () => void {
    this.readListeners.add(listener);
    return () => this.readListeners.delete(listener);
  }

  metadata<T>(query: string, variables: Record<string, unknown> | undefined, opts: RequestOptions): Promise<T> {
    return this.request<T>('metadata', query, variables, opts);
  }

  core<T>(query: string, variables: Record<string, unknown> | undefined, opts: RequestOptions): Promise<T> {
    return this.request<T>('core', query, variables, opts);
  }

  /** Send one request; resolves to its `data`, or throws a classified `TwentyError`. */
  async request<T>(endpoint: Endpoint, query: string, variables: Record<string, unknown> | undefined, opts: RequestOptions): Promise<T> {
    const maxRetries = opts.maxRetries ?? this.options.maxRetries ?? 5;
    const clock = this.options.clock ?? realClock;
    const url = `${this.baseUrl}/${endpoint === 'metadata' ? 'metadata' : 'graphql'}`;
    // application/json: Yoga then answers validation errors with HTTP 200 and a body, not a bare 400.
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${this.options.apiKey.replace(/^Bearer\s+/i, '')}`,
    };
    if (opts.locale) headers['x-locale'] = opts.locale;

    const cost = throttleCost(endpoint, this.options.caller ?? 'apiKey', query);
    for (let attempt = 0; ; attempt++) {
      await this.bucket.take(cost);
      this.counter.sent(endpoint, opts.write === true, opts.kind);
      // The bound applies to requests in flight, never to steps: a step waiting on its own requests holds no slot.
      const outcome = await this.limit(() =>
        sendOnce({ url, query, variables, headers, timeoutMs: this.options.timeoutMs ?? 60_000, fetch: this.options.fetch }),
      );
      const verdict = this.judge(outcome, endpoint, opts);
      if (verdict.type === 'done') {
        if (!opts.write)
          this.tellReaders({
            endpoint,
            query,
            ...(variables ? { variables } : {}),
            operation: opts.operation,
            ...(opts.kind ? { kind: opts.kind } : {}),
            ...(opts.locale ? { locale: opts.locale } : {}),
            data: verdict.data,
          });
        return verdict.data as T;
      }
      const throttled = verdict.type === 'retry' && verdict.error.kind === 'throttled';
      // Being throttled is safe to retry (nothing ran), and pacing now follows the server: allow more tries.
      if (verdict.type === 'fail' || attempt >= (throttled ? maxRetries * 4 : maxRetries)) throw this.scrub(verdict.error);
      const jitter = fullJitterDelay(attempt, this.options.backoff ?? DEFAULT_BACKOFF, this.options.random);
      const delayMs = verdict.waitMs !== undefined ? verdict.waitMs + (throttled ? Math.min(jitter, verdict.waitMs) : 0) : jitter;
      if (throttled) {
        this.counter.throttledOnce();
        const serverRate = throttleRatePerMinute(verdict.error.message);
        if (serverRate !== undefined) this.bucket.slowTo(serverRate);
        this.bucket.pause(delayMs);
      }
      this.counter.retried();
      this.options.onRetry?.({ operation: opts.operation, attempt: attempt + 1, delayMs, reason: this.scrub(verdict.error).message });
      await clock.sleep(delayMs);
    }
  }

  private tellReaders(read: AnsweredRead): void {
    for (const listener of this.readListeners) listener(read);
  }

  /** Decide: done, retry (safe), or fail (including "outcome unknown" for a write). */
  private judge(
    outcome: WireOutcome,
    endpoint: Endpoint,
    opts: RequestOptions,
  ): { type: 'done'; data: unknown } | { type: 'retry'; error: TwentyError; waitMs?: number } | { type: 'fail'; error: TwentyError } {
    const operation = opts.operation;
    const write = opts.write === true;
    const lost = (reason: string, status?: number): { type: 'fail'; error: TwentyError } => ({
      type: 'fail',
      error: new TwentyError({
        kind: 'outcome-unknown',
        operation,
        message: `the answer was lost (${reason}); the change may or may not have been made`,
        hint: 'bankpack checks the workspace before trying again; running the command again is safe',
        ...(status !== undefined ? { status } : {}),
      }),
    });

    if (outcome.type === 'network') {
      const error = new TwentyError({
        kind: 'network',
        operation,
        code: outcome.code,
        message: `could not reach Twenty at ${this.baseUrl} (${outcome.code}: ${outcome.message})`,
        hint: 'check --url / TWENTY_URL and that the server is running',
      });
      if (write && outcome.mayHaveReachedServer) return lost(outcome.code);
      return { type: 'retry', error };
    }

    if (outcome.type === 'http-error') {
      const { status } = outcome;
      if (status === 429) {
        const error = new TwentyError({ kind: 'throttled', operation, status, message: "Twenty's rate limit was reached (HTTP 429)" });
        return { type: 'retry', error, waitMs: parseRetryAfter(outcome.retryAfter) ?? undefined };
      }
      if (status >= 500) {
        if (write) return lost(`HTTP ${status}`, status);
        const said = outcome.errors[0]?.message ?? '';
        const error = new TwentyError({
          kind: 'server-error',
          operation,
          status,
          message: `Twenty answered HTTP ${status}${said ? `: ${said.slice(0, 200)}` : ''}`,
        });
        return { type: 'retry', error, waitMs: parseRetryAfter(outcome.retryAfter) ?? undefined };
      }
      if (outcome.errors.length > 0) return this.judgeErrors(outcome.errors, endpoint, opts, status);
      if (status === 401 || status === 403) {
        return {
          type: 'fail',
          error: classifyGraphQLErrors(
            [{ message: `HTTP ${status}`, extensions: { code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN' } }],
            operation,
            status,
          ),
        };
      }
      if (status === 404) {
        return {
          type: 'fail',
          error: new TwentyError({
            kind: 'unsupported-server',
            operation,
            status,
            message: `nothing answers GraphQL at ${this.baseUrl}/${endpoint === 'metadata' ? 'metadata' : 'graphql'} (HTTP 404)`,
            hint: 'give the base URL of the Twenty server, without /graphql or /metadata',
          }),
        };
      }
      return {
        type: 'fail',
        error: new TwentyError({ kind: 'bad-response', operation, status, message: `unexpected HTTP ${status}: ${outcome.bodySnippet}` }),
      };
    }

    if (outcome.errors.length > 0) return this.judgeErrors(outcome.errors, endpoint, opts, outcome.status);
    return { type: 'done', data: outcome.data };
  }

  private judgeErrors(
    errors: GraphQLErrorShape[],
    endpoint: Endpoint,
    opts: RequestOptions,
    status: number,
  ): { type: 'retry'; error: TwentyError; waitMs?: number } | { type: 'fail'; error: TwentyError } {
    const error = classifyGraphQLErrors(errors, opts.operation, status);
    if (error.kind === 'throttled') return { type: 'retry', error, waitMs: error.retryAfterMs };
    // Right after a metadata change Twenty rebuilds the workspace's /graphql schema; until then a record
    // request can fail validation ("Cannot query field …"). Validation runs before execution: safe to retry.
    if (error.kind === 'schema-mismatch' && endpoint === 'core') return { type: 'retry', error };
    if (error.kind === 'server-error') {
      if (opts.write) {
        const message = `${error.message}; the change may or may not have been made`;
        return { type: 'fail', error: new TwentyError({ kind: 'outcome-unknown', operation: opts.operation, message, status }) };
      }
      return { type: 'retry', error };
    }
    return { type: 'fail', error };
  }

  /** Whatever the server echoed back, the key never leaves this class. */
  private scrub(error: TwentyError): TwentyError {
    const key = this.options.apiKey;
    const clean = (s: string): string => redact(s, key);
    if (!error.message.includes(key) && !error.details.some((d) => d.includes(key)) && !(error.hint ?? '').includes(key)) return error;
    return new TwentyError({
      kind: error.kind,
      operation: clean(error.operation),
      message: clean(error.message),
      details: error.details.map(clean),
      ...(error.hint !== undefined ? { hint: clean(error.hint) } : {}),
      ...(error.status !== undefined ? { status: error.status } : {}),
      ...(error.code !== undefined ? { code: error.code } : {}),
      ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    });
  }
}
