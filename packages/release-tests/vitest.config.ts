import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from '../../scripts/vitest-shared.js';

export default defineConfig({
  test: {
    ...sharedTestOptions,
    // Verdaccio's process, the dependencies each registry starts with, the build each
    // release starts from, and the release two files check.
    globalSetup: './test/support/run-setup.ts',
    // A file runs `npm run release` (build, pack, checks, publish) in a copy of the repo, or
    // installs what a release published: sized for a loaded 2-core machine.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Four files at a time, even on two cores: much of a release is waiting on npm, git and
    // the registry (alone, 64 s here against 73 s two at a time).
    maxWorkers: 4,
  },
});
