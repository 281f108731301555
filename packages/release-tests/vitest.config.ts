import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from '../../scripts/vitest-shared.js';

export default defineConfig({
  test: {
    ...sharedTestOptions,
    // Verdaccio's process, the dependencies each file's registry starts with, and the build
    // each file's release starts from.
    globalSetup: './test/support/run-setup.ts',
    // Each file runs `npm run release` (build, pack, checks, publish) in a copy of the repo:
    // sized for a loaded 2-core machine.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Two files at a time, even on two cores: the release tests are the suite's longest
    // chain, and much of a release is waiting on npm, git and the registry.
    maxWorkers: 2,
  },
});
