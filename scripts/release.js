// @ts-check
// Releases @autocollect/client, @autocollect/docs and @autocollect/openapi.
//
//   npm run release                 build, check, pack into release/ (publishes nothing)
//   npm run release -- --publish    the same, then publish to npm with provenance and tag
//
// Versions and changelogs come from changesets: run `npx changeset version` first.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const publish = process.argv.includes('--publish');
const PACKAGES = ['@autocollect/client', '@autocollect/docs', '@autocollect/openapi'];
const releaseDir = resolve(root, 'release');

/**
 * @param {string} title
 * @param {string} command
 * @param {string[]} args
 */
function step(title, command, args) {
  console.log(`\n▶ ${title}\n  ${command} ${args.join(' ')}`);
  execFileSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off' },
  });
}

/** The last released version's tag, if there is one. */
function lastReleaseTag() {
  try {
    return execFileSync('git', ['describe', '--tags', '--abbrev=0', '--match', '@autocollect/client@*'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
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
step('Pack', 'npm', ['pack', '--pack-destination', releaseDir, ...PACKAGES.flatMap((name) => ['-w', name])]);

if (publish) {
  step('Publish to npm (with provenance) and tag', 'npx', ['changeset', 'publish']);
  console.log('\nPublished. Push the new tags: git push --follow-tags');
} else {
  console.log(
    `\nDry run: the tarballs above are in ${releaseDir}. Nothing was published; run \`npm run release -- --publish\` to publish them.`,
  );
}
