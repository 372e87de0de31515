// Twenty's API throttle: two token buckets per workspace, applied to requests
// authenticated with an API key. Defaults from twentyhq/twenty
// packages/twenty-server/src/engine/core-modules/twenty-config/config-variables.ts
// (API_RATE_LIMITING_SHORT_LIMIT=100 / _SHORT_TTL_IN_MS=1000,
// API_RATE_LIMITING_LONG_LIMIT=100 / _LONG_TTL_IN_MS=60000); keys
// `api:throttler:${workspaceId}-short-limit` / `-long-limit`; the error
// ThrottlerException("Limit reached (N tokens per T ms)", LIMIT_REACHED), which
// core-modules/throttler/utils/throttler-to-graphql-api-exception-handler.util.ts
// turns into a UserInputError (BAD_USER_INPUT, subCode LIMIT_REACHED, friendly
// message from throttler.exception.ts), sent with HTTP 200 like every GraphQL error.
//
// Twenty throttles inside the record query runner, once per resolver call. The
// sandbox counts one token per root field of an executed operation, on /graphql
// and /metadata alike: whether /metadata is throttled is unconfirmed, and the
// stricter reading is that it is.
import { userInputError, type TwentyError } from './twenty-errors.ts';

export interface ThrottleOptions {
  shortLimit?: number;
  shortTtlMs?: number;
  longLimit?: number;
  longTtlMs?: number;
}

interface Bucket {
  limit: number;
  ttlMs: number;
  tokens: number;
  updatedAt: number;
}

export class Throttle {
  private readonly buckets: Bucket[];

  constructor(options: ThrottleOptions = {}, private readonly now: () => number = Date.now) {
    const at = now();
    this.buckets = [
      { limit: options.shortLimit ?? 100, ttlMs: options.shortTtlMs ?? 1000, tokens: options.shortLimit ?? 100, updatedAt: at },
      { limit: options.longLimit ?? 100, ttlMs: options.longTtlMs ?? 60_000, tokens: options.longLimit ?? 100, updatedAt: at },
    ];
  }

  /** Takes `count` tokens from each bucket, or returns Twenty's error when a bucket is short of them. */
  consume(count = 1): TwentyError | undefined {
    const at = this.now();
    for (const b of this.buckets) {
      // Tokens flow back continuously: `limit` tokens per `ttlMs`.
      b.tokens = Math.min(b.limit, b.tokens + ((at - b.updatedAt) * b.limit) / b.ttlMs);
      b.updatedAt = at;
      if (b.tokens < count) {
        return userInputError(`Limit reached (${b.limit} tokens per ${b.ttlMs} ms)`, {
          subCode: 'LIMIT_REACHED',
          userFriendlyMessage: 'Rate limit reached. Please try again later.',
        });
      }
    }
    for (const b of this.buckets) b.tokens -= count;
    return undefined;
  }
}
