import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Ghostery's filter engine with the classifier's public suffix list, as the extension builds it (wxt.config.ts).
  resolve: { alias: { 'tldts-experimental': 'tldts' } },
  test: {
    include: ['src/**/*.test.ts', 'tests/architecture/**/*.test.ts', 'tests/vectors/**/*.test.ts'],
    environment: 'node',
    // Classification reads the reference tables handed over at run time; the tests hand over the bundled copies.
    setupFiles: ['tests/support/provide-reference-tables.ts'],
    // Property tests run hundreds of cases each; on a 2-core CI machine with other work they take
    // several times their 1-2 s. Speed is measured by the benchmarks, not by test timeouts.
    testTimeout: 30_000,
  },
});
