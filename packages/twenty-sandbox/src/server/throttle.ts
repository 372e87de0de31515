// Twenty's API throttle, as CommonBaseQueryRunnerService.throttleApiKeyQueryExecution
// runs it (engine/api/common/common-query-runners/common-base-query-runner.service.ts
// @41d24255): once per records-API resolver call (one token per root field), only
// when the caller is an API key, against two buckets per workspace
// (`api:throttler:${workspaceId}-short-limit`, then `-long-limit`), with the
// defaults of twenty-config/config-variables.ts @41d24255:
// API_RATE_LIMITING_SHORT_LIMIT 100 / _SHORT_TTL_IN_MS 1000,
// API_RATE_LIMITING_LONG_LIMIT 100 / _LONG_TTL_IN_MS 60000.
//
// Each bucket is ThrottlerService.tokenBucketThrottleOrThrow
// (core-modules/throttler/throttler.service.ts @02e13c8d): the refill is
// floor(elapsed × limit / ttl) whole tokens, and a successful take stores
// `lastRefillAt = now`, so the fraction of a token earned so far is lost. A refused
// take stores nothing. The short bucket is taken before the long one is checked.
// The error: ThrottlerException("Limit reached (N tokens per T ms)", LIMIT_REACHED),
// mapped by throttler-to-graphql-api-exception-handler.util.ts to a UserInputError
// (BAD_USER_INPUT, subCode LIMIT_REACHED), sent with HTTP 200.
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
  lastRefillAt: number;
}

export class Throttle {
  private readonly buckets: Bucket[];

  constructor(
    options: ThrottleOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    const at = now();
    const bucket = (limit: number, ttlMs: number): Bucket => ({ limit, ttlMs, tokens: limit, lastRefillAt: at });
    this.buckets = [
      bucket(options.shortLimit ?? 100, options.shortTtlMs ?? 1000),
      bucket(options.longLimit ?? 100, options.longTtlMs ?? 60_000),
    ];
  }

  /** One resolver call's token from each bucket in turn, or Twenty's error from the first one short of it. */
  consume(): TwentyError | undefined {
    const at = this.now();
    for (const b of this.buckets) {
      const available = Math.min(b.tokens + Math.floor(((at - b.lastRefillAt) * b.limit) / b.ttlMs), b.limit);
      if (available < 1) {
        return userInputError(`Limit reached (${b.limit} tokens per ${b.ttlMs} ms)`, {
          subCode: 'LIMIT_REACHED',
          userFriendlyMessage: 'Rate limit reached. Please try again later.',
        });
      }
      b.tokens = available - 1;
      b.lastRefillAt = at;
    }
    return undefined;
  }
}
