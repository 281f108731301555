// The runtime fetcher's promises, on a small stand-in for a runtime: js-yaml 4.3.2,
// whose package is in npm's cache already (the repo's lockfile has it) and whose bin
// reports its version, as node, bun and deno do.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureRuntime, type Runtime, runtimeCommand } from '../scripts/runtimes.js';

const runtime: Runtime = { name: 'js-yaml', npmPackage: 'js-yaml', version: '4.3.2', bin: 'js-yaml', args: [] };
const results = fileURLToPath(new URL('../test-results/', import.meta.url));
let dir: string;
beforeEach(() => {
  mkdirSync(results, { recursive: true });
  dir = mkdtempSync(join(results, 'runtimes-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const version = () => execFileSync(runtimeCommand(runtime, dir).command, ['--version'], { encoding: 'utf8' }).trim();
/** A pid no process has now: a child's, after it exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((done) => child.once('exit', done));
  return child.pid!;
}

describe('fetching a runtime', () => {
  // One test, since each fetch is an npm install: the runtime fetched first is then broken.
  it('fetches it once, then only verifies it; fetches it again once it is broken or answers with another version', async () => {
    expect(() => runtimeCommand(runtime, dir)).toThrow(/is not in .*: run `node scripts\/runtimes.js`/);
    expect(await ensureRuntime(runtime, dir)).toBe('fetched');
    expect(version()).toBe('4.3.2');
    expect(await ensureRuntime(runtime, dir)).toBe('verified');
    expect(readdirSync(dir)).toEqual(['js-yaml@4.3.2']);

    rmSync(join(dir, 'js-yaml@4.3.2/node_modules/js-yaml/bin/js-yaml.js'));
    expect(await ensureRuntime(runtime, dir)).toBe('fetched');
    expect(version()).toBe('4.3.2');

    const wrong = join(dir, 'js-yaml@4.3.2/node_modules/js-yaml/bin/js-yaml.js');
    writeFileSync(wrong, '#!/usr/bin/env node\nconsole.log("4.0.0");\n');
    expect(await ensureRuntime(runtime, dir)).toBe('fetched');
    expect(version()).toBe('4.3.2');
  });

  it('takes over the lock and clears the partial fetch of a process that died mid-fetch', async () => {
    const pid = await deadPid();
    mkdirSync(join(dir, 'js-yaml@4.3.2.lock'));
    writeFileSync(join(dir, 'js-yaml@4.3.2.lock/pid'), String(pid));
    mkdirSync(join(dir, `js-yaml@4.3.2.partial-${pid}/node_modules`), { recursive: true });
    expect(await ensureRuntime(runtime, dir)).toBe('fetched');
    expect(readdirSync(dir)).toEqual(['js-yaml@4.3.2']);
    expect(version()).toBe('4.3.2');
  });

  it('fetches once for two callers at the same time: the second waits and verifies', async () => {
    const outcomes = await Promise.all([ensureRuntime(runtime, dir), ensureRuntime(runtime, dir)]);
    expect(outcomes.sort()).toEqual(['fetched', 'verified']);
    expect(existsSync(join(dir, 'js-yaml@4.3.2.lock'))).toBe(false);
  });
});
