// @ts-check
// The generated TypeScript samples, laid out by Biome to fit the docs' sample pane: a line
// longer than it scrolls out of sight, and its first line runs under the copy button. One
// Biome run formats every sample of every page; its result is kept by what it was given,
// so a rebuild whose samples did not change (most edits in `npm run dev`) runs none.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '@autocollect/spec/description';
import { readCached, writeCached } from '../../../scripts/disk-cache.js';

/** The columns the sample pane shows whole beside the reference at 1400 pixels wide. */
export const SAMPLE_WIDTH = 66;

const require = createRequire(import.meta.url);
const biome = require.resolve('@biomejs/biome/bin/biome');
const biomeVersion = require('@biomejs/biome/package.json').version;
const CACHE = resolve(repoRoot, 'node_modules/.cache/autocollect/docs-samples');
/** The repository's style (biome.jsonc), but for the width: run in a temporary folder, Biome finds no configuration. */
const STYLE = [
  `--line-width=${SAMPLE_WIDTH}`,
  '--indent-style=space',
  '--indent-width=2',
  '--javascript-formatter-quote-style=single',
];

/**
 * @param {string[]} sources TypeScript modules
 * @returns {string[]} each formatted, in the same order
 */
export function formatTypeScript(sources) {
  if (sources.length === 0) return [];
  const key = `${createHash('sha256')
    .update(JSON.stringify([biomeVersion, STYLE, sources]))
    .digest('hex')}.json`;
  const kept = readCached(CACHE, key);
  if (kept !== undefined) return JSON.parse(kept);
  const dir = mkdtempSync(join(tmpdir(), 'autocollect-samples-'));
  try {
    const files = sources.map((source, i) => {
      const file = join(dir, `sample-${i}.ts`);
      writeFileSync(file, source);
      return file;
    });
    execFileSync(process.execPath, [biome, 'format', '--write', ...STYLE, '.'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const formatted = files.map((file) => readFileSync(file, 'utf8').trimEnd());
    writeCached(CACHE, key, JSON.stringify(formatted));
    return formatted;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
