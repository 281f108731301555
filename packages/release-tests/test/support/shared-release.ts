// The release two test files check from two sides, made once by the run's setup: a registry
// that an earlier release, stopped half-way, left with part of the versions (the openapi
// package as it is, the docs as they were before a last-minute change), a docs fix described
// with a changeset and applied with `npx changeset version`, then `npm run release --
// --publish --registry <url>`. publishes-and-tags.test.ts checks what it published, skipped
// and tagged; installs-by-version.test.ts installs what it published, by version.
import { join } from 'node:path';
import { inject } from 'vitest';
import { attachRegistry, type RegistryHandle } from './registry.js';
import { openReleaseCopy, PUBLIC, type ReleaseStart, releaseCopyOf } from './release-copy.js';

/** What the setup hands the files: plain data. */
export interface SharedRelease {
  work: string;
  copy: string;
  registry: RegistryHandle;
  /** Each package's versions on the registry before the release. */
  before: Record<string, string[]>;
  /** Each package's version in the copy, as the changesets gave them. */
  now: Record<string, string>;
  /** What `npm run release` did: the files assert on it, so a failed release fails a test. */
  result: { status: number | null; stdout: string; stderr: string };
}

/**
 * Made by the run's setup (run-setup.ts); `close` removes it. Its copy's build at the
 * versions the changesets give is every other release's start (`versionedBuild`).
 */
export async function releaseHalfway(start: Omit<ReleaseStart, 'versionedBuild'>) {
  // Said as it goes: the files wait for it.
  const say = (what: string) => console.log(` ▶ setup: ${what}`);
  say('a copy of the repo with a registry of its own');
  const release = await openReleaseCopy(start);
  try {
    say('npx changeset version, and the build at the new versions');
    release.version();
    release.inCopy(join(release.copy, 'node_modules/.bin/turbo'), 'run', 'build', '--output-logs=errors-only');
    say('a release stopped half-way, then a docs fix');
    await release.publishedHalfway();
    const before = Object.fromEntries(
      await Promise.all(PUBLIC.map(async (name) => [name, await release.versions(name)] as const)),
    );
    release.version({ name: '@autocollect/docs', bump: 'patch' });
    const now = Object.fromEntries(PUBLIC.map((name) => [name, release.localVersion(name)]));
    say('npm run release -- --publish');
    const { status, stdout, stderr } = release.release();
    const record: SharedRelease = {
      work: release.work,
      copy: release.copy,
      registry: release.registry.handle,
      before,
      now,
      result: { status, stdout, stderr },
    };
    // Read by the files only after the setup: the release that runs in the copy then (run
    // again, refused) builds nothing.
    return { record, versionedBuild: join(release.copy, '.turbo/cache'), close: release.close };
  } catch (error) {
    await release.close();
    throw error;
  }
}

/** In a test file: the shared release, and its copy and registry to look at and use. */
export function sharedRelease() {
  const record = inject('sharedRelease');
  return {
    ...record,
    ...releaseCopyOf({ work: record.work, copy: record.copy, registry: attachRegistry(record.registry) }),
  };
}
