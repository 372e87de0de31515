import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
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
