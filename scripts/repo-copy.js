// @ts-check
// A copy of this repo for tests that change it: its files as they are in the working tree
// (tracked, or new in a folder), committed in a git repo of its own, sharing the installed packages.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '../spec/scripts/description.js';
import { testFolder } from './test-folder.js';

/**
 * Each workspace's node_modules is linked, and the workspaces themselves are linked under
 * the copy's own node_modules/@autocollect, so the copy builds and imports itself.
 * @param {string} name a word for the temporary folder's name
 * @param {{ turboCache?: boolean, built?: boolean }} [options] turboCache: start from this
 *   repo's turbo cache; built: and build the copy from it, as a clone is once `npm start` ran
 * @returns {string} the copy's folder
 */
export function copyOfRepo(name, { turboCache = false, built = false } = {}) {
  const copy = testFolder(name);
  const listed = (/** @type {string[]} */ ...which) =>
    execFileSync('git', ['ls-files', '-z', ...which], { cwd: repoRoot, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
  // New files not yet added are taken where the code lives, not loose at the top, where the
  // README's walk-through saves its scripts (webhooks.mjs, integration.mjs): a reader's scratch
  // file is not the project's, and must not fail the checks its tests run.
  const files = [
    ...listed('--cached'),
    ...listed('--others', '--exclude-standard').filter((file) => file.includes('/')),
  ];
  for (const file of files) {
    if (!existsSync(join(repoRoot, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(copy, file));
  }
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'));
  /** @type {Record<string, { resolved?: string, link?: boolean }>} */
  const workspaces = lock.packages;
  mkdirSync(join(copy, 'node_modules/@autocollect'), { recursive: true });
  for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
    if (entry !== '@autocollect' && entry !== '.cache')
      symlinkSync(join(repoRoot, 'node_modules', entry), join(copy, 'node_modules', entry));
  }
  for (const [location, { resolved: target, link }] of Object.entries(workspaces)) {
    if (!location.startsWith('node_modules/@autocollect/') || !link || !target) continue;
    symlinkSync(join(copy, target), join(copy, location));
    if (existsSync(join(repoRoot, target, 'node_modules'))) {
      symlinkSync(join(repoRoot, target, 'node_modules'), join(copy, target, 'node_modules'));
    }
  }
  // The copy's files are this repo's, so this repo's caches hold their build: turbo's, and
  // the one generate keeps of the types it made (packages/client/scripts/generate.js).
  if (turboCache || built) {
    for (const cache of ['.turbo/cache', 'node_modules/.cache/autocollect/generated-types.json'])
      if (existsSync(join(repoRoot, cache))) cpSync(join(repoRoot, cache), join(copy, cache), { recursive: true });
  }
  const git = (/** @type {string[]} */ ...args) => execFileSync('git', args, { cwd: copy, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'autocollect test');
  git('config', 'user.email', 'test@localhost');
  git('add', '-A');
  git('commit', '-q', '-m', 'copy');
  // Its output is kept: a build that fails says why in the error.
  if (built)
    execFileSync(join(copy, 'node_modules/.bin/turbo'), ['run', 'build', '--output-logs=errors-only'], {
      cwd: copy,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off' },
      encoding: 'utf8',
    });
  return copy;
}
