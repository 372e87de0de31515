// `bankpack pull` at work: calls the pull op and lists what it wrote.
import { connect, err, type ConnectionCliOptions } from '../../deploy/index.ts';
import { pull } from '../../ops/index.ts';
import { printFailure } from './print-failure.ts';

export interface PullCliOptions extends ConnectionCliOptions {
  out?: string;
  overwrite?: boolean;
}

export async function runPull(opts: PullCliOptions): Promise<number> {
  const conn = await connect(opts);
  if (!conn) return 1;
  const result = await pull({
    dir: opts.dir,
    workspace: conn,
    ...(opts.out ? { out: opts.out } : {}),
    ...(opts.overwrite ? { overwrite: true } : {}),
  });
  if (!result.ok) return printFailure(result);
  for (const path of result.written) process.stdout.write(`wrote ${path}\n`);
  const { written, kept } = result;
  err(
    `Pulled ${written.length + kept.length} file(s) from ${conn.client.url} into ${result.out}: ${written.length} written${kept.length > 0 ? `, ${kept.length} kept as they were (--overwrite replaces them)` : ''}.`,
  );
  return 0;
}
