#!/usr/bin/env node
// Entry point for `npx bankpack`: registers tsx so the TypeScript sources run as they are.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`bankpack … | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
