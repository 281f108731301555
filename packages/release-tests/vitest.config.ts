import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from '../../scripts/vitest-shared.js';

export default defineConfig({
  test: {
    ...sharedTestOptions,
    // Verdaccio's process with the dependencies, and a turbo cache, for every file.
    globalSetup: './test/support/run-setup.ts',
    // Each file runs `npm run release` (build, pack, checks, publish) in a copy of the repo:
    // sized for a loaded 2-core machine.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
