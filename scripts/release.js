// @ts-check
// Releases the public packages: @autocollect/client, @autocollect/docs, @autocollect/openapi.
//
//   npm run release                                   build, check, pack into release/ (publishes nothing)
//   npm run release -- --publish                      the same, then publish to npm and tag each release
//   npm run release -- --publish --registry <url>     publish to another registry (no provenance)
//
// Versions and changelogs come from changesets: `npx changeset`, then `npx changeset version`.
// Each package is published at its version unless the registry has that version already:
// with the same contents it is left as it is, with other contents the release stops before
// publishing anything, since a published version never changes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const PACKAGES = ['@autocollect/client', '@autocollect/docs', '@autocollect/openapi'];
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
const registry = registryOption ?? npm('config', 'get', 'registry').trim();
const registryArgs = registryOption ? ['--registry', registryOption] : [];

/** @param {string[]} args */
function npm(...args) {
  return execFileSync('npm', args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * @param {string} title
 * @param {string} command
 * @param {string[]} args
 */
function step(title, command, args) {
  console.log(`\n▶ ${title}\n  ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit', env });
}

/** @param {string} name */
const versionOf = (name) =>
  JSON.parse(readFileSync(join(root, 'packages', name.split('/')[1] ?? name, 'package.json'), 'utf8')).version;

/**
 * The shasum of a version on the registry, or undefined when the registry does not have it.
 * @param {string} name
 * @param {string} version
 * @returns {string | undefined}
 */
function publishedShasum(name, version) {
  const result = spawnSync('npm', ['view', `${name}@${version}`, 'dist.shasum', '--json', ...registryArgs], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (result.status === 0) return result.stdout.trim() ? JSON.parse(result.stdout) : undefined;
  if (/E404|is not in this registry/.test(result.stderr)) return undefined;
  fail(`Could not ask ${registry} for ${name}@${version}:\n${result.stderr.trim()}`);
}

/** The last released version's tag, if there is one. */
function lastReleaseTag() {
  const result = spawnSync('git', ['describe', '--tags', '--abbrev=0', '--match', '@autocollect/client@*'], {
    cwd: root,
    encoding: 'utf8',
  });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

const releases = PACKAGES.map((name) => ({ name, version: versionOf(name) }));
if (publish) {
  // Before the build: a release with nothing new fails at once, and changes nothing.
  const fresh = releases.filter(({ name, version }) => publishedShasum(name, version) === undefined);
  if (fresh.length === 0)
    fail(
      `Nothing to publish: ${releases.map((r) => `${r.name}@${r.version}`).join(', ')} are on ${registry} already.\n` +
        '  Describe the change with `npx changeset`, then run `npx changeset version` to give the packages new versions.',
    );
}

step('Build everything', 'npx', ['turbo', 'run', 'build']);
step('Lint the spec and check the generated code is current and committed', 'npm', ['run', 'check']);
step('Check the packed packages: publint, are-the-types-wrong, size budget', 'npm', [
  'exec',
  '-w',
  '@autocollect/package-tests',
  '--',
  'vitest',
  'run',
  'test/package-checks.test.ts',
  'test/size.test.ts',
]);
const tag = lastReleaseTag();
if (tag) step(`Check for breaking spec changes since ${tag}`, 'npm', ['run', 'spec:diff', '--', '--base', tag]);
else console.log('\n▶ No earlier release tag: nothing to compare the spec with.');

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
  console.log(`  ${release.name}@${release.version}  ${file}`);
  return { ...release, file, shasum: entry.shasum };
});

if (!publish) {
  console.log(
    `\nDry run: nothing was published. \`npm run release -- --publish\` publishes these to ${registry} and tags them.`,
  );
  process.exit(0);
}

console.log(`\n▶ Compare with ${registry}`);
const toPublish = [];
const changedInPlace = [];
for (const release of tarballs) {
  const published = publishedShasum(release.name, release.version);
  if (published === undefined) toPublish.push(release);
  else if (published === release.shasum)
    console.log(`  ${release.name}@${release.version}: published already, same contents`);
  else changedInPlace.push(release);
}
if (changedInPlace.length)
  fail(
    `${changedInPlace.map((r) => `${r.name}@${r.version}`).join(', ')} ${changedInPlace.length > 1 ? 'are' : 'is'} on ${registry} already, with other contents. ` +
      'A published version never changes: nothing was published.\n' +
      '  Describe the change with `npx changeset`, then run `npx changeset version` to give the packages new versions.',
  );
if (toPublish.length === 0)
  fail(`Nothing to publish: every package is on ${registry} already, with the same contents.`);

// Provenance is signed by npm's registry from CI; another registry gets the packages without it.
const provenance = registryOption ? ['--provenance=false'] : [];
for (const release of toPublish) {
  step(`Publish ${release.name}@${release.version}`, 'npm', [
    'publish',
    release.file,
    '--access',
    'public',
    ...registryArgs,
    ...provenance,
  ]);
  execFileSync('git', ['tag', `${release.name}@${release.version}`], { cwd: root });
}
console.log(
  `\nPublished ${toPublish.map((r) => `${r.name}@${r.version}`).join(', ')} to ${registry}, and tagged them. Push the tags: git push --tags`,
);
