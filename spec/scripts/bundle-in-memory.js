// @ts-check
// Bundles API descriptions whose files are in memory (a git ref's, for spec:diff) with
// Redocly's OpenAPI bundler alone, with no configuration: the repository's plugin and rules
// are not loaded. (It loads in a third of the time of Redocly's whole library, though
// spec:diff loads that too, to check each side first: validateInMemory.) Its bundles are
// those `npm run build` makes (redocly.js, with redocly.yaml) as long as redocly.yaml
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

/** Where the files are said to be: nowhere on the disk, so that nothing is read from it. */
const IN_MEMORY = resolve('/autocollect-spec-in-memory');

/** A spec file's path in the tree, from where it is said to be; undefined for a path elsewhere. @param {string} absolute */
const inMemoryPath = (absolute) =>
  absolute.startsWith(`${IN_MEMORY}/`) ? absolute.slice(IN_MEMORY.length + 1) : undefined;

/**
 * A resolver class that reads the spec's files from memory.
 * @param {Map<string, Buffer>} files
 * @param {typeof import('@redocly/openapi-core').BaseResolver} BaseResolver
 * @param {typeof import('@redocly/openapi-core').Source} Source
 */
function inMemoryResolver(files, BaseResolver, Source) {
  class InMemoryResolver extends BaseResolver {
    /**
     * @override
     * @param {string} absoluteRef
     */
    async loadExternalRef(absoluteRef) {
      const file = inMemoryPath(absoluteRef);
      const content = file === undefined ? undefined : files.get(file);
      if (content === undefined) throw new Error(`${file ?? absoluteRef} is not one of the spec's files`);
      // As Redocly reads a file: line ends made \n.
      return new Source(absoluteRef, content.toString('utf8').replace(/\r\n/g, '\n'));
    }
  }
  return { make: (/** @type {any} */ options) => new InMemoryResolver(options) };
}

/** @param {Map<string, Buffer>} files @param {string[] | undefined} names */
const apisOf = (files, names) =>
  readApis(IN_MEMORY, files.get('redocly.yaml')).filter((entry) => !names || names.includes(entry.name));

/** @typedef {import('./redocly.js').Finding} Finding */

/**
 * The errors among Redocly's problems, as the build tells them.
 * @param {import('@redocly/openapi-core').NormalizedProblem[]} problems
 * @returns {Promise<Finding[]>}
 */
async function errorFindings(problems) {
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length === 0) return [];
  // Loaded only then: it loads Redocly whole.
  const { toFinding } = await import('./redocly.js');
  return errors.map(toFinding);
}

/**
 * Redocly throws on a loop of `$ref`s, saying not where: found, it is a finding; any other
 * error is thrown again.
 * @param {unknown} error @param {string} root @param {Map<string, Buffer>} files
 * @returns {Promise<Finding[]>}
 */
async function refLoopInMemory(error, root, files) {
  const { refLoopFindings } = await import('./ref-loop.js');
  const read = (/** @type {string} */ file) => {
    const path = inMemoryPath(file);
    return path === undefined ? undefined : files.get(path)?.toString('utf8');
  };
  return refLoopFindings(error, root, read);
}

/**
 * Throws with the findings, each told as the build tells it.
 * @param {Finding[]} findings
 * @param {string} what
 */
async function failOn(findings, what) {
  if (findings.length === 0) return;
  const { describeFinding } = await import('./redocly.js');
  throw new Error(`${what}:\n${findings.map((finding) => describeFinding(finding, IN_MEMORY)).join('\n')}`);
}

/**
 * Checks each description (or those named) against the OpenAPI specification alone, with
 * Redocly's `spec` ruleset (the repository's own rules are the build's lint): a description
 * may bundle and still be nonsense (`type: strnig`, a parameter without a name), whose
 * types and verdicts would be nonsense too. Throws with each error and its place.
 * @param {Map<string, Buffer>} files the spec's files by path relative to the repo, redocly.yaml among them
 * @param {string[]} [names] only these descriptions
 */
export async function validateInMemory(files, names) {
  const { lint, createConfig, BaseResolver, Source } = await import('@redocly/openapi-core');
  const config = await createConfig({ extends: ['spec'] });
  const resolver = inMemoryResolver(files, BaseResolver, Source);
  for (const api of apisOf(files, names)) {
    const findings = await lint({ ref: api.root, config, externalRefResolver: resolver.make(config.resolve) }).then(
      errorFindings,
      (error) => refLoopInMemory(error, api.root, files),
    );
    await failOn(findings, `${api.name} is not valid OpenAPI`);
  }
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
  const resolver = inMemoryResolver(files, BaseResolver, Source);
  const bundles = [];
  for (const api of apisOf(files, names)) {
    const result = await bundleOas({ ref: api.root, config, externalRefResolver: resolver.make(config.resolve) });
    await failOn(await errorFindings(result.problems), `${api.name} does not bundle`);
    bundles.push({
      name: api.name,
      document: result.bundle.parsed,
      files: [...result.fileDependencies].map((file) => file.slice(IN_MEMORY.length + 1)),
    });
  }
  return bundles;
}
