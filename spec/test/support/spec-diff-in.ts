// `npm run spec:diff` in a copy of the repo, for the command's tests. The command runs in
// the test's process (specDiff, what the script runs), sparing a process that loads Redocly
// and the compiler again for each answer; its usage errors run the script itself, which hands
// specDiff's answer to the process as its exit code.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { specDiff } from '../../../scripts/spec-diff.js';
import type { SpecCopy } from './spec-copy.js';

/** The command in the copy `copy()` answers (made in a beforeAll): as a process (`run`) or in this one (`runHere`). */
export function specDiffIn(copy: () => SpecCopy) {
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

  return { run, runHere, changeset };
}
