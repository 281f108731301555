// @ts-check
// Bundles every API description listed in redocly.yaml into one JSON file (the
// `output` of its `apis` entry) and writes a YAML copy beside it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { readApis, repoRoot } from './description.js';
import { bundleDescriptions } from './redocly.js';

/**
 * Writes a bundle where redocly.yaml says, as JSON and YAML.
 * @param {import('./description.js').ApiEntry} api
 * @param {unknown} document
 */
export function writeBundle(api, document) {
  mkdirSync(dirname(api.bundle), { recursive: true });
  writeFileSync(api.bundle, `${JSON.stringify(document, null, 2)}\n`);
  writeFileSync(api.bundleYaml, stringify(document, { lineWidth: 0 }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bundles = await bundleDescriptions();
  for (const api of readApis(repoRoot)) {
    writeBundle(api, bundles.find((entry) => entry.name === api.name)?.document);
    console.log(`${api.name}: ${api.output} (+ .yaml)`);
  }
}
