// The packed client in the consumer projects: type-checked with TypeScript 7 (5 and 6 have
// files of their own), compiled to CommonJS, and run from plain JavaScript.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { consumerDir, PROJECTS } from './support/consumer-projects.js';

const require = createRequire(import.meta.url);
const tsc7 = require.resolve('typescript-7/package.json').replace(/package\.json$/, 'bin/tsc');

function run(command: string, args: string[], cwd = consumerDir) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim(), stdout: result.stdout.trim() };
}

describe('the packed client type-checks with typescript-7', () => {
  // ts-cjs-node16 is type-checked by its compile below, with the same compiler.
  it.each(PROJECTS.filter((project) => project !== 'ts-cjs-node16'))('in a %s project', (project) => {
    const { status, output } = run(process.execPath, [tsc7, '-p', `${project}/tsconfig.json`, '--noEmit']);
    expect(output).toBe('');
    expect(status).toBe(0);
  });
});

describe('the packed client at run time', () => {
  const expected = { verified: false, sameBase: true };

  it('type-checks with typescript-7 in a ts-cjs-node16 project, and works compiled to CommonJS with node16 resolution', () => {
    // Compiled with TypeScript 7, whose compile type-checks it; the other versions' checks are above.
    const build = run(process.execPath, [tsc7, '-p', 'ts-cjs-node16/tsconfig.json']);
    expect(build.output).toBe('');
    const { status, stdout } = run(process.execPath, ['ts-cjs-node16/out/index.js']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ client: 'function', legacy: 'function', typed: 'function', ...expected });
  });

  it.each(['plain-js/esm.mjs', 'plain-js/cjs.cjs'])('works from plain JavaScript (%s)', (file) => {
    const { status, stdout, output } = run(process.execPath, [file]);
    expect(status, output).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      get: 'function',
      paginate: 'function',
      legacy: 'function',
      unwrap: 'function',
      ...expected,
    });
  });
});
