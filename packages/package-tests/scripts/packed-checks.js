// @ts-check
// The checks a packed package passes before it is published, in one place for the test
// suite and for `npm run release`: publint, are-the-types-wrong, and the client's size
// budget (what a bundler ships of each entry, minified, openapi-fetch included).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const require = createRequire(import.meta.url);
// The CLI's bin, found through its package.json (its exports map has no entry for it).
const attw = require.resolve('@arethetypeswrong/cli/package.json').replace(/package\.json$/, 'dist/index.js');

/** The client's entry points, and how each must resolve its types. */
export const CLIENT_ENTRYPOINTS = ['.', './legacy', './package.json', './webhooks'];
export const TYPE_RESOLUTIONS = ['node10', 'node16-cjs', 'node16-esm', 'bundler'];

/**
 * Size budgets (bytes) for what a bundler ships of each entry of the packed client,
 * minified, openapi-fetch included. Raise one only with a reason in the commit.
 */
export const SIZE_BUDGETS = {
  '@autocollect/client': { minified: 39_900, gzip: 15_100 },
  '@autocollect/client/webhooks': { minified: 4_500, gzip: 2_000 },
};

/**
 * publint's messages on a tarball, errors to suggestions, in words: none when it passes.
 * @param {string} tarball
 * @returns {Promise<string[]>}
 */
export async function publintMessages(tarball) {
  const bytes = readFileSync(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    level: 'suggestion',
    strict: true,
  });
  return messages.map((message) => formatMessage(message, pkg) ?? message.code);
}

/**
 * are-the-types-wrong on a tarball: its problems, and for each entry point whether each
 * module resolution finds TypeScript types.
 * @param {string} tarball
 * @returns {{ problems: unknown[], entrypoints: Record<string, Record<string, boolean>>, status: number | null }}
 */
export function typesReport(tarball) {
  const result = spawnSync(process.execPath, [attw, tarball, '--format', 'json'], { encoding: 'utf8' });
  /** @type {{ analysis: { problems?: Record<string, unknown[]>, entrypoints: Record<string, { resolutions: Record<string, { resolution?: { isTypeScript?: boolean } }> }> } }} */
  const report = JSON.parse(result.stdout);
  const entrypoints = Object.fromEntries(
    Object.entries(report.analysis.entrypoints).map(([entrypoint, info]) => [
      entrypoint,
      Object.fromEntries(
        TYPE_RESOLUTIONS.map((resolution) => [
          resolution,
          info.resolutions[resolution]?.resolution?.isTypeScript === true,
        ]),
      ),
    ]),
  );
  return { problems: Object.values(report.analysis.problems ?? {}).flat(), entrypoints, status: result.status };
}

/**
 * What a bundler ships of an entry: minified and gzipped bytes, and the files it took.
 * @param {string} entry such as @autocollect/client/webhooks
 * @param {string} resolveDir a folder the entry resolves from, as a user's project would
 */
export async function bundleSize(entry, resolveDir) {
  const result = await build({
    stdin: { contents: `export * from '${entry}';`, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = /** @type {import('esbuild').OutputFile} */ (result.outputFiles[0]).contents;
  return {
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    inputs: Object.keys(result.metafile.inputs),
  };
}

/**
 * Everything the checks find wrong with packed packages, in words: none when they may be published.
 * @param {Record<string, string>} tarballs each package's tarball by package name
 * @param {string} resolveDir a folder where @autocollect/client resolves to what was packed
 * @returns {Promise<string[]>}
 */
export async function packedProblems(tarballs, resolveDir) {
  /** @type {string[]} */
  const problems = [];
  for (const [name, tarball] of Object.entries(tarballs)) {
    for (const message of await publintMessages(tarball)) problems.push(`${name}: publint: ${message}`);
    if (name !== '@autocollect/client') continue;
    const types = typesReport(tarball);
    const entrypoints = Object.keys(types.entrypoints).sort();
    if (entrypoints.join() !== CLIENT_ENTRYPOINTS.join())
      problems.push(`${name}: entry points ${entrypoints.join(', ')}, not ${CLIENT_ENTRYPOINTS.join(', ')}`);
    for (const problem of types.problems) problems.push(`${name}: are-the-types-wrong: ${JSON.stringify(problem)}`);
    for (const [entrypoint, resolutions] of Object.entries(types.entrypoints)) {
      if (entrypoint === './package.json') continue;
      for (const [resolution, found] of Object.entries(resolutions))
        if (!found) problems.push(`${name}: ${entrypoint} has no types under ${resolution} resolution`);
    }
  }
  if (tarballs['@autocollect/client']) {
    for (const [entry, budget] of Object.entries(SIZE_BUDGETS)) {
      const size = await bundleSize(entry, resolveDir);
      if (size.minified > budget.minified || size.gzip > budget.gzip)
        problems.push(
          `${entry}: ${size.minified} B minified, ${size.gzip} B gzip, over its budget of ${budget.minified} / ${budget.gzip}`,
        );
    }
  }
  return problems;
}
