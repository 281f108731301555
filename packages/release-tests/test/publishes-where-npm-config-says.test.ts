// `npm run release -- --publish` without --registry publishes where npm would: to the
// registry the user's npm config names for the @autocollect scope (a line
// `@autocollect:registry=<url>` in ~/.npmrc, here a real registry: Verdaccio on 127.0.0.1),
// and asks that registry, never npm's public one, which versions it has and which it
// published last. The npm config is the test's own (support/release-copy.ts,
// releaseByNpmConfig): the user's ~/.npmrc is never read.
import { beforeAll, describe, expect, it } from 'vitest';
import { LAST_RELEASE, PUBLIC, releaseCopy } from './support/release-copy.js';

const release = releaseCopy();

beforeAll(async () => {
  // The copy as it starts is the last release, tagged LAST_RELEASE: the client was published
  // from it. Then the versions the changesets give, and the openapi package at its new version,
  // as a release stopped half-way leaves it.
  await release.publishPacked('@autocollect/client');
  release.version();
  await release.publishPacked('@autocollect/openapi');
});

describe('npm run release -- --publish, without --registry', () => {
  it("publishes to the registry the user's npm config names for @autocollect, compares and tags against it, and says so", async () => {
    const url = release.registry.url;
    const now = Object.fromEntries(PUBLIC.map((name) => [name, release.localVersion(name)]));
    const result = release.releaseByNpmConfig({ npmrc: `@autocollect:registry=${url}\n` });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).toBe(0);

    expect(await release.versions('@autocollect/client')).toEqual(['0.0.0', now['@autocollect/client']]);
    for (const name of ['@autocollect/docs', '@autocollect/openapi', '@autocollect/sandbox'])
      expect(await release.versions(name)).toEqual([now[name]]);
    // Compared with what that registry has: the openapi package there already, and the
    // client's last release, whose tag the spec is compared with (not a first release).
    expect(result.stdout).toContain(`▶ Compare with ${url}`);
    expect(result.stdout).toContain(
      `@autocollect/openapi@${now['@autocollect/openapi']}: published already, same contents, not tagged here`,
    );
    expect(result.stdout).not.toMatch(/A first release/);
    expect(result.stdout).toMatch(new RegExp(`▶ Check for breaking spec changes since ${LAST_RELEASE}: done`));
    expect(result.stdout).toContain(
      ` to ${url}, and tagged them, and @autocollect/openapi@${now['@autocollect/openapi']}, published before.`,
    );
    expect(output).not.toMatch(/registry\.npmjs\.org/);
    const tags = release.inCopy('git', 'tag', '--list').split('\n').filter(Boolean).sort();
    expect(tags).toEqual([LAST_RELEASE, ...PUBLIC.map((name) => `${name}@${now[name]}`)].sort());
  });
});
