import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every test runs on a fake clock (test/support/clock.ts): no test waits on real time.
    setupFiles: ['./test/support/setup.ts'],
    // readme.test.ts runs tsc on the README's examples: sized for a loaded 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
