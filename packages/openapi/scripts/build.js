// @ts-check
// Copies each API description's bundle (JSON and YAML), as the spec package bundles
// it, into dist/ under the bundle's own name: openapi, identity, legacy.
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readApis } from '@autocollect/spec/description';

/**
 * Copies the bundles the spec package wrote; what it copied, a line each.
 * @param {string} [root] the repository's root (readApis's default: this one)
 */
export function copyBundles(root) {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  mkdirSync(dist, { recursive: true });
  return readApis(root).map(({ name, bundle, bundleYaml }) => {
    copyFileSync(bundle, resolve(dist, basename(bundle)));
    copyFileSync(bundleYaml, resolve(dist, basename(bundleYaml)));
    return `openapi: dist/${basename(bundle)} (+ .yaml), ${name}`;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of copyBundles()) console.log(line);
}
