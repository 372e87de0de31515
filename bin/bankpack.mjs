#!/usr/bin/env node
// `bankpack` from a checkout: runs the TypeScript sources as they are, through tsx (a dev
// dependency), so tests, `npm start` and `npm run bankpack` never run a stale build.
// The installed command is the build: package.json `bin` → dist/cli/bin.js (`npm run build`).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/bin.ts');
