import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from '../scripts/vitest-shared.js';

export default defineConfig({
  test: {
    ...sharedTestOptions,
    // Lint, bundling, spec:diff and the pipeline test (turbo builds in a copy of the repo)
    // run real Redocly, git and turbo: sized for a loaded 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
