// `npm run release -- --publish` without --registry publishes where npm would: to the
// registry the user's npm config names for the @autocollect scope (a line
// `@autocollect:registry=<url>` in ~/.npmrc, here a real registry: Verdaccio on 127.0.0.1),
// and asks that registry, never npm's public one, which versions it has and which it
// published last. It says first where it publishes, and whose word that is: before a release
// to npm's public registry, that it is npm's public one and how to try a release instead. The
// npm config is the test's own (support/release-copy.ts, releaseByNpmConfig): the user's
// ~/.npmrc is never read.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAST_RELEASE, PUBLIC, releaseCopy } from './support/release-copy.js';

const release = releaseCopy();

/** What the release says first: its first line after npm's own (`> node scripts/release.js`). */
const firstWords = (stdout: string) => stdout.split('\n').find((line) => line.trim() && !line.startsWith('>'));

/**
 * The release stopped by a file not committed, before it asks any registry anything: what it
 * says first, with nothing sent to the registry it names (npm's public one, say).
 */
function releaseStoppedAtOnce(config: Parameters<typeof release.releaseByNpmConfig>[0]) {
  const notes = join(release.copy, 'packages/docs/NOTES.md');
  writeFileSync(notes, 'Not committed.\n');
  try {
    const result = release.releaseByNpmConfig(config);
    expect(result.stderr).toMatch(/uncommitted changes.*Nothing was published/);
    expect(result.status).toBe(1);
    return result;
  } finally {
    rmSync(notes);
  }
}

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
    expect(firstWords(result.stdout)).toBe(`▶ Publishing to ${url} (@autocollect:registry in your npm config)`);

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

  it("says first that it publishes to npm's public registry when the npm config names no other, and how to try a release instead", () => {
    const { stdout } = releaseStoppedAtOnce({});
    expect(firstWords(stdout)).toBe(
      "⚠ Publishing to npm's public registry, https://registry.npmjs.org/ (your npm config names no other registry): for everyone, and a published version never changes.",
    );
    expect(stdout).toMatch(
      /To try a release, stop now and run it with --registry <url> \(Verdaccio.*\), or without --publish\./,
    );
    // Where the user may have set the scope's registry in a variable that never reached it.
    expect(stdout).toMatch(
      /A variable npm_config_@autocollect:registry does not reach .*: name the registry in an \.npmrc/,
    );
  });

  it("says first that it publishes to the registry an npm_config_ variable names for the scope, or the npm config's registry", () => {
    const url = release.registry.url;
    const scoped = releaseStoppedAtOnce({ variables: { 'npm_config_@autocollect:registry': url }, byNode: true });
    expect(firstWords(scoped.stdout)).toBe(`▶ Publishing to ${url} (@autocollect:registry in your npm config)`);
    const registry = releaseStoppedAtOnce({ npmrc: `registry=${url}\n` });
    expect(firstWords(registry.stdout)).toBe(`▶ Publishing to ${url} (registry in your npm config)`);
    expect(`${scoped.stdout}${registry.stdout}`).not.toMatch(/registry\.npmjs\.org/);
  });
});
