// What each release test file starts from: a copy of the repo, built as a maintainer's
// clone is before a release, whose commit is tagged as the last release, and a registry of
// its own that holds the packages' dependencies and none of them.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, inject } from 'vitest';
import { publicPackages } from '../../../../scripts/public-packages.js';
import { copyOfRepo } from '../../../../scripts/repo-copy.js';
import { testFolder } from '../../../../scripts/test-folder.js';
import type { Registry } from './registry.js';
import { registryWithDependencies } from './run-setup.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
/** What the release publishes: the public workspaces. */
export const PUBLIC = publicPackages(repoRoot).map((workspace) => workspace.name);
export const LAST_RELEASE = '@autocollect/client@0.0.0';

export function releaseCopy() {
  let work: string | undefined;
  let copy: string | undefined;
  let registry: Registry | undefined;
  let opening: Promise<Registry> | undefined;

  beforeAll(async () => {
    work = testFolder('release-work');
    opening = registryWithDependencies(join(work, 'registry'));
    registry = await opening;
    copy = copyOfRepo('release', { built: true });
    // And the build at the versions the changesets give: a release rebuilds only what the
    // file's own changes change.
    cpSync(inject('versionedBuild'), join(copy, '.turbo/cache'), { recursive: true });
    // The commit the copy starts from stands for the last release: the release compares the spec with it.
    execFileSync('git', ['tag', LAST_RELEASE], { cwd: copy });
  });
  afterAll(async () => {
    // Stopped even when the setup failed after starting it.
    await (registry ?? (await opening?.catch(() => undefined)))?.close();
    for (const dir of [copy, work]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const started = () => {
    if (!(work && copy && registry)) throw new Error('The copy and its registry are made before the tests.');
    return { work, copy, registry };
  };

  const inCopy = (command: string, ...args: string[]) =>
    execFileSync(command, args, { cwd: started().copy, env: started().registry.env, encoding: 'utf8', stdio: 'pipe' });

  /** A package's manifest in the copy (packages/<name>/package.json). */
  const manifest = (name: string) =>
    JSON.parse(
      readFileSync(join(started().copy, 'packages', name.replace('@autocollect/', ''), 'package.json'), 'utf8'),
    );

  /** Packs workspaces of the copy as they are, and publishes the tarballs at once, as a release would. */
  async function publishPacked(...names: string[]) {
    const { work, registry } = started();
    const packed: { name: string; filename: string }[] = JSON.parse(
      inCopy('npm', 'pack', '--json', '--pack-destination', work, ...names.flatMap((name) => ['-w', name])),
    );
    await Promise.all(packed.map(({ name, filename }) => registry.publish(join(work, filename), manifest(name))));
  }

  return {
    get work() {
      return started().work;
    },
    get copy() {
      return started().copy;
    },
    get registry() {
      return started().registry;
    },
    inCopy,
    localVersion: (name: string): string => manifest(name).version,
    /** The versions of a package on the registry. */
    versions: async (name: string) => Object.keys((await started().registry.packument(name))?.versions ?? {}).sort(),

    /** `npm run release -- --publish --registry <url>` in the copy. */
    release: () =>
      spawnSync('npm', ['run', 'release', '--', '--publish', '--registry', started().registry.url], {
        cwd: started().copy,
        env: {
          ...started().registry.env,
          TURBO_TELEMETRY_DISABLED: '1',
          REDOCLY_TELEMETRY: 'off',
          NO_COLOR: '1',
        },
        encoding: 'utf8',
      }),

    /** Versions the changesets give: `npx changeset version`, committed as a release commit would be. */
    version(changeset?: { name: string; bump: string }) {
      if (changeset)
        writeFileSync(
          join(started().copy, '.changeset/fix.md'),
          `---\n'${changeset.name}': ${changeset.bump}\n---\n\nFix a typo in an error message.\n`,
        );
      // The repo's own changesets CLI: what `npx changeset` runs, without npx's look-up.
      inCopy(join(started().copy, 'node_modules/.bin/changeset'), 'version');
      inCopy('git', 'add', '-A');
      inCopy('git', 'commit', '-q', '-m', 'Version packages');
    },

    /**
     * The registry as an earlier release that stopped half-way leaves it, at the versions the
     * changesets give now: the openapi package as it is, and the docs as they were before a
     * last-minute change to their README.
     */
    async publishedHalfway() {
      const readme = join(started().copy, 'packages/docs/README.md');
      const text = readFileSync(readme, 'utf8');
      writeFileSync(readme, `${text}An earlier wording.\n`);
      try {
        await publishPacked('@autocollect/openapi', '@autocollect/docs');
      } finally {
        writeFileSync(readme, text);
      }
    },
  };
}
