import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from '../../scripts/vitest-shared.js';

export default defineConfig({
  test: {
    ...sharedTestOptions,
    // Packs the public packages once, for every test file.
    globalSetup: './test/support/pack.ts',
    // Consumer projects type-checked by three TypeScript versions, runtimes and Chromium
    // started as processes: sized for a loaded 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
