import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from '../../scripts/vitest-shared.js';

export default defineConfig({
  test: {
    ...sharedTestOptions,
    // Every test runs on a fake clock (test/support/clock.ts): no test waits on real time.
    setupFiles: ['./test/support/setup.ts'],
    // readme.test.ts runs tsc on the README's examples: sized for a loaded 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
