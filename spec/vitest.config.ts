import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Lint, bundling and spec:diff run real Redocly and git: sized for a loaded 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
