import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, inject, it } from 'vitest';

const require = createRequire(import.meta.url);
const consumerDir = inject('consumerDir');
const TYPESCRIPTS = ['typescript-5', 'typescript-6', 'typescript-7'].map((name) => ({
  name,
  tsc: require.resolve(`${name}/package.json`).replace(/package\.json$/, 'bin/tsc'),
}));

function run(command: string, args: string[], cwd = consumerDir) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim(), stdout: result.stdout.trim() };
}

describe.each(TYPESCRIPTS)('the packed client type-checks with $name', ({ tsc }) => {
  // plain-js: JavaScript with // @ts-check, as its users' editors check it.
  it.each(['ts-esm-bundler', 'ts-cjs-node16', 'plain-js'])('in a %s project', (project) => {
    const { status, output } = run(process.execPath, [tsc, '-p', `${project}/tsconfig.json`, '--noEmit']);
    expect(output).toBe('');
    expect(status).toBe(0);
  });
});

describe('the packed client at run time', () => {
  const expected = { verified: false, sameBase: true };

  it('works from TypeScript compiled to CommonJS with node16 resolution', () => {
    // Compiled with TypeScript 7 (fast); every version's type-check of this project is above.
    const build = run(process.execPath, [TYPESCRIPTS[2]!.tsc, '-p', 'ts-cjs-node16/tsconfig.json']);
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
