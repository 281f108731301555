// An edit to any of the three descriptions reaches its bundle, its generated types and
// its docs page through turbo, with nothing stale from its cache. The test runs the tasks
// of `npm run build` that make those three (lint, bundle, generate, the docs build), with
// the same graph and inputs; compiling the client adds nothing to check here.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfRepo } from '../../scripts/repo-copy.js';
import { repoRoot } from '../scripts/description.js';

const turbo = join(repoRoot, 'node_modules/.bin/turbo');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' };

const build = (copy: string) =>
  execFileSync(turbo, ['run', '@autocollect/client#generate', '@autocollect/docs#build', '--output-logs=errors-only'], {
    cwd: copy,
    env,
    encoding: 'utf8',
  });

/** Each description, a schema of it whose description the edit changes, and where the edit must show. */
const DESCRIPTIONS = [
  {
    api: 'autocollect@v1',
    schema: 'spec/openapi/components/schemas/Invoice.yaml',
    outputs: [
      'spec/dist/openapi.json',
      'packages/client/src/generated/autocollect.ts',
      'packages/docs/dist/index.html',
    ],
  },
  {
    api: 'identity@v1',
    schema: 'spec/openapi/identity/components/schemas/TokenResponse.yaml',
    outputs: [
      'spec/dist/identity.json',
      'packages/client/src/generated/identity.ts',
      'packages/docs/dist/identity.html',
    ],
  },
  {
    api: 'legacy@v1',
    schema: 'spec/openapi/legacy/components/schemas/LegacyBatch.yaml',
    outputs: ['spec/dist/legacy.json', 'packages/client/src/generated/legacy.ts', 'packages/docs/dist/legacy.html'],
  },
];

let copy: string;
beforeAll(() => {
  copy = copyOfRepo('pipeline', { turboCache: true });
  build(copy); // a cold build, or the cache's when this repo was just built
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('an edit to a description reaches its bundle, types and docs page', () => {
  it.each(DESCRIPTIONS)('$api', ({ api, schema, outputs }) => {
    const marker = `Edited in the pipeline test (${api}).`;
    const before = outputs.map((output) => readFileSync(join(copy, output), 'utf8'));
    expect(before.every((text) => !text.includes(marker))).toBe(true);

    const file = join(copy, schema);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^description: (\|\n {2})?/m, (lead) => `${lead}${marker} `),
    );
    build(copy);

    for (const output of outputs) expect(readFileSync(join(copy, output), 'utf8'), output).toContain(marker);
    // The other descriptions' bundles stay as they were.
    for (const other of DESCRIPTIONS.filter((entry) => entry.api !== api)) {
      expect(readFileSync(join(copy, other.outputs[0]!), 'utf8')).not.toContain(marker);
    }
  });

  it('an unchanged rebuild comes from the cache', () => {
    expect(build(copy)).toMatch(/Cached:\s+(\d+) cached, \1 total/);
  });
});
