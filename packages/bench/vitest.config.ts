import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from '../../scripts/vitest-shared.js';

export default defineConfig({
  test: {
    ...sharedTestOptions,
    // Two compilers over a file of every operation: seconds each on a loaded 2-core machine.
    testTimeout: 120_000,
  },
});
