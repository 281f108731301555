// @ts-check
// Copies each API description's bundle (JSON and YAML), as the spec package bundles
// it, into dist/ under the bundle's own name: openapi, identity, legacy.
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readApis } from '@autocollect/spec/description';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
mkdirSync(dist, { recursive: true });
for (const { name, bundle, bundleYaml } of readApis()) {
  copyFileSync(bundle, resolve(dist, basename(bundle)));
  copyFileSync(bundleYaml, resolve(dist, basename(bundleYaml)));
  console.log(`openapi: dist/${basename(bundle)} (+ .yaml), ${name}`);
}
