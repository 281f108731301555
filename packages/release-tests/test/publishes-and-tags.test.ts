// `npm run release -- --publish --registry <url>` against a real registry (Verdaccio on
// 127.0.0.1) that an earlier release, stopped half-way, left with part of the versions: done
// as the refusal says (a changeset, then `npx changeset version`), the release publishes what
// is new, leaves alone what is there with the same contents, and tags both. Run again, it
// refuses: there is nothing new; with a tag missing, it makes it. The release is the run's
// (support/shared-release.ts), made with the user's npm config sending the scope elsewhere.
import { describe, expect, it } from 'vitest';
import { LAST_RELEASE, PUBLIC } from './support/release-copy.js';
import { sharedRelease } from './support/shared-release.js';

const release = sharedRelease();

describe('npm run release -- --publish --registry <url>', () => {
  it('done as it says, publishes what is new at the versions changesets gave to the registry named, leaves the rest, and tags them all', async () => {
    const { before, now, result } = release;
    expect(Object.values(now).every((v) => v !== '0.0.0')).toBe(true);
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(await release.versions('@autocollect/client')).toEqual([now['@autocollect/client']]);
    expect(await release.versions('@autocollect/sandbox')).toEqual([now['@autocollect/sandbox']]);
    expect(await release.versions('@autocollect/docs')).toEqual(
      [...(before['@autocollect/docs'] ?? []), now['@autocollect/docs']].sort(),
    );
    expect(await release.versions('@autocollect/openapi')).toEqual(before['@autocollect/openapi']);
    expect(result.stdout).toContain(
      `@autocollect/openapi@${now['@autocollect/openapi']}: published already, same contents, not tagged here`,
    );
    // Where --registry said, though the user's npm config sends the scope elsewhere.
    expect(result.stdout).toContain(
      ` to ${release.registry.url}, and tagged them, and @autocollect/openapi@${now['@autocollect/openapi']}, published before.`,
    );
    // The checks ran, the spec compared with the last release among them.
    expect(result.stdout).toMatch(
      /▶ Format and lint the code and the spec, type-check, and check the generated code is current and committed: done/,
    );
    expect(result.stdout).toMatch(/▶ Check the packed packages: publint, are-the-types-wrong, size budget: done/);
    expect(result.stdout).toMatch(new RegExp(`▶ Check for breaking spec changes since ${LAST_RELEASE}: done`));
    const tags = release.inCopy('git', 'tag', '--list').split('\n').filter(Boolean).sort();
    expect(tags).toEqual([LAST_RELEASE, ...PUBLIC.map((name) => `${name}@${now[name]}`)].sort());
  });

  it('refuses to publish the same versions again, and changes nothing', async () => {
    const before = await Promise.all(PUBLIC.map((name) => release.registry.packument(name)));
    const tags = release.inCopy('git', 'tag', '--list');
    const result = release.release();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /Nothing to publish: @autocollect\/client@\S+, .* are on http:\/\/127\.0\.0\.1:\d+\/ already/,
    );
    expect(result.stderr).toMatch(/npx changeset version/);
    expect(await Promise.all(PUBLIC.map((name) => release.registry.packument(name)))).toEqual(before);
    expect(release.inCopy('git', 'tag', '--list')).toBe(tags);
  });

  it('tags a version published with the same contents but not tagged, as a release stopped before tagging leaves it, and publishes nothing', async () => {
    const tag = `@autocollect/client@${release.now['@autocollect/client']}`;
    const before = await Promise.all(PUBLIC.map((name) => release.registry.packument(name)));
    const tags = release.inCopy('git', 'tag', '--list');
    release.inCopy('git', 'tag', '--delete', tag);
    const result = release.release();
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toContain(`Nothing new to publish: tagged ${tag}, on ${release.registry.url} already`);
    expect(await Promise.all(PUBLIC.map((name) => release.registry.packument(name)))).toEqual(before);
    expect(release.inCopy('git', 'tag', '--list')).toBe(tags);
  });
});
