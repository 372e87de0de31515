// `bankpack export twenty-app` at work: calls the export op and prints what it wrote
// and what twenty-sdk said.
import { resolve } from 'node:path';
import { exportApp } from '../../ops/index.ts';
import { printFailure } from './print-failure.ts';

export interface ExportCliOptions {
  dir: string;
  check?: boolean;
  sourceLocale?: string;
  json?: boolean;
}

export async function runExport(out: string | undefined, opts: ExportCliOptions): Promise<number> {
  const exported = await exportApp({
    dir: resolve(opts.dir),
    ...(out !== undefined ? { out: resolve(out) } : {}),
    check: opts.check === true,
    ...(opts.sourceLocale ? { sourceLocale: opts.sourceLocale } : {}),
    onProgress: (m) => process.stderr.write(`  ${m}\n`),
  });
  if (!exported.ok) return printFailure(exported);
  const { result } = exported;
  if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const counts = Object.entries(result.entities)
      .map(([k, n]) => `${n} ${k.replace(/^define/, '')}`)
      .join(', ');
    if (result.write)
      process.stdout.write(
        `wrote ${result.write.written} files to ${out} (${counts})${result.write.removed.length > 0 ? `; removed ${result.write.removed.length} that the pack no longer makes` : ''}\n`,
      );
    if (result.collisions.length > 0)
      process.stdout.write(
        `${result.collisions.length} source text(s) needed two translations; the first was kept (listed in the export's README.md)\n`,
      );
    if (result.check?.ok) process.stdout.write(`twenty-sdk ${result.sdkVersion} built the app and its manifest matches the pack\n`);
    else if (result.check) {
      if (result.check.error) process.stdout.write(`twenty-sdk ${result.sdkVersion} refused the app:\n${result.check.error}\n`);
      for (const d of result.check.differences) process.stdout.write(`differs: ${d}\n`);
    }
  }
  return exported.refused ? 1 : 0;
}
