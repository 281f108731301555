// @ts-check
// Releases the public packages: every workspace that is not private and has a publishConfig
// (@autocollect/client, docs, openapi and sandbox).
//
//   npm run release                                   build, check, pack into release/ (publishes nothing)
//   npm run release -- --publish                      the same, then publish where npm would (the
//                                                     registry the npm config names for @autocollect,
//                                                     else npm's public one; said first) and tag each release
//   npm run release -- --publish --registry <url>     publish to another registry (no provenance)
//
// Versions and changelogs come from changesets: `npx changeset`, then `npx changeset version`.
// Each package is published at its version unless the registry has that version already:
// with the same contents it is left as it is (and tagged, if a release stopped before its
// tags), with other contents the release stops before publishing anything, since a published
// version never changes. The packages are built and packed first, and compared with the
// registry before the checks, so a release that cannot go out stops early; the checks then
// judge the very tarballs that are published. --publish refuses uncommitted changes (the tag
// would name a commit without them), and a clone without the tag of the client's last release
// on the registry (the spec could not be compared with it, for breaking changes).
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readChangesets } from './changesets.js';
import { publicPackages } from './public-packages.js';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const WORKSPACES = publicPackages(root);
// The package whose major version a breaking spec change needs (scripts/spec-diff.js).
const GATED = '@autocollect/client';
const PACKAGES = WORKSPACES.map((workspace) => workspace.name);
const releaseDir = resolve(root, 'release');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off' };

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

let options;
try {
  options = parseArgs({ options: { publish: { type: 'boolean' }, registry: { type: 'string' } } }).values;
} catch (error) {
  console.error(`${/** @type {Error} */ (error).message}\nUsage: npm run release [-- --publish [--registry <url>]]`);
  process.exit(2);
}
const { publish = false, registry: registryOption } = options;
if (registryOption !== undefined && !/^https?:\/\/[^/]/.test(registryOption))
  fail(`--registry must be a registry's http(s) URL, such as http://127.0.0.1:4873/; got "${registryOption}".`);
// npm sends a scoped package to the registry the user's config names for its scope (a line
// `@autocollect:registry=…`, for GitHub Packages say), whatever --registry says: every npm
// command names the registry for the packages' scopes too.
const scopes = [...new Set(PACKAGES.map((name) => name.split('/')[0]).filter((part) => part?.startsWith('@')))];
const {
  url: registry,
  source: registrySource,
  byDefault,
} = registryOption !== undefined
  ? { url: registryOption, source: '--registry', byDefault: false }
  : configuredRegistry();
/** npm's public registry: a release there is public, and signed (provenance) from CI. */
const onNpmRegistry = isNpmRegistry(registry);
const registryArgs = ['--registry', registry, ...scopes.map((scope) => `--${scope}:registry=${registry}`)];

/** @param {string[]} args */
function npm(...args) {
  return execFileSync('npm', args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** @param {string[]} args */
function git(...args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** @param {string} url */
function isNpmRegistry(url) {
  return URL.canParse(url) && new URL(url).hostname === 'registry.npmjs.org';
}

/**
 * Where npm would publish the packages: their scope's registry in the user's npm config (a
 * .npmrc, or an npm_config_ variable), or the registry it sets, npm's public one by default;
 * which setting says so, in the user's words; and whether none does (npm's public one).
 */
function configuredRegistry() {
  for (const scope of scopes) {
    const scoped = npm('config', 'get', `${scope}:registry`).trim();
    if (scoped !== 'undefined')
      return { url: scoped, source: `${scope}:registry in your npm config`, byDefault: false };
  }
  const url = npm('config', 'get', 'registry').trim();
  const byDefault = isNpmRegistry(url);
  return {
    url,
    source: byDefault ? 'your npm config names no other registry' : 'registry in your npm config',
    byDefault,
  };
}

/** A word of a command line as the user would type it. @param {string} word */
const shown = (word) =>
  word === process.execPath ? 'node' : word.startsWith(`${root}/`) ? relative(root, word) : word;

/**
 * @param {string} title
 * @param {string} command
 * @param {string[]} args
 */
function step(title, command, args) {
  console.log(`\n▶ ${title}\n  ${[command, ...args].map(shown).join(' ')}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit', env });
}

// Run from the repo's own install, without npx's look-up.
const turbo = join(root, 'node_modules/.bin/turbo');

/**
 * @typedef {object} Job a step that runs beside others
 * @property {string} title
 * @property {string} shown the command, as the user would type it
 * @property {() => Promise<{ ok: boolean, output: string }>} run
 */

/**
 * A command as a job: its output is kept, and printed when all the jobs beside it end.
 * @param {string} title
 * @param {string} command
 * @param {string[]} args
 * @returns {Job}
 */
function commandJob(title, command, args) {
  return {
    title,
    shown: [command, ...args].map(shown).join(' '),
    run: () =>
      new Promise((resolve) =>
        execFile(command, args, { cwd: root, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
          resolve({ ok: !error, output: `${stdout}${stderr}` }),
        ),
      ),
  };
}

/**
 * Runs jobs that share nothing at once, then prints each one's output in order; fails,
 * once all have ended, if any failed.
 * @param {Job[]} jobs
 * @param {{ allMust?: boolean }} [options] allMust: false answers which failed instead of stopping
 * @returns {Promise<boolean[]>} whether each succeeded
 */
async function runAtOnce(jobs, { allMust = true } = {}) {
  console.log(`\n▶ ${jobs.map((job) => job.title).join(', ')} (at once)`);
  const results = await Promise.all(jobs.map((job) => job.run()));
  for (const [index, job] of jobs.entries()) {
    const result = /** @type {{ ok: boolean, output: string }} */ (results[index]);
    console.log(`\n▶ ${job.title}: ${result.ok ? 'done' : 'FAILED'}\n  ${job.shown}`);
    if (result.output.trim()) console.log(result.output.trimEnd());
  }
  const failed = jobs.filter((_, index) => !results[index]?.ok);
  if (allMust && failed.length) fail(`${failed.map((job) => job.title).join('; ')}: failed, see above.`);
  return results.map((result) => result.ok);
}

/**
 * @typedef {object} OnRegistry what the registry has of a release's package
 * @property {string | undefined} shasum the release's version's, if the registry has it
 * @property {Record<string, string> | undefined} time when each version was published
 */

/**
 * Read as any npm client reads a package's document, without credentials; a registry that
 * wants them (or cannot be reached so) is asked through npm, with the user's.
 * @param {{ name: string, version: string }} release
 * @returns {Promise<OnRegistry>}
 */
async function onRegistry({ name, version }) {
  try {
    const document = await readDocument(name);
    return { shasum: document?.versions?.[version]?.dist?.shasum, time: document?.time };
  } catch {
    const [shasum, time] = await Promise.all([npmView(`${name}@${version}`, 'dist.shasum'), npmView(name, 'time')]);
    return { shasum, time };
  }
}

/**
 * @param {string} name
 * @returns {Promise<{ versions?: Record<string, { dist?: { shasum?: string } }>, time?: Record<string, string> } | undefined>}
 */
async function readDocument(name) {
  const url = new URL(name.replace('/', '%2f'), registry.endsWith('/') ? registry : `${registry}/`);
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

/**
 * A field of a package's (or version's) document, or undefined where the registry has none.
 * @param {string} spec
 * @param {string} field
 */
function npmView(spec, field) {
  return new Promise((resolve) =>
    execFile(
      'npm',
      ['view', spec, field, '--json', ...registryArgs],
      { cwd: root, env, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) resolve(stdout.trim() ? JSON.parse(stdout) : undefined);
        else if (/E404|is not in this registry/.test(stderr)) resolve(undefined);
        else fail(`Could not ask ${registry} for ${spec}:\n${stderr.trim()}`);
      },
    ),
  );
}

/**
 * The version published last, other than `version` (a release stopped half-way may have
 * published that one), or undefined before a first release.
 * @param {Record<string, string> | undefined} time a package document's publish times
 * @param {string} version
 */
function lastPublishedBefore(time, version) {
  const versions = Object.entries(time ?? {}).filter(([key]) => !['created', 'modified', version].includes(key));
  return versions.sort(([, a], [, b]) => a.localeCompare(b)).at(-1)?.[0];
}

/** The nearest tag of a release of the gated package, if there is one. */
function nearestReleaseTag() {
  try {
    return git('describe', '--tags', '--abbrev=0', '--match', `${GATED}@*`).trim();
  } catch {
    // git describe fails where no such tag is reachable.
    return undefined;
  }
}

/**
 * The release the spec is compared with, for breaking changes: with --publish, the gated
 * package's version published last, by its tag, which must be here; a clone without tags
 * (CI's shallow checkout) would otherwise skip the gate. Only a first release has none.
 */
function specBase() {
  const index = PACKAGES.indexOf(GATED);
  const last = lastPublishedBefore(published[index]?.time, releases[index]?.version ?? '');
  if (!last) return nearestReleaseTag();
  const tag = `${GATED}@${last}`;
  if (!tags.has(tag))
    fail(
      `${tag} is the last release on ${registry}, but this clone has no tag ${tag}: the spec cannot be compared with it for breaking changes. Nothing was published.\n` +
        '  Fetch the tags (`git fetch --tags`; in a shallow clone, `git fetch --unshallow --tags`), or, if the tag is lost, ' +
        `tag the commit that version was released from (\`git tag ${tag} <commit>\`), then run the release again.`,
    );
  return tag;
}

// Said first, before the registry is asked anything, and while stopping costs nothing: a
// version published on npm's public registry is everyone's, and never changes.
// A scope's registry set as a variable (npm_config_@autocollect:registry) is no shell
// variable's name: npm reads it, but the /bin/sh npm runs this script with may drop it (dash does).
if (publish && onNpmRegistry)
  console.log(
    `\n⚠ Publishing to npm's public registry, ${registry} (${registrySource}): for everyone, and a published version never changes.\n` +
      '  To try a release, stop now and run it with --registry <url> (Verdaccio on 127.0.0.1, say), or without --publish.' +
      (byDefault
        ? `\n  A variable npm_config_${scopes[0]}:registry does not reach this script when the shell npm run uses (/bin/sh) drops it, as dash does: name the registry in an .npmrc instead.`
        : ''),
  );
else if (publish) console.log(`\n▶ Publishing to ${registry} (${registrySource})`);

// A release publishes the packages as the working tree has them, and tags the commit: a
// change not committed would be published under a tag that does not hold it.
const uncommitted = git('status', '--porcelain', '--untracked-files=all').trimEnd().split('\n').filter(Boolean);
if (uncommitted.length) {
  const files = uncommitted.map((line) => `    ${line}`).join('\n');
  if (publish)
    fail(
      `The working tree has uncommitted changes; a release publishes them, and tags a commit without them. Nothing was published.\n${files}\n` +
        '  Commit them, or stash them (`git stash --include-untracked`), then run the release again.',
    );
  console.log(`\n⚠ Uncommitted changes, packed as they are (--publish refuses them):\n${files}`);
}

const releases = WORKSPACES.map(({ name, dir }) => ({
  name,
  version: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).version,
}));
/** `name@version`: how npm names a release, and its tag. */
const atVersion = (/** @type {{ name: string, version: string }} */ release) => `${release.name}@${release.version}`;
const list = (/** @type {{ name: string, version: string }[]} */ releases) => releases.map(atVersion).join(', ');
const tags = new Set(git('tag', '--list').split('\n').filter(Boolean));
// Asked once, before the build: a release with nothing new fails at once, and changes
// nothing. A version published while this release runs makes its `npm publish` fail.
const published = publish ? await Promise.all(releases.map(onRegistry)) : [];
if (publish) {
  // A version published without its tag (a release stopped before tagging) is tagged once its
  // contents are found the same: there is something to do.
  const undone = releases.filter(
    (release, index) => published[index]?.shasum === undefined || !tags.has(atVersion(release)),
  );
  if (undone.length === 0)
    fail(
      `Nothing to publish: ${list(releases)} are on ${registry} already.\n` +
        '  Describe the change with `npx changeset`, then run `npx changeset version` to give the packages new versions.',
    );
}

// Changesets not yet applied give no version: said, since they usually belong to this release.
/** @type {ReturnType<typeof readChangesets>} */
let pending = [];
try {
  pending = readChangesets(root);
} catch (error) {
  fail(/** @type {Error} */ (error).message);
}
if (pending.length > 0)
  console.log(
    `\n⚠ ${pending.length} changeset${pending.length > 1 ? 's are' : ' is'} pending (${pending.map((c) => `.changeset/${c.id}.md`).join(', ')}): the versions below do not include ${pending.length > 1 ? 'them' : 'it'}. If ${pending.length > 1 ? 'they belong' : 'it belongs'} to this release, run \`npx changeset version\` and commit first.`,
  );

// Before the build: a release that cannot compare the spec stops early.
const tag = specBase();

step('Build everything', turbo, ['run', 'build']);

rmSync(releaseDir, { recursive: true, force: true });
mkdirSync(releaseDir);
console.log(`\n▶ Pack into ${releaseDir}`);
/** @type {{ name: string, filename: string, shasum: string }[]} */
const packed = JSON.parse(
  npm('pack', '--json', '--pack-destination', releaseDir, ...PACKAGES.flatMap((name) => ['-w', name])),
);
const tarballs = releases.map((release) => {
  const entry = packed.find((p) => p.name === release.name);
  if (!entry) return fail(`npm pack made no tarball of ${release.name}.`);
  const file = join(releaseDir, entry.filename);
  console.log(`  ${atVersion(release)}  ${file}`);
  return { ...release, file, shasum: entry.shasum };
});

/** @type {typeof tarballs} */
const toPublish = [];
/** Published already with the same contents, by a release stopped before it tagged them. @type {typeof tarballs} */
const untagged = [];
if (publish) {
  console.log(`\n▶ Compare with ${registry}`);
  const changedInPlace = [];
  for (const [index, release] of tarballs.entries()) {
    const shasum = published[index]?.shasum;
    if (shasum === undefined) toPublish.push(release);
    else if (shasum !== release.shasum) changedInPlace.push(release);
    else if (tags.has(atVersion(release))) console.log(`  ${atVersion(release)}: published already, same contents`);
    else {
      console.log(`  ${atVersion(release)}: published already, same contents, not tagged here`);
      untagged.push(release);
    }
  }
  if (changedInPlace.length)
    fail(
      `${list(changedInPlace)} ${changedInPlace.length > 1 ? 'are' : 'is'} on ${registry} already, with other contents. ` +
        'A published version never changes: nothing was published.\n' +
        '  Describe the change with `npx changeset`, then run `npx changeset version` to give the packages new versions.',
    );
  for (const release of untagged) git('tag', atVersion(release));
  if (toPublish.length === 0) {
    console.log(
      `\nNothing new to publish: tagged ${list(untagged)}, on ${registry} already with the same contents. Push the tags: git push --tags`,
    );
    process.exit(0);
  }
}

// The checks share nothing: they run at once, on the tarballs packed above.
if (!tag)
  console.log(
    publish
      ? `\n▶ A first release (${registry} has no ${GATED}): nothing to compare the spec with.`
      : `\n⚠ No release tag here: the spec is not compared. --publish refuses this unless ${GATED} is new to the registry; \`git fetch --tags\` fetches the tags.`,
  );
await runAtOnce([
  commandJob(
    'Format and lint the code and the spec, type-check, and check the generated code is current and committed',
    'npm',
    ['run', 'check'],
  ),
  {
    title: 'Check the packed packages: publint, are-the-types-wrong, size budget',
    shown: `publint, attw and esbuild on ${relative(root, releaseDir)}/*.tgz`,
    run: async () => {
      // Loaded here: a release that stops before its checks does not load publint and esbuild.
      const { packedProblems } = await import('../packages/package-tests/scripts/packed-checks.js');
      // The workspace's own client resolves to the files just packed.
      const problems = await packedProblems(Object.fromEntries(tarballs.map((t) => [t.name, t.file])), root);
      return { ok: problems.length === 0, output: problems.length ? problems.join('\n') : 'no problem' };
    },
  },
  ...(tag
    ? [
        commandJob(`Check for breaking spec changes since ${tag}`, process.execPath, [
          join(root, 'scripts/spec-diff.js'),
          '--base',
          tag,
        ]),
      ]
    : []),
]);

if (!publish) {
  console.log(
    `\nDry run: nothing was published. \`npm run release -- --publish\` publishes these to ${registry} and tags them.`,
  );
  process.exit(0);
}

// Provenance is signed by npm's registry from CI; another registry gets the packages without
// it, whether --registry or the npm config names it (the packages' publishConfig asks for it,
// and npm publishes nothing with it outside CI).
const provenance = registryOption || !onNpmRegistry ? ['--provenance=false'] : [];
const outcomes = await runAtOnce(
  toPublish.map((release) =>
    commandJob(`Publish ${atVersion(release)}`, 'npm', [
      'publish',
      release.file,
      '--access',
      'public',
      ...registryArgs,
      ...provenance,
    ]),
  ),
  { allMust: false },
);
const done = toPublish.filter((_, index) => outcomes[index]);
for (const release of done) git('tag', atVersion(release));
if (done.length < toPublish.length)
  fail(
    `${list(toPublish.filter((release) => !done.includes(release)))} failed to publish${done.length ? `; ${list(done)} published and tagged` : ''}. ` +
      'Fix the cause and run the release again: what is published already is left as it is.',
  );
console.log(
  `\nPublished ${list(done)} to ${registry}, and tagged them${untagged.length ? `, and ${list(untagged)}, published before` : ''}. Push the tags: git push --tags`,
);
