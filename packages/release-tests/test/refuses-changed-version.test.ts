// `npm run release -- --publish --registry <url>` against a real registry (Verdaccio on
// 127.0.0.1) that an earlier release, stopped half-way, left with part of the versions the
// changesets give: one with the same contents, one with other contents. The release refuses,
// before its checks, publishes nothing, and says what to do.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAST_RELEASE, PUBLIC, releaseCopy } from './support/release-copy.js';

const release = releaseCopy();

describe('npm run release -- --publish --registry <url>', () => {
  it('refuses a version the registry has with other contents, before its checks, publishes nothing, and says what to do', async () => {
    release.version();
    await release.publishedHalfway();
    const before = await Promise.all(PUBLIC.map((name) => release.registry.packument(name)));
    // A changeset written after `npx changeset version`: its version is not applied, and the release says so.
    const pending = join(release.copy, '.changeset/not-applied.md');
    writeFileSync(pending, `---\n'@autocollect/docs': patch\n---\n\nA later fix.\n`);

    const result = release.release();
    rmSync(pending);
    expect(result.stdout).toMatch(
      /1 changeset is pending \(\.changeset\/not-applied\.md\): the versions below do not include it\. .*`npx changeset version`/,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /@autocollect\/docs@\S+ is on http:\/\/127\.0\.0\.1:\d+\/ already, with other contents/,
    );
    expect(result.stderr).toMatch(/nothing was published/);
    expect(result.stderr).toMatch(/`npx changeset`.*`npx changeset version`/);
    // The packages were compared with the registry as soon as they were packed.
    expect(result.stdout).not.toMatch(/▶ Lint the spec/);
    expect(await Promise.all(PUBLIC.map((name) => release.registry.packument(name)))).toEqual(before);
    expect(release.inCopy('git', 'tag', '--list').trim()).toBe(LAST_RELEASE);
  });
});
