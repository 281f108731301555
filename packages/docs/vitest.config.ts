import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from '../../scripts/vitest-shared.js';

export default defineConfig({
  test: {
    ...sharedTestOptions,
    globalSetup: './test/support/chromium.ts',
    // Chromium, tsc over every code sample, and a docs server in a child process:
    // sized for a loaded 2-core machine, here and nowhere else.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits for the page to render; let the test's own timeout bound it.
    expect: { poll: { timeout: 60_000 } },
    // Two files at a time, even on two cores: most of their time is waiting on Chromium,
    // a docs server or a sandbox in another process.
    maxWorkers: 2,
  },
});
