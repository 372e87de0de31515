// What every apply step shares: the client, the live ids, the server's
// capabilities, and how to report progress.
import type { TwentyClient, ServerCapabilities } from '../twenty/index.ts';
import type { Live } from './live.ts';
import type { Change } from './plan.ts';

export interface ApplyContext {
  client: TwentyClient;
  live: Live;
  caps: Pick<ServerCapabilities, 'has'>;
  /** One line per finished step, and a note when an answer was lost. */
  report: (line: string) => void;
  /** Updates that carry no schema change, queued to run together after the DDL steps. */
  followUps: FollowUps;
}

export interface FollowUps {
  objects: Array<{ objectName: string; update: Record<string, unknown>; labelIdentifierFieldName?: string; title: string }>;
  fields: Array<{ objectName: string; fieldName: string; update: Record<string, unknown>; title: string }>;
}

export function lostNote(ctx: ApplyContext, what: string): (attempt: number) => void {
  return (attempt) => ctx.report(`    … the answer to "${what}" was lost (attempt ${attempt}); checking the workspace before trying again`);
}

export function titleOf(c: Change): string {
  return `${c.object}: ${c.title}`;
}
