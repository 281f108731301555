// @ts-check
// What every package's vitest run shares; each package's vitest.config.ts adds its own
// timeouts and setup.
import { fileURLToPath } from 'node:url';

/** @satisfies {import('vitest/node').InlineConfig} */
export const sharedTestOptions = {
  // Test files share a worker's loaded modules instead of loading the package again for
  // each file: the client's and the sandbox's suites take less than half the CPU time.
  // No test keeps state in a module: fake clocks are installed and removed per test.
  isolate: false,
  reporters: [
    // Each file as it ends, and the failures.
    'default',
    // What is running, while it runs; and each file's wall time, for `npm run bench`
    // (packages/bench/src/test-suite.js).
    fileURLToPath(new URL('./vitest-progress.js', import.meta.url)),
  ],
};
