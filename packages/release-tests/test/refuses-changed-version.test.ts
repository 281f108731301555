// `npm run release -- --publish --registry <url>` against a real registry (Verdaccio on
// 127.0.0.1) holding the last release of the client, at the versions the changesets give.
// Each refusal comes before anything is published or tagged, and says what to do: the last
// release's tag missing, so the spec cannot be compared with it; uncommitted changes; a
// changeset it cannot read (in the dry run, which only warns of uncommitted changes); and, an
// earlier release having stopped half-way, a version on the registry with other contents.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAST_RELEASE, PUBLIC, releaseCopy } from './support/release-copy.js';

const release = releaseCopy();

beforeAll(async () => {
  // The copy as it starts is the last release, tagged LAST_RELEASE: the client was published from it.
  await release.publishPacked('@autocollect/client');
  release.version();
});

/** Each public package's document on the registry. */
const onRegistry = () => Promise.all(PUBLIC.map((name) => release.registry.packument(name)));
const tags = () => release.inCopy('git', 'tag', '--list').trim();

describe('npm run release -- --publish --registry <url>', () => {
  it('refuses when the last release on the registry has no tag here, before the build, and says to fetch the tags', async () => {
    const before = await onRegistry();
    // As in a CI checkout without tags.
    const commit = release.inCopy('git', 'rev-list', '-n', '1', LAST_RELEASE).trim();
    release.inCopy('git', 'tag', '--delete', LAST_RELEASE);
    let result: ReturnType<typeof release.release>;
    try {
      result = release.release();
    } finally {
      release.inCopy('git', 'tag', LAST_RELEASE, commit);
    }
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${LAST_RELEASE} is the last release on ${release.registry.url}`);
    expect(result.stderr).toMatch(/no tag .*breaking/);
    expect(result.stderr).toMatch(/git fetch --tags/);
    expect(result.stdout).not.toMatch(/▶ Build everything/);
    expect(await onRegistry()).toEqual(before);
    expect(tags()).toBe(LAST_RELEASE);
  });

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

  it('stops at changesets it cannot read, naming each and what is wrong; the dry run warns of uncommitted changes', () => {
    const unclosed = join(release.copy, '.changeset/unclosed.md');
    const huge = join(release.copy, '.changeset/huge.md');
    writeFileSync(unclosed, `---\n'@autocollect/client': patch\n\nFix a typo.\n`);
    writeFileSync(huge, `---\n'@autocollect/client': huge\n---\n\nFix a typo.\n`);
    let result: ReturnType<typeof release.release>;
    try {
      result = release.release({ publish: false });
    } finally {
      rmSync(unclosed);
      rmSync(huge);
    }
    expect(result.stdout).toMatch(/⚠ Uncommitted changes.*\n.*\.changeset\/huge\.md\n.*\.changeset\/unclosed\.md/);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\.changeset\/huge\.md: .*"huge".*major, minor, patch/);
    expect(result.stderr).toMatch(/\.changeset\/unclosed\.md: .*frontmatter/);
    expect(result.stderr).toMatch(/`npx changeset`/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toMatch(/▶ Build everything/);
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
    expect(result.stdout).not.toMatch(/▶ Format and lint the code/);
    expect(await onRegistry()).toEqual(before);
    expect(tags()).toBe(LAST_RELEASE);
  });
});
