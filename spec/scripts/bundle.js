// @ts-check
// Bundles every API description listed in redocly.yaml into one JSON file (the
// `output` of its `apis` entry) and writes a YAML copy beside it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';
import { readApis } from './description.js';
import { bundleDescriptions } from './redocly.js';

const bundles = await bundleDescriptions();
for (const { name, output, bundle, bundleYaml } of readApis()) {
  const document = bundles.find((entry) => entry.name === name)?.document;
  mkdirSync(dirname(bundle), { recursive: true });
  writeFileSync(bundle, `${JSON.stringify(document, null, 2)}\n`);
  writeFileSync(bundleYaml, stringify(document, { lineWidth: 0 }));
  console.log(`${name}: ${output} (+ .yaml)`);
}
