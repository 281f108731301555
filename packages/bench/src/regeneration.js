// @ts-check
// How long the toolchain takes: lint, bundle, type generation and docs build on our
// spec; `npm run build` cold and warm; and the same steps on synthetic specs 1×, 10×
// and 100× our size, as time per operation.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { operationCount, syntheticSpec } from '../../../scripts/synthetic-spec.js';
import { timeIt } from './support.js';

const require = createRequire(import.meta.url);
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const work = fileURLToPath(new URL('../.regeneration/', import.meta.url));
const redocly = require.resolve('@redocly/cli/bin/cli.js');
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', TURBO_TELEMETRY_DISABLED: '1' };

const run = (/** @type {string} */ command, /** @type {string[]} */ args, cwd = repo) =>
  execFileSync(command, args, { cwd, env, stdio: 'ignore', maxBuffer: 1 << 26 });

export async function regeneration({ quick = false } = {}) {
  const runs = quick ? 1 : 3;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const steps = {
    'lint (3 descriptions)': await timeIt(
      () => run(process.execPath, [redocly, 'lint', '--config', 'redocly.yaml']),
      runs,
    ),
    'bundle (3 descriptions)': await timeIt(() => run(process.execPath, ['spec/scripts/bundle.js']), runs),
    'type generation': await timeIt(
      () => run(process.execPath, ['packages/client/scripts/generate.js', '--out-dir', work, '--no-cache']),
      runs,
    ),
    'docs build (3 pages)': await timeIt(() => run(process.execPath, ['packages/docs/scripts/build.js']), runs),
  };
  const build = {
    'npm run build, cold (no cache)': await timeIt(() => {
      // Not turbo's cache, nor the one generate keeps of the types it made.
      rmSync(`${repo}node_modules/.cache/autocollect/generated-types.json`, { force: true });
      return run('npx', ['turbo', 'run', 'build', '--force']);
    }, 1),
    'npm run build, warm (all cache hits)': await timeIt(() => run('npx', ['turbo', 'run', 'build']), runs),
  };

  // The same steps on synthetic specs: one config that lints with the recommended rules.
  writeFileSync(`${work}redocly.yaml`, 'telemetry: off\nextends:\n  - recommended\n');
  /** @type {Record<string, any>} */
  const growth = {};
  for (const copies of quick ? [1, 10] : [1, 10, 100]) {
    const document = syntheticSpec(copies);
    const operations = operationCount(document);
    const file = `${work}synthetic-${copies}.json`;
    writeFileSync(file, JSON.stringify(document));
    const times = {
      lint: await timeIt(
        () => run(process.execPath, [redocly, 'lint', file, '--config', `${work}redocly.yaml`], work),
        1,
      ),
      bundle: await timeIt(
        () =>
          run(
            process.execPath,
            [redocly, 'bundle', file, '--output', `${work}bundled-${copies}.json`, '--config', `${work}redocly.yaml`],
            work,
          ),
        1,
      ),
      'type generation': await timeIt(
        async () => astToString(await openapiTS(structuredClone(document), { silent: true })),
        1,
      ),
      'docs build': await timeIt(
        () =>
          run(
            process.execPath,
            [redocly, 'build-docs', file, '--output', `${work}docs-${copies}.html`, '--config', `${work}redocly.yaml`],
            work,
          ),
        1,
      ),
    };
    growth[`${copies}×`] = {
      operations,
      milliseconds: times,
      perOperation: Object.fromEntries(Object.entries(times).map(([step, ms]) => [step, ms / operations])),
    };
  }
  rmSync(work, { recursive: true, force: true });
  return { steps, build, growth };
}
