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
    // expect.poll waits for the UI or a poller to catch up; 1 s (vitest's default) is tight on a loaded CI
    // machine. A condition that never holds still fails, just later.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
