// An edit to any of the three descriptions reaches its bundle, its generated types and
// its docs page through turbo, with nothing stale from its cache. The test runs the tasks
// of `npm run build` that make those three (lint, bundle, generate, the docs build), with
// the same graph and inputs; compiling the client adds nothing to check here.
//
// A build takes seconds, so each description's edit is shown to be an input of every one
// of those tasks by turbo's own task hashes (a dry run: a changed hash is a cache miss),
// and one build of all three edits shows each reaching its own outputs, and no other's.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfRepo } from '../../scripts/repo-copy.js';
import { repoRoot } from '../scripts/description.js';

const turbo = join(repoRoot, 'node_modules/.bin/turbo');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' };

const TASKS = ['@autocollect/client#generate', '@autocollect/docs#build'];
const build = (copy: string) =>
  execFileSync(turbo, ['run', ...TASKS, '--output-logs=errors-only'], { cwd: copy, env, encoding: 'utf8' });
/** The hash of each task a build runs, by task id: what turbo would look up in its cache. */
const taskHashes = (copy: string): Record<string, string> =>
  Object.fromEntries(
    JSON.parse(execFileSync(turbo, ['run', ...TASKS, '--dry=json'], { cwd: copy, env, encoding: 'utf8' })).tasks.map(
      (task: { taskId: string; hash: string }) => [task.taskId, task.hash],
    ),
  );
/** The tasks that make a description's bundle, types and page. */
const MAKERS = [
  '@autocollect/spec#lint',
  '@autocollect/spec#bundle',
  '@autocollect/client#generate',
  '@autocollect/docs#build',
];

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

const markerOf = (api: string) => `Edited in the pipeline test (${api}).`;

/** Adds a description's marker to one of its schemas. */
function mark({ api, schema }: (typeof DESCRIPTIONS)[number]) {
  const marker = markerOf(api);
  const file = join(copy, schema);
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(/^description: (\|\n {2})?/m, (lead) => `${lead}${marker} `),
  );
}

const read = (output: string) => readFileSync(join(copy, output), 'utf8');

describe('an edit to a description reaches its bundle, types and docs page', () => {
  // Each edit comes on top of the one before: the hashes after one are the next one's before.
  let before: Record<string, string>;
  it.each(DESCRIPTIONS)('$api: its edit is an input of every task that makes them', (description) => {
    before ??= taskHashes(copy);
    mark(description);
    const after = taskHashes(copy);
    expect(MAKERS.filter((task) => !before[task] || before[task] === after[task])).toEqual([]);
    before = after;
  });

  it("one build takes each edit to its own bundle, types and page, and to no other's", () => {
    const markers = DESCRIPTIONS.map(({ api }) => markerOf(api));
    build(copy);
    for (const [index, { outputs }] of DESCRIPTIONS.entries()) {
      for (const output of outputs) {
        expect(read(output), output).toContain(markers[index]);
        for (const other of markers.filter((_, at) => at !== index)) expect(read(output), output).not.toContain(other);
      }
    }
  });

  it('an unchanged rebuild comes from the cache', () => {
    expect(build(copy)).toMatch(/Cached:\s+(\d+) cached, \1 total/);
  });
});
