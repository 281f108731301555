// What the repo's tooling needs to know of an API description and of redocly.yaml,
// in one place: the HTTP methods, following local $refs, and the list of APIs.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The repository's root, where redocly.yaml is. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The keys of a path item that are operations. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Follows local $refs (`#/components/...`) in a bundled document; a node without one is returned as it is. */
export function deref(document, node) {
  let current = node;
  for (let hops = 0; current?.$ref && hops < 50; hops++) {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((n, part) => n?.[part.replaceAll('~1', '/').replaceAll('~0', '~')], document);
  }
  return current;
}

/**
 * The API descriptions a redocly.yaml lists, in its order: the name, the `output`
 * bundle (absolute), its YAML twin, and where codegen writes its types (relative to the root).
 */
export function readApis(root = repoRoot) {
  const { apis } = parse(readFileSync(resolve(root, 'redocly.yaml'), 'utf8'));
  return Object.entries(apis).map(([name, api]) => {
    if (!api.output?.endsWith('.json')) {
      throw new Error(`redocly.yaml: api "${name}" needs an "output" ending in .json for its bundle.`);
    }
    const bundle = resolve(root, api.output);
    return { name, output: api.output, bundle, bundleYaml: bundle.replace(/\.json$/, '.yaml'), typesOutput: api['x-openapi-ts']?.output };
  });
}
