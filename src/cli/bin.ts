#!/usr/bin/env node
// The `bankpack` executable (package.json `bin` runs its build, dist/cli/bin.js; a checkout
// runs this file through tsx with bin/bankpack.mjs).
import { main } from './main.ts';

// A reader that stops early (`bankpack … | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
process.exitCode = await main(process.argv.slice(2));
