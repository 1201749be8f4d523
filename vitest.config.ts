import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/architecture/**/*.test.ts'],
    environment: 'node',
  },
});
