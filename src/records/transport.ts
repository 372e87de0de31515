// What the record reader and writer need from the Twenty client: one /graphql
// request. src/twenty's TwentyClient satisfies it (its `core` method paces,
// retries reads, and never blindly repeats a write whose answer was lost).
import type { RequestOptions } from '../twenty/index.ts';

export interface RecordsTransport {
  core<T>(query: string, variables: Record<string, unknown> | undefined, opts: RequestOptions): Promise<T>;
}
