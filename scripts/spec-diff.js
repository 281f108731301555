// @ts-check
// Lists every change to the API descriptions (as they are in the working tree) since a
// git ref, in words for the changelog, each marked breaking or not; fails when a breaking
// change has no major changeset for @autocollect/client.
//
//   npm run spec:diff -- --base <git ref>
//
// A change breaks when code that compiled against the client generated from the old
// description may not compile against the new one: the TypeScript compiler decides
// (scripts/spec-diff/). Removed operations, webhooks and servers break too.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import read from '@changesets/read';
import { repoRoot as root } from '../spec/scripts/description.js';
import { bundleDescriptions } from '../spec/scripts/redocly.js';
import { listChanges } from './spec-diff/spec-changes.js';

const GATED_PACKAGE = '@autocollect/client';

/** Bad input on the command line: said in one line, exit code 2. */
class UsageError extends Error {}

const SPEC_FILE = (/** @type {string} */ file) => file === 'redocly.yaml' || /^spec\/(?!test\/|dist\/)/.test(file);

/**
 * Bundles every API description of a repo as it was at `ref` (or, with no ref, as it is in
 * the working tree).
 * @param {string} repo
 * @param {string | undefined} ref
 * @returns {Promise<Record<string, any>>} the documents by API name
 */
async function bundlesAt(repo, ref) {
  const git = (/** @type {string[]} */ ...args) =>
    execFileSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // Inside the repo, so that the copy's lint plugin resolves its imports from node_modules.
  const cacheDir = join(repo, 'node_modules/.cache/autocollect');
  mkdirSync(cacheDir, { recursive: true });
  const dir = mkdtempSync(join(cacheDir, 'spec-diff-'));
  try {
    if (ref && spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: repo }).status !== 0)
      throw new UsageError(`git knows no commit "${ref}": pass a branch, tag or commit of this repo as --base.`);
    const listed = ref
      ? git('ls-tree', '-r', '--name-only', ref, '--', 'spec', 'redocly.yaml')
      : git('ls-files', '--cached', '--others', '--exclude-standard', '--', 'spec', 'redocly.yaml');
    const files = listed.split('\n').filter(SPEC_FILE);
    if (!files.includes('redocly.yaml'))
      throw new Error(`${ref ?? 'The working tree'} has no redocly.yaml: pick a ref that has the spec.`);
    const contents = ref ? blobsAt(repo, ref, files) : files.map((file) => readFileSync(join(repo, file)));
    for (const [index, file] of files.entries()) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), /** @type {Buffer} */ (contents[index]));
    }
    return Object.fromEntries((await bundleDescriptions(dir)).map(({ name, document }) => [name, document]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The contents of files at a ref, read by one git process.
 * @param {string} repo
 * @param {string} ref
 * @param {string[]} files
 * @returns {Buffer[]}
 */
function blobsAt(repo, ref, files) {
  const output = execFileSync('git', ['cat-file', '--batch'], {
    cwd: repo,
    input: files.map((file) => `${ref}:${file}\n`).join(''),
    maxBuffer: 256 * 1024 * 1024,
  });
  /** @type {Buffer[]} */
  const blobs = [];
  let at = 0;
  for (const file of files) {
    const end = output.indexOf(10, at); // "<sha> blob <size>\n<content>\n"
    const [, type, size] = output.subarray(at, end).toString().split(' ');
    if (type !== 'blob') throw new Error(`git has no file ${file} at ${ref}.`);
    blobs.push(output.subarray(end + 1, end + 1 + Number(size)));
    at = end + 1 + Number(size) + 1;
  }
  return blobs;
}

/** @typedef {import('./spec-diff/spec-changes.js').Change} Change */

/**
 * Every change to each API description since a git ref, bundling both sides afresh.
 * @param {string} base
 * @param {string} [repo]
 * @returns {Promise<{ api: string, changes: Change[] }[]>}
 */
export async function specChanges(base, repo = root) {
  const before = await bundlesAt(repo, base);
  const after = await bundlesAt(repo, undefined);
  /** @type {{ api: string, changes: Change[] }[]} */
  const results = [];
  for (const api of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const changes = !after[api]
      ? [{ where: api, text: 'the whole description removed', breaking: true }]
      : before[api]
        ? await listChanges(before[api], after[api])
        : [{ where: api, text: 'new description', breaking: false }];
    results.push({ api, changes });
  }
  return results;
}

/**
 * Whether a pending changeset bumps the package a major version.
 * @param {string} name
 */
async function hasMajorChangeset(name) {
  const changesets = await read(root);
  return changesets.some((changeset) =>
    changeset.releases.some((release) => release.name === name && release.type === 'major'),
  );
}

async function main() {
  const flag = process.argv.indexOf('--base');
  const base = flag === -1 ? undefined : process.argv[flag + 1];
  if (!base) {
    console.error('Usage: npm run spec:diff -- --base <git ref>   (a branch, tag or commit to compare the spec with)');
    process.exit(2);
  }
  let results;
  try {
    results = await specChanges(base);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  let breaking = 0;
  for (const { api, changes } of results) {
    const count = `${changes.length} change${changes.length === 1 ? '' : 's'}`;
    console.log(`${api}: ${changes.length ? `${count} since ${base}` : `no change since ${base}`}`);
    for (const change of changes)
      console.log(`  ${change.breaking ? 'BREAKING' : 'safe    '}  ${change.where}: ${change.text}`);
    breaking += changes.filter((change) => change.breaking).length;
  }
  if (breaking === 0) return console.log('\nNo breaking change.');
  if (await hasMajorChangeset(GATED_PACKAGE))
    return console.log(
      `\n${breaking} breaking change(s), released as a major version of ${GATED_PACKAGE} by a pending changeset.`,
    );
  console.error(
    `\n${breaking} breaking change(s) without a major changeset for ${GATED_PACKAGE}. Undo them, or run \`npx changeset\`, choose a major bump for ${GATED_PACKAGE}, and say in it what users must change.`,
  );
  process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
