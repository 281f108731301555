// @ts-check
// Folders that tests (and the bench) make under the system's temporary folder, each named
// after the process that made it. A run interrupted before it cleaned up leaves its folders
// behind (a copy of the repo is tens of MB); the next run removes those whose process is gone.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning } from './process-running.js';

const PARENT = join(tmpdir(), 'autocollect-tests');

/**
 * A new, empty folder, after the folders of processes that are gone are removed.
 * @param {string} name a word for the folder's name
 */
export function testFolder(name) {
  mkdirSync(PARENT, { recursive: true });
  for (const entry of readdirSync(PARENT)) {
    const pid = Number(entry.split('-')[0]);
    if (Number.isSafeInteger(pid) && pid > 0 && !isRunning(pid))
      rmSync(join(PARENT, entry), { recursive: true, force: true });
  }
  return mkdtempSync(join(PARENT, `${process.pid}-${name}-`));
}
