// `bankpack letters preview`.
import { resolve } from 'node:path';
import type { ConnectionCliOptions } from '../deploy/cli-support.ts';
import { say, type Connect } from './cli-common.ts';
import { startPreview } from './preview/server.ts';
import { loadPackLetters, todayIn } from './setup.ts';

export async function runPreviewCommand(opts: ConnectionCliOptions & { port: number; limit: number; date?: string }, connect: Connect): Promise<number> {
  const connected = await connect(opts);
  if (!connected) return 1;
  const dir = resolve(opts.dir);
  const server = await startPreview({ loadLetters: () => loadPackLetters(dir), transport: connected.client, limit: opts.limit, today: opts.date ?? todayIn(), port: opts.port });
  say(`letter preview on ${server.url}  (templates re-read on each page load; Ctrl-C to stop)`);
  await new Promise<void>((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
