import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The CLI tests start the sandbox as a process of its own: sized for a loaded 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
