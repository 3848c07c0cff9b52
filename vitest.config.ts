import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests bind real ports and talk to real daemons; two cores, so keep parallelism modest.
    maxWorkers: 2,
  },
});
