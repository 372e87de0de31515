import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const sandbox = (path: string): string => fileURLToPath(new URL(`./packages/twenty-sandbox/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // The workspace package resolves to this checkout's sources, as tsconfig's
    // `paths` do: worktrees share one node_modules whose workspace link points
    // at a single checkout.
    alias: [
      { find: /^twenty-sandbox$/, replacement: sandbox('src/index.ts') },
      { find: /^twenty-sandbox\/fixtures$/, replacement: sandbox('src/fixtures/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    // One line, once, when this machine cannot run the browser and PDF tests.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The sandbox and SMTP tests bind loopback ports; keep workers few on 2-core machines.
    maxWorkers: 2,
    // Test files share one module graph per worker: importing the engine, sandbox and
    // twenty-sdk once per worker instead of once per file cut the suite from ~280 s to ~180 s.
    // Tests keep no state in module scope between files (each starts its own sandbox).
    isolate: false,
  },
});
