// @ts-check
// How long `npm test` takes with turbo's cache bypassed (every build and test task runs, as
// on a clone with its dependencies installed), and its slowest test files, from the timings
// each package's vitest writes (test-results/file-times.json, scripts/vitest-progress.js).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GLOBAL_SETUP } from '../../../scripts/vitest-progress.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * @returns {{ seconds: number, files: { file: string, seconds: number }[], setups: { workspace:
 *   string, seconds: number }[] }} the run's wall time, every test file's, and every
 *   workspace's time before its first file (its global setup), slowest first
 */
export function testSuite() {
  const started = performance.now();
  const result = spawnSync('npm', ['test', '--', '--force'], {
    cwd: repo,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0)
    throw new Error(`npm test failed, so its time means nothing:\n${result.stdout.slice(-4000)}`);
  // The workspaces: spec/ and packages/*, as the root package.json has them.
  const workspaces = ['spec', ...readdirSync(join(repo, 'packages')).map((name) => `packages/${name}`)];
  /** @type {{ file: string, seconds: number }[]} */
  const files = [];
  /** @type {{ workspace: string, seconds: number }[]} */
  const setups = [];
  for (const workspace of workspaces) {
    const report = join(repo, workspace, 'test-results/file-times.json');
    if (!existsSync(report)) continue;
    /** @type {Record<string, number>} */
    const times = JSON.parse(readFileSync(report, 'utf8'));
    for (const [file, seconds] of Object.entries(times)) {
      if (file === GLOBAL_SETUP) setups.push({ workspace, seconds });
      else files.push({ file: join(workspace, file), seconds });
    }
  }
  const slowestFirst = (/** @type {{ seconds: number }} */ a, /** @type {{ seconds: number }} */ b) =>
    b.seconds - a.seconds;
  return { seconds, files: files.sort(slowestFirst), setups: setups.sort(slowestFirst) };
}
