// @autocollect/openapi as its users get it: installed from its tarball, every description
// that redocly.yaml lists loads through the package's exports, as JSON and as YAML, and is
// the bundle the spec package made.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readApis } from '@autocollect/spec/description';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';

const consumerDir = inject('consumerDir');

/** Runs a script in the consumer project, as a user's code there would, and returns what it printed. */
function inConsumer(script: string): string {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: consumerDir,
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe('the packed @autocollect/openapi package', () => {
  it.each(readApis().map((api) => [api.name, api] as const))('%s: JSON and YAML through its exports', (_name, api) => {
    const name = basename(api.bundle, '.json');
    const printed = inConsumer(`
      import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      const require = createRequire(import.meta.url + '/');
      const json = require('@autocollect/openapi/${name}.json');
      const yaml = readFileSync(require.resolve('@autocollect/openapi/${name}.yaml'), 'utf8');
      console.log(JSON.stringify({ json, yaml }));
    `);
    const { json, yaml } = JSON.parse(printed);
    const bundle = JSON.parse(readFileSync(api.bundle, 'utf8'));
    expect(json).toEqual(bundle);
    expect(parse(yaml)).toEqual(bundle);
  });

  it('exports exactly the descriptions redocly.yaml lists, and its package.json', () => {
    const manifest = JSON.parse(
      inConsumer(`
      import { createRequire } from 'node:module';
      console.log(JSON.stringify(createRequire(import.meta.url + '/')('@autocollect/openapi/package.json')));
    `),
    );
    const expected = readApis().flatMap((api) => {
      const name = basename(api.bundle, '.json');
      return [`./${name}.json`, `./${name}.yaml`];
    });
    expect(Object.keys(manifest.exports).sort()).toEqual([...expected, './package.json'].sort());
  });
});
