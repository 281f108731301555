import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Packs the public packages once, for every test file.
    globalSetup: './test/support/pack.ts',
    // Each release test runs `npm run release` (build, checks, pack, publish) in a copy of the repo.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
