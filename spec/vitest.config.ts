import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from '../scripts/vitest-shared.js';

export default defineConfig({
  test: {
    ...sharedTestOptions,
    // Lint, bundling, spec:diff and the pipeline test (turbo builds in a copy of the repo)
    // run real Redocly, git and turbo: sized for a loaded 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Two files at a time, where vitest takes one on two cores: spec:diff's tests and the
    // pipeline's wait on child processes (git, turbo) as much as they compute (alone, 48 s
    // here against 54 s one at a time).
    maxWorkers: 2,
  },
});
