// An edit to any of the three descriptions reaches its bundle, its generated types and
// its docs page through turbo, with nothing stale from its cache. The test runs the tasks
// of `npm run build` that make those three (lint, bundle, generate, the docs build), with
// the same graph and inputs; compiling the client adds nothing to check here.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../scripts/description.js';

const turbo = join(repoRoot, 'node_modules/.bin/turbo');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' };

/**
 * A git checkout of this repo's tracked files (as they are in the working tree), sharing its
 * installed packages: each workspace's node_modules is linked, and the workspaces themselves
 * are linked under the copy's own node_modules/@autocollect, so the copy builds itself.
 */
function copyOfRepo(): string {
  const copy = mkdtempSync(join(tmpdir(), 'autocollect-pipeline-'));
  const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  for (const file of tracked.split('\0').filter(Boolean)) {
    if (!existsSync(join(repoRoot, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(copy, file));
  }
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'));
  const workspaces = lock.packages as Record<string, { resolved?: string; link?: boolean }>;
  mkdirSync(join(copy, 'node_modules/@autocollect'), { recursive: true });
  for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
    if (entry !== '@autocollect') symlinkSync(join(repoRoot, 'node_modules', entry), join(copy, 'node_modules', entry));
  }
  for (const [location, { resolved: target, link }] of Object.entries(workspaces)) {
    if (!location.startsWith('node_modules/@autocollect/') || !link || !target) continue;
    symlinkSync(join(copy, target), join(copy, location));
    if (existsSync(join(repoRoot, target, 'node_modules'))) {
      symlinkSync(join(repoRoot, target, 'node_modules'), join(copy, target, 'node_modules'));
    }
  }
  // The copy's files are this repo's, so this repo's turbo cache holds their build: its first build restores it.
  if (existsSync(join(repoRoot, '.turbo/cache')))
    cpSync(join(repoRoot, '.turbo/cache'), join(copy, '.turbo/cache'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: copy, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=pipeline test', '-c', 'user.email=pipeline@localhost', 'commit', '-q', '-m', 'copy');
  return copy;
}

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
  copy = copyOfRepo();
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
