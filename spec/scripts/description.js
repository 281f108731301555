// @ts-check
// What the repo's tooling needs to know of an API description and of redocly.yaml,
// in one place: the HTTP methods, following local $refs, walking operations and
// merged properties, and the list of APIs.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export * from './walk.js';

/**
 * @typedef {object} ApiEntry
 * @property {string} name the `apis` key, such as autocollect@v1
 * @property {string} root the description's root file (absolute)
 * @property {string} output the bundle's path as redocly.yaml gives it
 * @property {string} bundle the bundle (absolute)
 * @property {string} bundleYaml its YAML twin (absolute)
 * @property {string | undefined} typesOutput where codegen writes its types (relative to the root)
 */

/** The repository's root, where redocly.yaml is. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The API descriptions a redocly.yaml lists, in its order.
 * @param {string} [root]
 * @param {string | Buffer} [config] redocly.yaml's text, when it is not the file under root
 * @returns {ApiEntry[]}
 */
export function readApis(root = repoRoot, config = readFileSync(resolve(root, 'redocly.yaml'))) {
  const { apis } = parse(String(config));
  return Object.entries(apis).map(([name, api]) => {
    if (typeof api.root !== 'string') throw new Error(`redocly.yaml: api "${name}" needs a "root" file.`);
    if (!api.output?.endsWith('.json')) {
      throw new Error(`redocly.yaml: api "${name}" needs an "output" ending in .json for its bundle.`);
    }
    const bundle = resolve(root, api.output);
    return {
      name,
      root: resolve(root, api.root),
      output: api.output,
      bundle,
      bundleYaml: bundle.replace(/\.json$/, '.yaml'),
      typesOutput: api['x-openapi-ts']?.output,
    };
  });
}
