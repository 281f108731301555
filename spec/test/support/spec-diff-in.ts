// `npm run spec:diff` in a copy of the repo of a test file's own, made before its tests and
// removed after them, for the command's tests. The command runs in the test's process
// (specDiff, what the script runs), sparing a process that loads Redocly and the compiler
// again for each answer; its usage errors run the script itself, which hands specDiff's
// answer to the process as its exit code.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { specDiff } from '../../../scripts/spec-diff.js';
import { type SpecCopy, specCopy } from './spec-copy.js';

/**
 * The file's copy (`name` names its folder), and the command in it: as a process (`run`) or
 * in this one (`runHere`).
 */
export function specDiffIn(name: string) {
  let made: SpecCopy | undefined;
  beforeAll(() => {
    made = specCopy(name);
  });
  afterAll(() => made?.remove());
  const copy = (): SpecCopy => {
    if (!made) throw new Error('The copy is made before the tests.');
    return made;
  };
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(copy().dir, 'scripts/spec-diff.js'), ...args], {
      cwd: copy().dir,
      encoding: 'utf8',
    });
  /** The command, in this process: its exit code, and what it printed. */
  const runHere = async (...args: string[]) => {
    const printed = { stdout: '', stderr: '' };
    const status = await specDiff(args, {
      repo: copy().dir,
      out: (line) => (printed.stdout += `${line}\n`),
      err: (line) => (printed.stderr += `${line}\n`),
    });
    return { status, ...printed };
  };
  const changeset = (bump: string) =>
    writeFileSync(
      join(copy().dir, '.changeset/spec-change.md'),
      `---\n'@autocollect/client': ${bump}\n---\n\nA change.\n`,
    );

  return {
    get copy() {
      return copy();
    },
    run,
    runHere,
    changeset,
  };
}
