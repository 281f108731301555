// @ts-check
// How long `npm test` takes with turbo's cache bypassed (every build and test task runs, as
// on a clone with its dependencies installed), and its slowest test files, from the timings
// each package's vitest writes (test-results/vitest.json, scripts/vitest-shared.js).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * @returns {{ seconds: number, files: { file: string, seconds: number }[] }} the run's wall
 *   time, and every test file's, slowest first
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
  const files = workspaces.flatMap((workspace) => {
    const report = join(repo, workspace, 'test-results/vitest.json');
    if (!existsSync(report)) return [];
    /** @type {{ testResults: { name: string, startTime: number, endTime: number }[] }} */
    const { testResults } = JSON.parse(readFileSync(report, 'utf8'));
    return testResults.map(({ name, startTime, endTime }) => ({
      file: relative(repo, name),
      seconds: (endTime - startTime) / 1000,
    }));
  });
  return { seconds, files: files.sort((a, b) => b.seconds - a.seconds) };
}
