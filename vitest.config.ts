import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The sandbox and SMTP tests bind loopback ports; keep workers few on 2-core machines.
    maxWorkers: 2,
  },
});
