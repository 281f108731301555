// `npm run release -- --publish --registry <url>` against a real registry (Verdaccio on
// 127.0.0.1), at the versions the changesets give. Each refusal comes before anything is
// published or tagged, and says what to do: uncommitted changes; and, an earlier release
// having stopped half-way, a version on the registry with other contents.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAST_RELEASE, PUBLIC, releaseCopy } from './support/release-copy.js';

const release = releaseCopy();

beforeAll(() => release.version());

/** Each public package's document on the registry. */
const onRegistry = () => Promise.all(PUBLIC.map((name) => release.registry.packument(name)));
const tags = () => release.inCopy('git', 'tag', '--list').trim();

describe('npm run release -- --publish --registry <url>', () => {
  it('refuses uncommitted changes, tracked or not, naming them, before the build', async () => {
    const before = await onRegistry();
    const retry = join(release.copy, 'packages/client/src/retry.ts');
    const text = readFileSync(retry, 'utf8');
    const notes = join(release.copy, 'packages/docs/NOTES.md');
    writeFileSync(retry, `${text}// An edit not committed.\n`);
    writeFileSync(notes, 'Not committed.\n');
    let result: ReturnType<typeof release.release>;
    try {
      result = release.release();
    } finally {
      writeFileSync(retry, text);
      rmSync(notes);
    }
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/uncommitted changes/);
    expect(result.stderr).toMatch(/ M packages\/client\/src\/retry\.ts\n.*\?\? packages\/docs\/NOTES\.md/);
    expect(result.stderr).toMatch(/Commit them, or stash them/);
    expect(result.stdout).not.toMatch(/▶ Build everything/);
    expect(await onRegistry()).toEqual(before);
    expect(tags()).toBe(LAST_RELEASE);
  });

  it('refuses a version the registry has with other contents, before its checks, publishes nothing, and says what to do', async () => {
    await release.publishedHalfway();
    const before = await onRegistry();
    // A changeset written after `npx changeset version`: its version is not applied, and the release says so.
    writeFileSync(
      join(release.copy, '.changeset/not-applied.md'),
      `---\n'@autocollect/docs': patch\n---\n\nA later fix.\n`,
    );
    release.inCopy('git', 'add', '.changeset/not-applied.md');
    release.inCopy('git', 'commit', '-q', '-m', 'A later fix');

    const result = release.release();
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
    expect(await onRegistry()).toEqual(before);
    expect(tags()).toBe(LAST_RELEASE);
  });
});
