// @ts-check
// Lists every change to the API descriptions (as they are in the working tree) since a
// git ref, in words for the changelog, each marked breaking or not; fails when a breaking
// change has no major changeset for @autocollect/client.
//
//   npm run spec:diff -- --base <git ref>
//
// A change breaks when code that compiled against the client generated from the old
// description may not compile against the new one (the TypeScript compiler decides), or
// when a request the API accepted may now be refused, or a reader meet what it does not
// parse (the wire's judge: formats, bounds, patterns, closed objects, serialization,
// security). Removed operations, webhooks and servers break too. Each line says whose
// verdict it is (scripts/spec-diff/).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readApis, repoRoot as root } from '../spec/scripts/description.js';
import { readCached, writeCached } from './disk-cache.js';
import { judge as processJudge } from './spec-diff/judge.js';

const GATED_PACKAGE = '@autocollect/client';

/** Bad input (the command line, or a spec that cannot be compared): said without a stack, exit code 2. */
class UsageError extends Error {}

const SPEC_FILE = (/** @type {string} */ file) => file === 'redocly.yaml' || /^spec\/(?!test\/|dist\/)/.test(file);
/** The descriptions' own files; the others (redocly.yaml, its lint plugin and what that imports) shape every bundle. */
const DESCRIPTION_FILE = (/** @type {string} */ file) => file.startsWith('spec/openapi/');

/**
 * A version of the descriptions: a git ref, the working tree (undefined), or the spec's
 * files themselves (their contents by path relative to the repo).
 * @typedef {string | undefined | Map<string, Buffer>} SpecTree
 */

/**
 * The spec's files (under spec/, and redocly.yaml) as they are at a git ref, or with no
 * ref, in the working tree: their contents by path relative to the repo.
 * @param {string} repo
 * @param {string | undefined} ref
 * @param {Map<string, Buffer>} [blobs] contents read from git so far, by object id: each is read once
 * @returns {Map<string, Buffer>}
 */
export function specFiles(repo, ref, blobs = new Map()) {
  const git = (/** @type {string[]} */ ...args) =>
    execFileSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: 'pipe' });
  /** @type {[string, () => Buffer][]} each file, and how to read it */
  let files;
  if (ref) {
    let listed;
    try {
      listed = git('ls-tree', '-r', '-z', '--full-tree', `${ref}^{commit}`, '--', 'spec', 'redocly.yaml');
    } catch {
      let inRepo = true;
      try {
        git('rev-parse', '--git-dir');
      } catch {
        inRepo = false;
      }
      throw new UsageError(
        inRepo
          ? `git knows no commit "${ref}": pass a branch, tag or commit of this repo as --base.`
          : `${repo} is not in a git repository: spec:diff compares with a commit of one.`,
      );
    }
    // "<mode> blob <id>\t<path>", each ended by NUL
    const entries = listed
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const tab = line.indexOf('\t');
        return /** @type {[string, string]} */ ([line.slice(tab + 1), line.slice(0, tab).split(' ')[2]]);
      })
      .filter(([file]) => SPEC_FILE(file));
    readBlobs(
      repo,
      entries.map(([, id]) => id).filter((id) => !blobs.has(id)),
      blobs,
    );
    files = entries.map(([file, id]) => [file, () => /** @type {Buffer} */ (blobs.get(id))]);
  } else {
    const listed = git('ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', 'spec', 'redocly.yaml');
    // A file deleted in the working tree but not yet in git's index is gone.
    files = listed
      .split('\0')
      .filter((file) => SPEC_FILE(file) && existsSync(join(repo, file)))
      .map((file) => [file, () => readFileSync(join(repo, file))]);
  }
  if (!files.some(([file]) => file === 'redocly.yaml'))
    throw new UsageError(`${ref ?? 'The working tree'} has no redocly.yaml: pick a ref that has the spec.`);
  return new Map(files.map(([file, read]) => [file, read()]));
}

/**
 * Reads git objects by id, with one git process, into a store.
 * @param {string} repo
 * @param {string[]} ids
 * @param {Map<string, Buffer>} blobs
 */
function readBlobs(repo, ids, blobs) {
  if (ids.length === 0) return;
  const output = execFileSync('git', ['cat-file', '--batch'], {
    cwd: repo,
    input: ids.map((id) => `${id}\n`).join(''),
    maxBuffer: 256 * 1024 * 1024,
  });
  let at = 0;
  for (const id of ids) {
    const end = output.indexOf(10, at); // "<id> blob <size>\n<content>\n"
    const [, type, size] = output.subarray(at, end).toString().split(' ');
    if (type !== 'blob') throw new Error(`git has no blob ${id}.`);
    blobs.set(id, output.subarray(end + 1, end + 1 + Number(size)));
    at = end + 1 + Number(size) + 1;
  }
}

/**
 * @typedef {object} Bundle
 * @property {any} document
 * @property {Set<string>} files the spec files it was made of, relative to the repo
 */

/**
 * Bundles the API descriptions of a tree of spec files (all, or those named), read from memory.
 * @param {string} repo
 * @param {Tree} tree
 * @param {string[]} [names]
 * @returns {Promise<Map<string, Bundle>>} by API name
 */
async function bundleFiles(repo, { files, key: filesKey, side }, names) {
  // Kept by what makes them (the files, the descriptions asked for, the libraries installed):
  // the base of a comparison, a release tag, is bundled once.
  const bundlesDir = join(repo, 'node_modules/.cache/autocollect/spec-diff-bundles');
  const key = `${createHash('sha256')
    .update(filesKey)
    .update(JSON.stringify(names ?? null))
    .update(readFileSync(join(repo, 'package-lock.json')))
    .digest('hex')}.json`;
  const kept = readCached(bundlesDir, key);
  /** @param {[string, { document: any, files: string[] }][]} entries */
  const asBundles = (entries) =>
    new Map(entries.map(([name, bundle]) => [name, { document: bundle.document, files: new Set(bundle.files) }]));
  if (kept !== undefined) {
    try {
      return asBundles(JSON.parse(kept));
    } catch {
      // A file cut short or garbled (a full disk, say): made again, and written over.
    }
  }
  // Loaded when there is something to bundle: a usage error answers without Redocly.
  const { bundleInMemory, validateInMemory } = await import('../spec/scripts/bundle-in-memory.js');
  // Checked first: what is not valid OpenAPI may still bundle, and be judged as nonsense.
  const bundled = await validateInMemory(files, names)
    .then(() => bundleInMemory(files, names))
    .catch((/** @type {Error} */ error) => {
      throw new UsageError(`In ${side}, ${error.message}`);
    });
  /** @type {[string, { document: any, files: string[] }][]} */
  const entries = bundled.map(({ name, document, files: used }) => [name, { document, files: used }]);
  writeCached(bundlesDir, key, JSON.stringify(entries));
  return asBundles(entries);
}

/**
 * The descriptions of a tree of spec files that differ from a bundled base: those with a
 * file changed, or all of them when redocly.yaml or its plugin changed.
 * @param {string} repo
 * @param {{ files: Map<string, Buffer>, bundles: Map<string, Bundle> }} base
 * @param {Tree} tree
 * @returns {{ names: string[], stale: string[] }} every description's name, and those that differ
 */
function staleDescriptions(repo, base, { files, side }) {
  const same = (/** @type {string} */ file) => {
    const [before, after] = [base.files.get(file), files.get(file)];
    return before !== undefined && after !== undefined && before.equals(after);
  };
  const changed = [...new Set([...base.files.keys(), ...files.keys()])].filter((file) => !same(file));
  let names;
  try {
    names = readApis(repo, files.get('redocly.yaml')).map((api) => api.name);
  } catch (error) {
    throw new UsageError(`In ${side}, ${/** @type {Error} */ (error).message}`);
  }
  const stale = !changed.every(DESCRIPTION_FILE)
    ? names
    : names.filter((name) => {
        const bundle = base.bundles.get(name);
        return !bundle || changed.some((file) => bundle.files.has(file));
      });
  return { names, stale };
}

/**
 * Bundles a tree of spec files that differs from a bundled base in a few files: a
 * description none of whose files changed is the base's bundle, and is not bundled again.
 * @param {string} repo
 * @param {{ bundles: Map<string, Bundle> }} base
 * @param {Tree} tree
 * @param {{ names: string[], stale: string[] }} descriptions its descriptions, and those that differ (staleDescriptions)
 * @returns {Promise<Map<string, Bundle>>}
 */
async function bundleChanged(repo, base, tree, { names, stale }) {
  const fresh = stale.length ? await bundleFiles(repo, tree, stale) : new Map();
  return new Map(names.map((name) => [name, /** @type {Bundle} */ (fresh.get(name) ?? base.bundles.get(name))]));
}

/**
 * A version of the spec's files, ready to bundle.
 * @typedef {object} Tree
 * @property {Map<string, Buffer>} files by path relative to the repo
 * @property {string} key their contents' key (contentKey)
 * @property {string} side which version they are, for a problem's message (`the working tree`)
 */

/** @typedef {import('./spec-diff/spec-changes.js').Change} Change */
/** @typedef {{ api: string, changes: Change[] }[]} SpecChanges each description's changes */

/**
 * Every change to each API description since a git ref, in the working tree.
 * @param {string} base
 * @param {string} [repo]
 * @returns {Promise<SpecChanges>}
 */
export async function specChanges(base, repo = root) {
  const [changes = []] = await specChangesEach(base, [undefined], repo);
  return changes;
}

/**
 * Every change since a base, to each of several versions of the descriptions. The base is
 * bundled once, each version bundles only the descriptions whose files it changed, and each
 * description's versions are judged together, in one compiler program.
 * @param {SpecTree} base
 * @param {SpecTree[]} heads
 * @param {string} [repo]
 * @returns {Promise<SpecChanges[]>} the changes of each head, in order
 */
export async function specChangesEach(base, heads, repo = root) {
  /** @type {Map<string, Buffer>} */
  const blobs = new Map();
  const filesOf = (/** @type {SpecTree} */ tree) => (tree instanceof Map ? tree : specFiles(repo, tree, blobs));
  /** @returns {Tree} */
  const treeOf = (/** @type {SpecTree} */ tree) => {
    const files = filesOf(tree);
    const side = typeof tree === 'string' ? `the spec at ${tree}` : tree ? 'the spec given' : 'the working tree';
    return { files, key: contentKey(files), side };
  };
  const baseTree = treeOf(base);
  const headTrees = heads.map(treeOf);
  const key = [repo, baseTree.key, ...headTrees.map((tree) => tree.key)].join(' ');
  let results = judgedBefore.get(key);
  if (!results) {
    results = await judgeEach(repo, baseTree, headTrees);
    judgedBefore.set(key, results);
  }
  return structuredClone(results);
}

/**
 * What specChangesEach answered in this process, by the contents it compared: asked again
 * about the same files (the gate again after a changeset is written), it answers at once.
 * @type {Map<string, SpecChanges[]>}
 */
const judgedBefore = new Map();

/** A key of a tree of spec files that changes with any file's path or contents. @param {Map<string, Buffer>} files */
function contentKey(files) {
  const hash = createHash('sha256');
  for (const file of [...files.keys()].sort()) hash.update(`${file}\0`).update(/** @type {Buffer} */ (files.get(file)));
  return hash.digest('hex');
}

/**
 * @param {string} repo
 * @param {Tree} baseTree
 * @param {Tree[]} headTrees
 * @returns {Promise<SpecChanges[]>}
 */
async function judgeEach(repo, baseTree, headTrees) {
  // Its thread loads the compiler while this one bundles; with no spec file changed, the
  // compiler has nothing to judge.
  const judge = headTrees.some((tree) => tree.key !== baseTree.key) ? processJudge() : undefined;
  const baseBundles = await bundleFiles(repo, baseTree);
  const base = { files: baseTree.files, bundles: baseBundles };
  const heads = headTrees.map((tree) => ({ tree, descriptions: staleDescriptions(repo, base, tree) }));
  // The types of the base's changed descriptions are made while the heads are bundled.
  const stale = new Set(heads.flatMap(({ descriptions }) => descriptions.stale));
  for (const [name, bundle] of baseBundles) if (stale.has(name)) judge?.prepare(bundle.document);
  /** @type {Map<string, Bundle>[]} */
  const afters = [];
  for (const { tree, descriptions } of heads) afters.push(await bundleChanged(repo, base, tree, descriptions));
  const apis = [...new Set([...baseBundles.keys(), ...afters.flatMap((after) => [...after.keys()])])];
  const judged = await Promise.all(
    apis.map((api) =>
      judgeApi(
        judge,
        api,
        baseBundles.get(api),
        afters.map((after) => after.get(api)),
      ),
    ),
  );
  return headTrees.map((_, index) => apis.map((api, apiIndex) => ({ api, changes: judged[apiIndex]?.[index] ?? [] })));
}

/**
 * The changes of each version of one description.
 * @param {ReturnType<typeof processJudge> | undefined} judge none when no spec file changed
 * @param {string} api
 * @param {Bundle | undefined} before
 * @param {(Bundle | undefined)[]} afters a version missing is a description removed
 * @returns {Promise<Change[][]>}
 */
async function judgeApi(judge, api, before, afters) {
  const edited = afters.filter((after) => before && after && after !== before);
  const lists =
    before && edited.length && judge
      ? await judge.listChangesEach(
          before.document,
          edited.map((after) => after?.document),
        )
      : [];
  return afters.map((after) => {
    if (!after) return [{ where: api, text: 'the whole description removed', breaking: true }];
    if (!before) return [{ where: api, text: 'new description', breaking: false }];
    return lists[edited.indexOf(after)] ?? [];
  });
}

/** Where the gated package's version is, relative to the repo. */
const GATED_MANIFEST = 'packages/client/package.json';

/**
 * How a breaking change since the base is released as a major version of the gated package
 * (the client), or undefined when it is not: by a pending major changeset, or by a version
 * already bumped a major since the base (`npx changeset version` consumes the changeset).
 * @param {string} repo
 * @param {string} base
 * @returns {Promise<string | undefined>}
 */
async function majorRelease(repo, base) {
  const major = (/** @type {string | undefined} */ version) =>
    Number(/^(\d+)\./.exec(version ?? '')?.[1] ?? Number.NaN);
  const now = JSON.parse(readFileSync(join(repo, GATED_MANIFEST), 'utf8')).version;
  let then;
  try {
    then = JSON.parse(
      execFileSync('git', ['show', `${base}:${GATED_MANIFEST}`], { cwd: repo, encoding: 'utf8', stdio: 'pipe' }),
    ).version;
  } catch {
    then = undefined; // the base has no such package yet
  }
  if (major(now) > major(then)) return `by its version, ${now} since ${then}`;
  // Loaded only when a change breaks: most runs never ask.
  const { readChangesets } = await import('./changesets.js');
  /** @type {ReturnType<typeof readChangesets>} */
  let changesets;
  try {
    changesets = readChangesets(repo);
  } catch (error) {
    // Named, with what is wrong (scripts/changesets.js): said after the change list, exit 2.
    throw new UsageError(/** @type {Error} */ (error).message);
  }
  const pending = changesets.some((changeset) =>
    changeset.releases.some((release) => release.name === GATED_PACKAGE && release.type === 'major'),
  );
  return pending ? 'by a pending changeset' : undefined;
}

/**
 * Why the judge says so: the wire's own words; the compiler's, from its verdict.
 * @param {Change} change
 */
function whyOf(change) {
  if (change.why) return change.why;
  if (change.judge === 'docs') return 'only its text changed';
  return change.breaking ? 'code written for the old client may not compile' : 'code written for it still compiles';
}

/**
 * Breaking changes first, then the safe ones grouped by operation, each group in the order found.
 * @param {Change[]} changes
 */
function inReadingOrder(changes) {
  const safe = changes.filter((change) => !change.breaking);
  const operations = [...new Set(safe.map((change) => change.where))];
  return [
    ...changes.filter((change) => change.breaking),
    ...operations.flatMap((where) => safe.filter((change) => change.where === where)),
  ];
}

/**
 * `npm run spec:diff`: prints every change since the base, and answers the exit code: 0
 * with no breaking change (or a major changeset for it), 1 with one, 2 when it cannot
 * compare (bad usage, a spec not valid) or cannot tell (a changeset it cannot read).
 * @param {string[]} args the command line's arguments
 * @param {{ repo?: string, out?: (line: string) => void, err?: (line: string) => void }} [io]
 * @returns {Promise<number>}
 */
export async function specDiff(args, { repo = root, out = console.log, err = console.error } = {}) {
  const usage =
    'Usage: npm run spec:diff -- --base <git ref> [--verbose] [--json]   (a branch, tag or commit to compare the spec with;\n' +
    '  `git tag --list "@autocollect/client@*"` lists the releases. Exit code 0: nothing breaks, or it is released as a\n' +
    '  major version; 1: a breaking change without one; 2: bad usage, a spec that cannot be compared, or a changeset\n' +
    '  that cannot be read)';
  let base;
  let verbose = false;
  let json = false;
  try {
    const { values } = parseArgs({
      args,
      options: {
        base: { type: 'string' },
        verbose: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      out(usage);
      return 0;
    }
    ({ base, verbose = false, json = false } = values);
  } catch (error) {
    // Such as a mistyped --bse: named, not only the usage. A word without its option is
    // most often npm's: it keeps the options before a `--` for itself.
    const { message } = /** @type {Error} */ (error);
    const hint = /^Unexpected argument/.test(message)
      ? '\nnpm passes on only what comes after a `--`: npm run spec:diff -- --base <git ref>'
      : '';
    err(`${message}${hint}\n${usage}`);
    return 2;
  }
  if (!base) {
    err(usage);
    return 2;
  }
  /** Says why it cannot compare, or cannot tell: the cause's stack only with --verbose (a fault of spec:diff's own). */
  const cannot = (/** @type {unknown} */ error) => {
    const { message, stack } = /** @type {Error} */ (error);
    if (error instanceof UsageError) err(message);
    else err(`spec:diff cannot compare: ${verbose ? stack : message}`);
    return 2;
  };
  let results;
  try {
    results = await specChanges(base, repo);
  } catch (error) {
    return cannot(error);
  }
  const all = results.flatMap(({ changes }) => changes);
  const breaking = all.filter((change) => change.breaking).length;
  // Changes no judge weighs count as breaking: the gate cannot call them safe.
  const unjudged = all.filter((change) => change.judge === 'none').length;
  const counted = `${breaking} breaking change(s)${unjudged ? ` (${unjudged} of them not judged: review them)` : ''}`;
  /** @type {string | undefined} */
  let released;
  /** @type {unknown} why it cannot tell whether a major version releases them: said after the changes */
  let undecided;
  try {
    released = breaking > 0 ? await majorRelease(repo, base) : undefined;
  } catch (error) {
    undecided = error;
  }
  const gated = breaking > 0 && !released;
  if (json) {
    // For tools: every change with its verdict, judge and whole text; the same exit code.
    const apis = results.map(({ api, changes }) => ({
      api,
      changes: changes.map((change) => ({ ...change, judge: change.judge ?? 'types', why: whyOf(change) })),
    }));
    out(JSON.stringify({ base, breaking, unjudged, gated, apis }, null, 2));
    if (undecided) return cannot(undecided);
    return gated ? 1 : 0;
  }
  for (const { api, changes } of results) {
    const count = `${changes.length} change${changes.length === 1 ? '' : 's'}`;
    out(`${api}: ${changes.length ? `${count} since ${base}` : `no change since ${base}`}`);
    for (const change of inReadingOrder(changes)) {
      const verdict = change.judge === 'none' ? 'REVIEW  ' : change.breaking ? 'BREAKING' : 'safe    ';
      const head = `  ${verdict}  ${(change.judge ?? 'types').padEnd(5)}  ${change.where}: `;
      const why = ` (${whyOf(change)})`;
      // Never cut: what a change became is at its end. A long type is summed up where it is
      // told (type-changes.js), whole with --verbose.
      const text = verbose ? (change.detail ?? change.text) : change.text;
      out(`${head}${text}${why}`);
    }
  }
  if (undecided) return cannot(undecided);
  if (breaking === 0) {
    out('\nNo breaking change.');
    return 0;
  }
  if (!gated) {
    out(`\n${counted}, released as a major version of ${GATED_PACKAGE} ${released}.`);
    return 0;
  }
  err(
    `\n${counted} without a major version of ${GATED_PACKAGE}: neither a pending major changeset nor a major version bumped since ${base}. Undo them, or run \`npx changeset\`, choose a major bump for ${GATED_PACKAGE}, and say in it what users must change.`,
  );
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await specDiff(process.argv.slice(2));
