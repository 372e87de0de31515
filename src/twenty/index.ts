// Front door of the Twenty client: the only network I/O of the engine.
export { TwentyClient, DEFAULT_CONCURRENCY, type TwentyClientOptions, type RequestOptions, type AnsweredRead } from './client.ts';
export { TwentyError, isTwentyError, classifyGraphQLErrors, redact, type TwentyErrorKind, type GraphQLErrorShape } from './errors.ts';
export {
  checkServer,
  judgeCapabilities,
  unsupportedServerError,
  saveCapabilities,
  restoreCapabilities,
  type ServerCapabilities,
  type SavedCapabilities,
} from './compat.ts';
export { DEFAULT_PACING, TokenBucket, type PacingOptions, type Clock } from './pacing.ts';
export { RequestCounter, type RequestCounts, type Endpoint } from './counter.ts';
export { createLimiter, type Limiter } from './limit.ts';
export { fullJitterDelay, parseRetryAfter } from './backoff.ts';
