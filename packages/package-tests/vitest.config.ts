import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Packs @autocollect/client and @autocollect/docs once, for every test file.
    globalSetup: './test/support/pack.ts',
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
