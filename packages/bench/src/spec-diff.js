// @ts-check
// `npm run spec:diff` on a real change, in a copy of the repo: the first comparison with a
// base once the change is built (the base's bundles and types are made), then the same
// again (read back).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOfRepo } from '../../../scripts/repo-copy.js';
import { median, now } from './support.js';

const SCHEMAS = 'spec/openapi/components/schemas';

/** @param {{ runs: number }} options */
export function specDiffCost({ runs }) {
  /** @type {number[]} */
  const first = [];
  /** @type {number[]} */
  const again = [];
  for (let run = 0; run < runs; run++) {
    // A copy of its own each run: its caches (node_modules/.cache) start empty.
    const copy = copyOfRepo('bench-spec-diff');
    try {
      const git = (/** @type {string[]} */ ...args) => execFileSync('git', args, { cwd: copy, stdio: 'ignore' });
      // A change that breaks on both sides, one the compiler sees and one only the wire does.
      const edit = (/** @type {string} */ file, /** @type {(text: string) => string} */ change) =>
        writeFileSync(join(copy, file), change(readFileSync(join(copy, file), 'utf8')));
      edit(`${SCHEMAS}/Invoice.yaml`, (text) => text.replace(/^ {2}ocrReferenceNumber:/m, '  ocrReference:'));
      edit(`${SCHEMAS}/NewPayment.yaml`, (text) => text.replace(/^properties:$/m, 'maxProperties: 8\nproperties:'));
      git('commit', '-qam', 'A change');
      // As after `npm run build` or `npm run dev` on the edit: its types made, the base's not.
      const node = (/** @type {string} */ folder, /** @type {string} */ script) =>
        execFileSync(process.execPath, [script], { cwd: join(copy, folder), stdio: 'pipe' });
      node('spec', 'scripts/bundle.js');
      node('packages/client', 'scripts/generate.js');
      const specDiff = () => {
        const start = now();
        try {
          execFileSync(process.execPath, ['scripts/spec-diff.js', '--base', 'HEAD~1'], { cwd: copy, stdio: 'pipe' });
        } catch (error) {
          // Exit code 1: breaking, as the change is; anything else is a failure of the bench.
          if (/** @type {{ status?: number }} */ (error).status !== 1) throw error;
        }
        return (now() - start) / 1000;
      };
      first.push(specDiff());
      again.push(specDiff());
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }
  return { first: median(first), again: median(again), runs };
}
