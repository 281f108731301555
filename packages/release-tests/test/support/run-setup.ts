// What the release test files of a run share: Verdaccio's process, with a storage that
// holds the public packages' dependencies (published as the public registry serves them,
// and kept between runs) for each registry to start from; the build of the repo at the
// versions the changesets give, which every release starts from; and the release that
// publishes them (shared-release.ts), which two files check from two sides.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { isRunning } from '../../../../scripts/process-running.js';
import { publicPackages } from '../../../../scripts/public-packages.js';
import { testFolder } from '../../../../scripts/test-folder.js';
import { dependenciesOf, openRegistry, publishInstalled, type RegistryHost, startRegistryHost } from './registry.js';
import type { ReleaseStart } from './release-copy.js';
import { releaseHalfway, type SharedRelease } from './shared-release.js';

declare module 'vitest' {
  export interface ProvidedContext extends Required<ReleaseStart> {
    sharedRelease: SharedRelease;
  }
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const require = createRequire(import.meta.url);

export default async function setup(project: TestProject) {
  const folder = testFolder('release-registries');
  const host = await startRegistryHost();
  let shared: Awaited<ReturnType<typeof releaseHalfway>> | undefined;
  const teardown = async () => {
    await shared?.close();
    await host.close();
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    // Said as it goes: the files start only once this is done.
    console.log(' ▶ setup: a registry holding the dependencies');
    const start = { registryHost: host.url, dependenciesStorage: await dependenciesStorage(host, folder) };
    shared = await releaseHalfway(start);
    project.provide('registryHost', start.registryHost);
    project.provide('dependenciesStorage', start.dependenciesStorage);
    project.provide('versionedBuild', shared.versionedBuild);
    project.provide('sharedRelease', shared.record);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/**
 * A registry's storage holding the dependencies, kept between runs by what it holds (each
 * name@version, Verdaccio's version, and the code that makes it): packing and publishing
 * them takes seconds. Made in `folder`, copied beside the cache's entries and renamed into
 * place, so a run stopped half-way leaves no entry, only a copy the next run removes.
 */
async function dependenciesStorage(host: RegistryHost, folder: string): Promise<string> {
  const dependencies = dependenciesOf(publicPackages(repoRoot).map((workspace) => join(repoRoot, workspace.dir)));
  // And how it is made: what packs and publishes them, and the registry's own code and config.
  const makers = ['./registry.ts', './verdaccio-server.js'].map((file) =>
    readFileSync(new URL(file, import.meta.url), 'utf8'),
  );
  const key = createHash('sha256')
    .update(JSON.stringify([require('verdaccio/package.json').version, ...makers, [...dependencies.keys()].sort()]))
    .digest('hex')
    .slice(0, 16);
  const cache = join(repoRoot, 'node_modules/.cache/autocollect/release-registry');
  const kept = join(cache, key);
  if (existsSync(kept)) return kept;
  // Storages made before, for other dependencies or code, and what a run stopped while it
  // copied left behind; not a copy a running process is making.
  for (const entry of existsSync(cache) ? readdirSync(cache) : []) {
    const pid = Number(/\.(\d+)$/.exec(entry)?.[1]);
    if (!pid || !isRunning(pid)) rmSync(join(cache, entry), { recursive: true, force: true });
  }
  const template = await openRegistry(host.url, join(folder, 'template'));
  await publishInstalled(template, [...dependencies.values()], join(folder, 'dependencies'));
  await template.close();
  mkdirSync(cache, { recursive: true });
  const moving = `${kept}.${process.pid}`;
  cpSync(join(folder, 'template', 'storage'), moving, { recursive: true });
  try {
    renameSync(moving, kept);
  } catch (error) {
    // Another run kept the same storage first.
    rmSync(moving, { recursive: true, force: true });
    if (!existsSync(kept)) throw error;
  }
  return kept;
}
