// What the release test files of a run share: Verdaccio's process, with a storage that
// holds the public packages' dependencies (published once, as the public registry serves
// them) for each file's registry to start from; and a turbo cache for their copies' builds,
// which are the same build wherever the files' changes are the same.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { publicPackages } from '../../../../scripts/public-packages.js';
import { testFolder } from '../../../../scripts/test-folder.js';
import { openRegistry, publishDependencies, type Registry, startRegistryHost } from './registry.js';

declare module 'vitest' {
  export interface ProvidedContext {
    registryHost: string;
    /** A registry's storage with the dependencies in it: copied, never served. */
    dependenciesStorage: string;
    /** The copies' turbo cache (TURBO_CACHE_DIR), starting as this repo's. */
    turboCache: string;
  }
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export default async function setup(project: TestProject) {
  const host = await startRegistryHost();
  const folder = testFolder('release-registries');
  try {
    const template = await openRegistry(host.url, join(folder, 'template'));
    await publishDependencies(
      template,
      publicPackages(repoRoot).map((workspace) => join(repoRoot, workspace.dir)),
      join(folder, 'dependencies'),
    );
    await template.close();
  } catch (error) {
    await host.close();
    throw error;
  }
  const turboCache = join(folder, 'turbo-cache');
  const ownCache = join(repoRoot, '.turbo/cache');
  if (existsSync(ownCache)) cpSync(ownCache, turboCache, { recursive: true });
  project.provide('turboCache', turboCache);
  project.provide('registryHost', host.url);
  project.provide('dependenciesStorage', join(folder, 'template', 'storage'));
  return async () => {
    await host.close();
    rmSync(folder, { recursive: true, force: true });
  };
}

/** A registry for a test file, under `dir`, holding the dependencies and nothing else. */
export function registryWithDependencies(dir: string): Promise<Registry> {
  cpSync(inject('dependenciesStorage'), join(dir, 'storage'), { recursive: true });
  return openRegistry(inject('registryHost'), dir);
}
