import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/architecture/**/*.test.ts', 'tests/vectors/**/*.test.ts'],
    environment: 'node',
    // Property tests run hundreds of cases each; on a 2-core CI machine with other work they take
    // several times their 1-2 s. Speed is measured by the benchmarks, not by test timeouts.
    testTimeout: 30_000,
  },
});
