// The copy of the repo that tests change: a reader's scratch script saved at the top, as the
// README's walk-through saves webhooks.mjs and integration.mjs, stays out of it, so that the
// checks the release tests run in the copy do not fail on it.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { copyOfRepo } from '../../scripts/repo-copy.js';
import { repoRoot } from '../scripts/description.js';

it("takes the repo's tracked files, and leaves a new file at the top out", () => {
  const scratch = `scratch-${process.pid}.mjs`;
  // An unused import: Biome warns, and the release's checks would fail on it.
  writeFileSync(join(repoRoot, scratch), "import { servers } from '@autocollect/client';\n");
  let copy: string | undefined;
  try {
    copy = copyOfRepo('repo-copy');
    expect(existsSync(join(copy, 'README.md'))).toBe(true);
    expect(existsSync(join(copy, 'spec/openapi/openapi.yaml'))).toBe(true);
    expect(existsSync(join(copy, scratch))).toBe(false);
  } finally {
    rmSync(join(repoRoot, scratch), { force: true });
    if (copy) rmSync(copy, { recursive: true, force: true });
  }
});
