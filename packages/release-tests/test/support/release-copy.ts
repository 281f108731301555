// What a release test starts from: a copy of the repo, built as a maintainer's clone is
// before a release, whose commit is tagged as the last release, and a registry of its own
// that holds the packages' dependencies and none of them.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, inject } from 'vitest';
import { publicPackages } from '../../../../scripts/public-packages.js';
import { copyOfRepo } from '../../../../scripts/repo-copy.js';
import { testFolder } from '../../../../scripts/test-folder.js';
import { openRegistry, type Registry } from './registry.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
/** What the release publishes: the public workspaces. */
export const PUBLIC = publicPackages(repoRoot).map((workspace) => workspace.name);
export const LAST_RELEASE = '@autocollect/client@0.0.0';
/**
 * Where the user's npm config sends the @autocollect scope, as a line for GitHub Packages or
 * npm's registry would: a release must publish where its --registry says. Nothing listens
 * there, and its npm config holds no token for it.
 */
const SCOPE_ELSEWHERE = 'http://127.0.0.1:9/';
/** The npm user config a release runs with: the registry's token, and the scope sent elsewhere. */
const releaseUserconfig = (work: string) => join(work, 'user.npmrc');

/** What the run's setup made for every release to start from (run-setup.ts). */
export interface ReleaseStart {
  registryHost: string;
  /** A registry's storage with the dependencies in it: copied, never served or changed. */
  dependenciesStorage: string;
  /**
   * Turbo's cache of a copy built at the versions the changesets give, for a release to
   * rebuild only what its test changes: copied, never written. None for the first copy.
   */
  versionedBuild?: string;
}

/** A copy, its work folder and its registry, and what a test does with them. */
export type ReleaseCopy = ReturnType<typeof releaseCopyOf>;

/**
 * A new copy with a registry of its own, under a work folder; `close` stops the registry and
 * removes both folders.
 */
export async function openReleaseCopy(start: ReleaseStart): Promise<ReleaseCopy & { close(): Promise<void> }> {
  const work = testFolder('release-work');
  let copy: string | undefined;
  const opening = (async () => {
    cpSync(start.dependenciesStorage, join(work, 'registry/storage'), { recursive: true });
    return openRegistry(start.registryHost, join(work, 'registry'));
  })();
  const close = async () => {
    // Stopped even when the copy failed after starting it.
    await (await opening.catch(() => undefined))?.close();
    for (const dir of [copy, work]) if (dir) rmSync(dir, { recursive: true, force: true });
  };
  try {
    copy = copyOfRepo('release', { built: true });
    if (start.versionedBuild) cpSync(start.versionedBuild, join(copy, '.turbo/cache'), { recursive: true });
    // The commit the copy starts from stands for the last release: the release compares the spec with it.
    execFileSync('git', ['tag', LAST_RELEASE], { cwd: copy });
    const registry = await opening;
    writeFileSync(
      releaseUserconfig(work),
      `${readFileSync(registry.handle.userconfig, 'utf8')}@autocollect:registry=${SCOPE_ELSEWHERE}\n`,
    );
    return { ...releaseCopyOf({ work, copy, registry }), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** For a test file: a copy made before its tests (`openReleaseCopy`) and removed after them. */
export function releaseCopy(): ReleaseCopy {
  let opened: Awaited<ReturnType<typeof openReleaseCopy>> | undefined;
  beforeAll(async () => {
    opened = await openReleaseCopy({
      registryHost: inject('registryHost'),
      dependenciesStorage: inject('dependenciesStorage'),
      versionedBuild: inject('versionedBuild'),
    });
  });
  afterAll(() => opened?.close());
  // Each member asks for the copy when called: the object is made before the copy is.
  const started = (): ReleaseCopy => {
    if (!opened) throw new Error('The copy and its registry are made before the tests.');
    return opened;
  };
  return new Proxy({} as ReleaseCopy, { get: (_, key) => started()[key as keyof ReleaseCopy] });
}

/** What a test does with a copy and its registry, made already. */
export function releaseCopyOf({ work, copy, registry }: { work: string; copy: string; registry: Registry }) {
  // npm with the registry's token; turbo and Redocly telling no one.
  const env = { ...registry.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' };
  const inCopy = (command: string, ...args: string[]) =>
    execFileSync(command, args, { cwd: copy, env, encoding: 'utf8', stdio: 'pipe' });

  /** A package's manifest in the copy (packages/<name>/package.json). */
  const manifest = (name: string) =>
    JSON.parse(readFileSync(join(copy, 'packages', name.replace('@autocollect/', ''), 'package.json'), 'utf8'));

  /** Packs workspaces of the copy as they are, and publishes the tarballs at once, as a release would. */
  async function publishPacked(...names: string[]) {
    const packed: { name: string; filename: string }[] = JSON.parse(
      inCopy('npm', 'pack', '--json', '--pack-destination', work, ...names.flatMap((name) => ['-w', name])),
    );
    await Promise.all(packed.map(({ name, filename }) => registry.publish(join(work, filename), manifest(name))));
  }

  return {
    work,
    copy,
    registry,
    inCopy,
    localVersion: (name: string): string => manifest(name).version,
    /** The versions of a package on the registry. */
    versions: async (name: string) => Object.keys((await registry.packument(name))?.versions ?? {}).sort(),

    publishPacked,

    /** `npm run release -- --publish --registry <url>` in the copy (without --publish: the dry run). */
    release: ({ publish = true } = {}) =>
      spawnSync('npm', ['run', 'release', '--', ...(publish ? ['--publish'] : []), '--registry', registry.url], {
        cwd: copy,
        env: { ...env, NPM_CONFIG_USERCONFIG: releaseUserconfig(work) },
        encoding: 'utf8',
      }),

    /**
     * `npm run release -- --publish` without --registry, with an npm config of the test's
     * alone: a home folder in the work folder, whose user config (.npmrc) holds the registry's
     * token and `npmrc`; no global config; no npm_config_ variable but `variables`. The
     * user's own config is never read. `byNode`: run as `node scripts/release.js --publish`,
     * which sees every variable, where npm run's shell may drop one whose name is no shell
     * variable's (dash drops npm_config_@autocollect:registry).
     */
    releaseByNpmConfig({
      npmrc = '',
      variables = {},
      byNode = false,
    }: {
      npmrc?: string;
      variables?: Record<string, string>;
      byNode?: boolean;
    } = {}) {
      const home = join(work, 'home');
      mkdirSync(home, { recursive: true });
      const userconfig = join(home, '.npmrc');
      writeFileSync(userconfig, `//127.0.0.1:${registry.handle.port}/:_authToken=${registry.handle.token}\n${npmrc}`);
      const inherited = Object.entries(env).filter(([name]) => !/^npm_config_/i.test(name));
      const [command, ...args] = byNode
        ? [process.execPath, 'scripts/release.js', '--publish']
        : ['npm', 'run', 'release', '--', '--publish'];
      return spawnSync(command as string, args, {
        cwd: copy,
        env: {
          ...Object.fromEntries(inherited),
          HOME: home,
          NPM_CONFIG_USERCONFIG: userconfig,
          NPM_CONFIG_GLOBALCONFIG: join(home, 'no-global-npmrc'),
          NPM_CONFIG_UPDATE_NOTIFIER: 'false',
          ...variables,
        },
        encoding: 'utf8',
      });
    },

    /** Versions the changesets give: `npx changeset version`, committed as a release commit would be. */
    version(changeset?: { name: string; bump: string }) {
      if (changeset)
        writeFileSync(
          join(copy, '.changeset/fix.md'),
          `---\n'${changeset.name}': ${changeset.bump}\n---\n\nFix a typo in an error message.\n`,
        );
      // The repo's own changesets CLI: what `npx changeset` runs, without npx's look-up.
      inCopy(join(copy, 'node_modules/.bin/changeset'), 'version');
      inCopy('git', 'add', '-A');
      inCopy('git', 'commit', '-q', '-m', 'Version packages');
    },

    /**
     * The registry as an earlier release that stopped half-way leaves it, at the versions the
     * changesets give now: the openapi package as it is, and the docs as they were before a
     * last-minute change to their README.
     */
    async publishedHalfway() {
      const readme = join(copy, 'packages/docs/README.md');
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
