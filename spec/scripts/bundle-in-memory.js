// @ts-check
// Bundles API descriptions whose files are in memory (a git ref's, for spec:diff) with
// Redocly's OpenAPI bundler alone: it loads in a third of the time of Redocly's whole
// library, since the configuration, its plugin and the linter are not loaded. Its bundles
// are those `npm run build` makes (redocly.js, with redocly.yaml) as long as redocly.yaml
// declares nothing that changes a bundle, such as a decorator: test/bundle-in-memory.test.ts
// compares them.
import { resolve } from 'node:path';
import { readApis } from './description.js';

/**
 * Redocly's OpenAPI-only bundler (the package's `lib/bundle-oas` entry), and the resolver
 * it reads files with, from the module beside it: the package exports no lighter way to it.
 */
async function oasBundler() {
  const entry = new URL(import.meta.resolve('@redocly/openapi-core/lib/bundle-oas'));
  const [{ bundleOas, createEmptyRedoclyConfig }, { BaseResolver, Source }] = await Promise.all([
    import(entry.href),
    import(new URL('../resolve.js', entry).href),
  ]);
  return {
    bundleOas: /** @type {typeof import('@redocly/openapi-core/lib/bundle-oas').bundleOas} */ (bundleOas),
    config: /** @type {typeof import('@redocly/openapi-core/lib/bundle-oas').createEmptyRedoclyConfig} */ (
      createEmptyRedoclyConfig
    )(),
    BaseResolver: /** @type {typeof import('@redocly/openapi-core').BaseResolver} */ (BaseResolver),
    Source: /** @type {typeof import('@redocly/openapi-core').Source} */ (Source),
  };
}

/**
 * Bundles each description (or those named) of a tree of spec files; returns the documents
 * by API name, with the files each was made of (relative to the tree), or throws with the
 * problems.
 * @param {Map<string, Buffer>} files the spec's files by path relative to the repo, redocly.yaml among them
 * @param {string[]} [names] only these descriptions
 * @returns {Promise<{ name: string, document: any, files: string[] }[]>}
 */
export async function bundleInMemory(files, names) {
  const { bundleOas, config, BaseResolver, Source } = await oasBundler();
  // Where the files are said to be: nowhere on the disk, so that nothing is read from it.
  const root = resolve('/autocollect-spec-in-memory');
  class InMemoryResolver extends BaseResolver {
    /**
     * @override
     * @param {string} absoluteRef
     */
    async loadExternalRef(absoluteRef) {
      const file = absoluteRef.startsWith(`${root}/`) ? absoluteRef.slice(root.length + 1) : undefined;
      const content = file === undefined ? undefined : files.get(file);
      if (content === undefined) throw new Error(`${file ?? absoluteRef} is not one of the spec's files`);
      // As Redocly reads a file: line ends made \n.
      return new Source(absoluteRef, content.toString('utf8').replace(/\r\n/g, '\n'));
    }
  }
  const bundles = [];
  for (const api of readApis(root, files.get('redocly.yaml')).filter((entry) => !names || names.includes(entry.name))) {
    const result = await bundleOas({
      ref: api.root,
      config,
      externalRefResolver: new InMemoryResolver(config.resolve),
    });
    const errors = result.problems.filter((problem) => problem.severity === 'error');
    if (errors.length > 0) {
      // Told as the build tells them (loaded only then: it loads Redocly whole).
      const { describeFinding, toFinding } = await import('./redocly.js');
      throw new Error(
        `${api.name} does not bundle:\n${errors.map((problem) => describeFinding(toFinding(problem), root)).join('\n')}`,
      );
    }
    bundles.push({
      name: api.name,
      document: result.bundle.parsed,
      files: [...result.fileDependencies].map((file) => file.slice(root.length + 1)),
    });
  }
  return bundles;
}
