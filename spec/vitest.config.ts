import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Lint, bundling, spec:diff and the pipeline test (four turbo builds of a copy of the
    // repo) run real Redocly, git and turbo: sized for a loaded 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
