// The folders tests make under the temporary folder: one left by a run that was interrupted
// (its process gone) is removed by the next run; one of a process that runs is kept.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { testFolder } from '../../scripts/test-folder.js';

/** A pid no process has now: a child's, after it exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((done) => child.once('exit', done));
  return child.pid!;
}

it('removes the folders of processes that are gone, and keeps those of processes that run', async () => {
  const leftBehind = join(tmpdir(), 'autocollect-tests', `${await deadPid()}-release-interrupted`);
  mkdirSync(join(leftBehind, 'copy'), { recursive: true });
  const mine = testFolder('mine');
  try {
    expect(existsSync(leftBehind)).toBe(false);
    expect(existsSync(mine)).toBe(true);
    // Another folder made while this process runs leaves this one alone.
    rmSync(testFolder('another'), { recursive: true });
    expect(existsSync(mine)).toBe(true);
  } finally {
    rmSync(mine, { recursive: true, force: true });
  }
});
